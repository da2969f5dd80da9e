"""Endorsements on the home page: a professional's words with the relationship required, never
a client's testimonial."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from quietroom.practice.blocks import EndorsementBlock, HomeBodyBlock

WORDS = {"words": "Careful, kind work.", "name": "Dr. Priya Raman", "role": "Family physician"}


def test_an_endorsement_needs_its_relationship():
    block = EndorsementBlock()

    with pytest.raises(ValidationError):
        block.clean(block.to_python({**WORDS, "relationship": ""}))
    with pytest.raises(ValidationError):
        block.clean(block.to_python({**WORDS, "relationship": "client"}))
    assert block.clean(block.to_python({**WORDS, "relationship": "referrer"}))["name"]


def test_no_home_or_article_block_is_a_testimonial():
    from quietroom.blog.blocks import ArticleBodyBlock

    names = {*HomeBodyBlock().child_blocks, *ArticleBodyBlock().child_blocks}

    assert not {name for name in names if "testimonial" in name}


def test_the_home_page_shows_who_endorses_and_how_they_know_the_practice(client, home):
    home.body = [
        (
            "endorsements",
            {
                "heading": "What colleagues say",
                "intro": "",
                "endorsements": [{**WORDS, "relationship": "referrer"}],
            },
        )
    ]
    home.save_revision().publish()

    soup = BeautifulSoup(client.get(home.url).content, "html.parser")

    figure = soup.select_one("section.endorsements figure.endorsement")
    assert figure.blockquote.get_text(strip=True) == "Careful, kind work."
    caption = " ".join(figure.figcaption.get_text().split())
    assert caption == "Dr. Priya Raman, Family physician Refers clients to the practice"
