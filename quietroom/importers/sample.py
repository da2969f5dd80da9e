"""WordPress exports of any size, made up and streamed to disk: for the benchmark and the
importer's memory tests."""

from pathlib import Path

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
    'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
    "<title>Generated</title><link>https://generated.example</link>\n"
    "<wp:wxr_version>1.2</wp:wxr_version>\n"
    "<wp:author><wp:author_login>writer</wp:author_login>"
    "<wp:author_display_name>Sam Writer</wp:author_display_name></wp:author>\n"
)
PARAGRAPH = (
    "<p>Worry often arrives at night, when the house is quiet and there is nothing to "
    "distract us. Naming it, writing it down and breathing out slowly can help. "
    '<a href="https://generated.example/{other}/">A related post</a>.</p>\n'
)
COMMENT = (
    "<wp:comment><wp:comment_id>{n}</wp:comment_id>"
    "<wp:comment_author><![CDATA[Reader {n}]]></wp:comment_author>"
    "<wp:comment_content><![CDATA[{text}]]></wp:comment_content></wp:comment>\n"
)


def item(number: int, paragraphs: int, comments: int, comment_kb: int = 1) -> str:
    content = "".join(PARAGRAPH.format(other=max(1, number - 1)) for _ in range(paragraphs))
    thread = "".join(
        COMMENT.format(n=number * 1000 + c, text="Thank you for writing this. " * (37 * comment_kb))
        for c in range(comments)
    )
    return (
        f"<item><title>Generated post {number}</title>"
        f"<link>https://generated.example/{number}/</link>"
        "<dc:creator>writer</dc:creator>"
        f"<content:encoded><![CDATA[<h2>Section {number}</h2>\n{content}]]></content:encoded>"
        f"<excerpt:encoded><![CDATA[Summary of post {number}.]]></excerpt:encoded>"
        f"<wp:post_id>{number}</wp:post_id>"
        f"<wp:post_date>2024-{1 + number % 12:02d}-{1 + number % 28:02d} 09:00:00</wp:post_date>"
        f"<wp:post_name>generated-post-{number}</wp:post_name>"
        "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>"
        f'<category domain="category" nicename="topic-{number % 5}">Topic {number % 5}</category>'
        f'<category domain="post_tag" nicename="tag-{number % 7}">tag {number % 7}</category>'
        f"{thread}</item>\n"
    )


def write_wxr(
    path: Path, posts: int, paragraphs: int = 6, comments: int = 0, comment_kb: int = 1
) -> Path:
    """A WXR file of `posts` posts, each with `paragraphs` paragraphs and `comments`
    comments of about `comment_kb` KB (the bulk of a large real export)."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(HEAD)
        for number in range(1, posts + 1):
            handle.write(item(number, paragraphs, comments, comment_kb))
        handle.write("</channel>\n</rss>\n")
    return path
