"""`quietroom check_content`: every live page or the given ones, text or JSON, exit codes."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from jsonschema import Draft202012Validator

from quietroom.checks.output import as_json
from quietroom.checks.site import check_live_pages
from quietroom.cli import main
from quietroom.core.tests.factories import make_article, make_draft, make_image

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "check_content.schema.json").read_text()
)
LONG = "<p>" + "and then we waited " * 10 + "for the rain to stop.</p>"


def image_block(alt):
    return {"type": "image", "value": {"image": make_image().pk, "alt_text": alt, "caption": ""}}


@pytest.fixture
def hero():
    return {"hero_image": make_image(), "hero_alt": "A calm lake", "summary": "Calm words."}


@pytest.fixture
def clean(blog, hero):
    return make_article(blog, title="Clean", slug="clean", **hero)


@pytest.fixture
def with_warning(blog, hero):
    return make_article(
        blog, title="Wordy", slug="wordy", body=[{"type": "text", "value": LONG}], **hero
    )


@pytest.fixture
def with_error(blog, hero):
    return make_article(blog, title="No alt", slug="no-alt", body=[image_block("")], **hero)


def run(*args) -> tuple[str, CommandError | None]:
    out = StringIO()
    try:
        call_command("check_content", *args, stdout=out)
    except CommandError as error:
        return out.getvalue(), error
    return out.getvalue(), None


def test_the_json_report_validates_against_the_shipped_schema(clean, with_warning, with_error):
    output, _ = run("--json")

    Draft202012Validator.check_schema(SCHEMA)
    report = json.loads(output)
    Draft202012Validator(SCHEMA).validate(report)
    by_title = {page["title"]: page for page in report["pages"]}
    assert by_title["No alt"]["findings"][0]["rule"] == "alt-missing"
    assert by_title["No alt"]["findings"][0]["location"]["anchor"].endswith(".alt_text")
    assert report["totals"]["errors"] == 1
    assert report["failed"] is True


def test_the_schema_rejects_a_report_of_another_shape(clean):
    report = json.loads(as_json(check_live_pages(), "error"))
    report["pages"][0]["findings"] = [{"level": "fatal", "rule": "x", "message": "m"}]

    assert list(Draft202012Validator(SCHEMA).iter_errors(report))


def test_every_live_page_is_checked_and_drafts_are_not(home, blog, clean):
    make_draft(blog, title="Unfinished", body=[image_block("")])

    report = json.loads(run("--json")[0])

    titles = {page["title"] for page in report["pages"]}
    assert {"Clean", "Articles"} <= titles
    assert "Unfinished" not in titles


def test_the_readable_report_names_pages_findings_and_totals(clean, with_warning, with_error):
    output, _ = run()

    assert "No alt (http://" in output
    assert "error   alt-missing  Body, block 1 (image): This image" in output
    assert "warning long-sentence" in output
    assert "1 error, 1 warning, " in output
    assert "Clean (" not in output  # a page with nothing to say is not listed


def test_errors_fail_the_command_by_default(with_error):
    _, error = run()

    assert error.returncode == 1
    assert "1 of" in str(error)


def test_warnings_pass_by_default_and_fail_with_fail_on_warning(with_warning):
    assert run()[1] is None
    assert run("--fail-on", "warning")[1].returncode == 1


def test_suggestions_never_fail_the_command(clean):
    output, error = run("--fail-on", "warning")

    assert error is None
    assert "0 errors, 0 warnings" in output
    assert "suggestion" in output


def test_given_paths_limit_the_check_to_those_pages(clean, with_error):
    report = json.loads(run("--json", "/articles/clean/")[0])

    assert [page["title"] for page in report["pages"]] == ["Clean"]


def test_a_path_can_be_given_as_a_full_address_or_without_slashes(clean):
    for path in ("http://localhost/articles/clean/", "articles/clean"):
        report = json.loads(run("--json", path)[0])
        assert [page["title"] for page in report["pages"]] == ["Clean"]


def test_an_unknown_path_is_named_and_nothing_is_reported(clean):
    output, error = run("--json", "/articles/clean/", "/no/such/page/")

    assert error.returncode == 2
    assert "No live page at /no/such/page/" in str(error)
    assert output == ""


def test_the_exit_code_reaches_the_shell(with_error, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["quietroom", "check_content", "--json"])

    captured = capsys.readouterr()
    assert exit_info.value.code == 1
    assert json.loads(captured.out)["failed"] is True
    assert "have a finding at level “error”" in captured.err


def test_a_clean_site_exits_with_zero(clean, capsys):
    main(["quietroom", "check_content"])

    assert "0 errors" in capsys.readouterr().out
