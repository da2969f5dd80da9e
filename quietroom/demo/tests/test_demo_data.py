"""The demo's articles come from its WordPress export through the importer, as good as before."""

import ast
import tomllib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from quietroom.blog.models import ArticlePage, BlogCategory
from quietroom.demo import sources
from quietroom.demo.build import build_demo_site
from quietroom.importers.models import ImportedItem
from quietroom.practice.models import ClinicianPage

DEMO_PACKAGE = Path(sources.__file__).parent


@pytest.fixture
def built(db, inbox_keys):
    return build_demo_site()


def test_every_article_of_the_export_is_imported_the_first_time(built):
    slugs = sources.article_slugs()

    assert len(slugs) == 8
    assert built.articles.total("posts", "created") == len(slugs)
    assert built.articles.total("images", "created") == 8
    assert built.articles.warnings == []
    imported = ImportedItem.objects.filter(source="https://lindentree.example", kind="post")
    assert sorted(item.page.slug for item in imported) == sorted(slugs)
    assert sorted(ArticlePage.objects.live().values_list("slug", flat=True)) == sorted(slugs)


def test_a_second_build_finds_every_article_already_imported(built):
    again = build_demo_site()

    assert again.articles.total("posts", "unchanged") == 8
    assert again.articles.total("posts", "created") == 0
    assert again.articles.total("images", "created") == 0
    assert again.created == []


def test_the_pull_quotes_keep_their_words_and_attribution(built):
    article = ArticlePage.objects.get(slug="first-therapy-session")
    quotes = [block.value for block in article.body if block.block_type == "quote"]

    assert [(q["quote"], q["attribution"]) for q in quotes] == [
        ("What if I don’t know what to say?", "a worry many people bring to a first session")
    ]
    unattributed = ArticlePage.objects.get(slug="grief-has-no-schedule")
    quote = next(block.value for block in unattributed.body if block.block_type == "quote")
    assert quote["quote"] == "It’s been two years. Shouldn’t I be over this by now?"
    assert quote["attribution"] == ""


def test_every_article_keeps_its_callout_and_the_blocks_in_order(built):
    article = ArticlePage.objects.get(slug="family-boundaries")

    kinds = [block.block_type for block in article.body]

    assert kinds == ["text", "quote", "text", "callout", "text", "quote", "text"]
    callout = next(block.value for block in article.body if block.block_type == "callout")
    assert callout["heading"] == "Start small"
    assert str(callout["text"]).startswith("<p>If setting limits feels scary")
    for other in ArticlePage.objects.all():
        assert [b.block_type for b in other.body].count("callout") == 1, other.slug


def test_each_article_has_its_clinician_as_author_and_its_hero_described(built):
    article = ArticlePage.objects.get(slug="anxiety-at-night")

    assert article.author == ClinicianPage.objects.get(slug="maya-okafor")
    assert article.author.live
    assert ClinicianPage.objects.count() == 3, "no draft clinician made for an author"
    assert article.hero_image.title == "Illustration: night house"
    assert article.hero_alt.startswith("Illustration: a crescent moon")
    assert article.hero_image.description == article.hero_alt
    assert str(article.date) == "2026-09-17"


def test_categories_keep_their_descriptions_and_articles_their_tags(built):
    article = ArticlePage.objects.get(slug="grief-has-no-schedule")

    assert {c.name for c in article.categories.all()} == {"Grief and loss", "Feelings"}
    assert BlogCategory.objects.get(name="Anxiety").description.startswith("Understanding worry")
    assert BlogCategory.objects.count() == 5
    assert "first session" in ArticlePage.objects.get(
        slug="first-therapy-session"
    ).tags.values_list("name", flat=True)


def test_an_imported_article_renders_its_quote_hero_and_author(built, client):
    article = ArticlePage.objects.get(slug="crying-in-therapy")

    page = BeautifulSoup(client.get(article.url).content, "html.parser")

    assert "Am I too much?" in page.get_text()
    assert "a thought many clients describe" in page.get_text()
    assert page.find("img", alt=article.hero_alt) is not None
    assert page.find("a", href=article.author.url) is not None


def test_the_demo_package_draws_nothing():
    """The pictures are files made by tools/draw_demo_images.py; the demo only loads them."""
    for path in DEMO_PACKAGE.rglob("*.py"):
        for module in imported_modules(path):
            assert not module.startswith(("PIL", "tools")), f"{path} imports {module}"


def test_the_package_data_patterns_carry_every_data_file():
    """`pip install .` copies what pyproject.toml's package-data names, nothing else."""
    with open(DEMO_PACKAGE.parent.parent / "pyproject.toml", "rb") as handle:
        patterns = tomllib.load(handle)["tool"]["setuptools"]["package-data"]["*"]
    carried = {path for pattern in patterns for path in DEMO_PACKAGE.glob(pattern)}
    data_files = {path for path in sources.DATA_DIR.rglob("*") if path.is_file()}

    assert {sources.ARTICLES_WXR, sources.PRACTICE_TOML} <= data_files
    assert len(list(sources.MEDIA_DIR.rglob("*.jpg"))) == 8 + 3
    assert data_files <= carried
    # They are in git: small enough to keep.
    assert sum(path.stat().st_size for path in data_files) < 600_000


def imported_modules(path: Path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
