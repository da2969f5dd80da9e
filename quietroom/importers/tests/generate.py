"""Squarespace-style exports of any size, streamed to disk, for the repair and memory tests."""

from pathlib import Path

from quietroom.importers.sample import PARAGRAPH

# Squarespace writes titles, addresses and comments outside CDATA with bare ampersands and
# HTML entities, slugs as paths ending in .html, and lazily loaded image blocks.
SQUARESPACE_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<rss xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n'
    "<channel>\n<title>Harbour & Hill Counselling</title><link>http://generated.example</link>\n"
    "<wp:wxr_version>1.2</wp:wxr_version>\n"
    "<wp:author><wp:author_login>writer@generated.example</wp:author_login>"
    "<wp:author_display_name><![CDATA[Sam Writer]]></wp:author_display_name></wp:author>\n"
)
IMAGE_BLOCK = (
    '<div class="sqs-block image-block sqs-block-image"><figure class="sqs-block-image-figure">'
    '<noscript><img src="https://images.generated.example/calm-{n}.jpg?w=800&h=600"></noscript>'
    '<img class="thumb-image" data-src="https://images.generated.example/calm-{n}.jpg?w=800&h=600"'
    ' alt="A calm room, number {n}"></figure></div>\n'
)
SQUARESPACE_COMMENT = (
    "<wp:comment><wp:comment_id>{n}</wp:comment_id>"
    "<wp:comment_author>Reader {n} & friend</wp:comment_author>"
    "<wp:comment_content>{text}</wp:comment_content></wp:comment>\n"
)
COMMENT_TEXT = (
    "Thank you for writing this &mdash; it helped me and my partner & we will try the "
    "breathing tonight, slowly, before sleep. "
)


def squarespace_item(number: int, paragraphs: int, comments: int, comment_kb: int = 1) -> str:
    content = IMAGE_BLOCK.format(n=number) + "".join(
        PARAGRAPH.format(other=max(1, number - 1)) for _ in range(paragraphs)
    )
    text = COMMENT_TEXT * (9 * comment_kb)
    thread = "".join(
        SQUARESPACE_COMMENT.format(n=number * 1000 + c, text=text) for c in range(comments)
    )
    return (
        f"<item><title>Worry & sleep &mdash; part {number}</title>"
        f"<link>/blog/2024/5/{1 + number % 28}/generated-post-{number}.html</link>"
        f"<content:encoded><![CDATA[{content}]]></content:encoded>"
        f"<wp:post_name>blog/2024/5/{1 + number % 28}/generated-post-{number}.html</wp:post_name>"
        f"<wp:post_type>post</wp:post_type><wp:post_id>{number}</wp:post_id>"
        "<wp:status>publish</wp:status>"
        f"<wp:post_date>2024-05-{1 + number % 28:02d} 09:00:00</wp:post_date>"
        f'<category domain="category" nicename="rest-&-sleep">Rest & sleep</category>'
        f"<dc:creator>writer@generated.example</dc:creator>{thread}</item>\n"
    )


def write_squarespace(
    path: Path, posts: int, paragraphs: int = 6, comments: int = 0, comment_kb: int = 1
) -> Path:
    """A Squarespace-style export of `posts` posts: not XML until repaired."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(SQUARESPACE_HEAD)
        for number in range(1, posts + 1):
            handle.write(squarespace_item(number, paragraphs, comments, comment_kb))
        handle.write("</channel>\n</rss>\n")
    return path
