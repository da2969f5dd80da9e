"""Search and sharing: the summary, the title's length in results, the hero image."""

from quietroom.checks.document import Document, Location
from quietroom.checks.findings import HINT, WARNING
from quietroom.checks.registry import Issue, rule

FAMILY = "search"
MAX_TITLE_LENGTH = 60  # about what search engines show before cutting a title off


@rule("summary-missing", family=FAMILY, level=WARNING, title="Article without a summary")
def summary_missing(document: Document, config):
    """Yields a warning for an article without a summary."""
    if document.is_article and not document.summary.strip():
        yield Issue(
            Location("summary", "Summary"),
            "This article has no summary. It is shown in listings, in search results and when "
            "the article is shared; one or two sentences that tell a reader what they will "
            "find are enough.",
        )


@rule("title-length", family=FAMILY, level=HINT, title="Title too long for search results")
def title_length(document: Document, config):
    """Yields a hint when search results would cut the article's title short."""
    title = (document.search_title or document.title).strip()
    if document.is_article and len(title) > MAX_TITLE_LENGTH:
        yield Issue(
            Location("seo_title", "Title tag (Promote tab)"),
            f"The title has {len(title)} characters and search results show about "
            f"{MAX_TITLE_LENGTH}, so its end will be cut off there. You can give search engines "
            "a shorter “title tag” in the Promote tab.",
        )


@rule("hero-missing", family=FAMILY, level=HINT, title="Article without a hero image")
def hero_missing(document: Document, config):
    """Yields a hint for an article without a hero image."""
    if document.is_article and document.hero is None:
        yield Issue(
            Location("hero_image", "Hero image"),
            "This article has no hero image. An image helps it stand out in the blog and when "
            "it is shared; a calm illustration or photograph works well.",
        )
