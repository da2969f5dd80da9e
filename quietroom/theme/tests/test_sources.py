"""Templates and stylesheets are written for people; pages get them compacted, by one function."""

from pathlib import Path

import pytest
from djhtml.modes import DjHTML

from quietroom.theme import css
from quietroom.theme.palette import STYLES

PACKAGE = Path(__file__).resolve().parents[2]
# Every app's templates: the reader's pages here in theme, the admin's and the search page's
# beside their apps.
TEMPLATES = sorted(PACKAGE.glob("*/templates"))
INDENT = 2
LONGEST_LINE = 120
# One-line blocks whose text a browser shows exactly as written (a line break there would
# become part of the page title or the meta description).
ONE_LINE_BLOCKS = ("{% block title %}", "{% block description %}")


def templates() -> list[Path]:
    return sorted(path for folder in TEMPLATES for path in folder.rglob("*.html"))


@pytest.mark.parametrize("path", templates(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_template_is_indented_as_djhtml_would(path):
    source = path.read_text()
    assert DjHTML(source).indent(INDENT) == source, (
        f"run: .venv/bin/djhtml -t {INDENT} {path.relative_to(Path.cwd())}"
    )


def test_no_template_line_is_longer_than_a_person_can_read():
    long = [
        f"{path.relative_to(PACKAGE)}:{number}: {len(line)} characters"
        for path in templates()
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if len(line) > LONGEST_LINE and not any(block in line for block in ONE_LINE_BLOCKS)
    ]
    assert not long, "\n".join(long)


def test_the_stylesheets_are_readable_sources():
    for name in [css.BASE, *(f"styles/{style}.css" for style in STYLES)]:
        lines = css.source(name).splitlines()
        assert len(lines) > 20, name
        assert max(len(line) for line in lines) <= LONGEST_LINE, name


def test_compacting_drops_comments_and_spaces_but_keeps_what_css_needs():
    source = """
    /* a comment */
    .a > .b ,
    .c:hover {
      width: calc(100% - 2 * var(--gutter));
      font: 1rem / 1.5 "Gill Sans", sans-serif;
      color: red !important;
    }
    @media (min-width: 40rem) and (prefers-color-scheme: dark) { .a { margin: 0 auto; } }
    """

    assert css.compact(source) == (
        ".a > .b,.c:hover{width:calc(100% - 2 * var(--gutter));"
        'font:1rem / 1.5 "Gill Sans",sans-serif;color:red!important}'
        "@media (min-width:40rem) and (prefers-color-scheme:dark){.a{margin:0 auto}}"
    )


def test_compacting_twice_changes_nothing():
    once = css.stylesheet("calm")
    assert css.compact(once) == once


@pytest.mark.parametrize("style", list(STYLES))
def test_each_style_inlines_the_base_sheet_then_its_own(style):
    sheet = css.stylesheet(style)
    assert sheet.startswith(css.compact(css.source(css.BASE)))
    assert sheet.endswith(css.compact(css.source(f"styles/{style}.css")))
    assert "/*" not in sheet
