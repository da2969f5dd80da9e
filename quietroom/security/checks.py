"""System checks: the configuration a practice site must keep to stay private and safe."""

from django.apps import apps
from django.conf import settings
from django.core.checks import Warning, register
from wagtail.blocks import RawHTMLBlock
from wagtail.fields import StreamField

# Generous for photographs, far below what would let one upload exhaust a small server.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 50_000_000


def admin_calls_home(app_configs=None, **kwargs):
    """The admin must not tell wagtail.org or gravatar.com who uses it (SECURITY F1)."""
    problems = []
    if getattr(settings, "WAGTAIL_ENABLE_UPDATE_CHECK", True) is not False:
        problems.append(
            Warning(
                "The Wagtail admin checks for updates on wagtail.org, revealing the site.",
                hint="Set WAGTAIL_ENABLE_UPDATE_CHECK = False.",
                id="quietroom.security.W001",
            )
        )
    if getattr(settings, "WAGTAIL_GRAVATAR_PROVIDER_URL", "gravatar") is not None:
        problems.append(
            Warning(
                "Staff avatars are fetched from a third party.",
                hint="Set WAGTAIL_GRAVATAR_PROVIDER_URL = None.",
                id="quietroom.security.W002",
            )
        )
    return problems


def uploads_are_bounded(app_configs=None, **kwargs):
    """Documents go through Django with their own headers; uploads have size limits."""
    problems = []
    if getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None) != "serve_view":
        problems.append(
            Warning(
                "Documents are not served through Wagtail's serve view, so privacy and the "
                "download headers are not enforced.",
                hint="Set WAGTAILDOCS_SERVE_METHOD = 'serve_view'.",
                id="quietroom.security.W003",
            )
        )
    limits = {
        "WAGTAILIMAGES_MAX_UPLOAD_SIZE": MAX_UPLOAD_BYTES,
        "WAGTAILDOCS_MAX_UPLOAD_SIZE": MAX_UPLOAD_BYTES,
        "WAGTAILIMAGES_MAX_IMAGE_PIXELS": MAX_PIXELS,
    }
    for name, ceiling in limits.items():
        value = getattr(settings, name, None)
        if not value or value > ceiling:
            problems.append(
                Warning(
                    f"{name} is {value!r}: uploads need a limit of at most {ceiling:,}.",
                    id="quietroom.security.W004",
                )
            )
    if "svg" in getattr(settings, "WAGTAILIMAGES_EXTENSIONS", []):
        problems.append(
            Warning(
                "SVG images can carry scripts.",
                hint="Leave 'svg' out of WAGTAILIMAGES_EXTENSIONS.",
                id="quietroom.security.W005",
            )
        )
    return problems


def raw_html_blocks(block, path: str):
    """Yield the path of every RawHTMLBlock inside `block`, however deeply nested."""
    if isinstance(block, RawHTMLBlock):
        yield path
    children = dict(getattr(block, "child_blocks", {}))
    if hasattr(block, "child_block"):
        children["item"] = block.child_block
    for name, child in children.items():
        yield from raw_html_blocks(child, f"{path}.{name}")


def no_raw_html(app_configs=None, **kwargs):
    """Editors write rich text that is sanitised; raw HTML would bypass that."""
    problems = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and field.model is model:
                label = f"{model._meta.label}.{field.name}"
                problems += [
                    Warning(
                        f"{path} is a RawHTMLBlock: editors could publish scripts.",
                        id="quietroom.security.W006",
                    )
                    for path in raw_html_blocks(field.stream_block, label)
                ]
    return problems


def no_form_builder(app_configs=None, installed_apps=None, **kwargs):
    if "wagtail.contrib.forms" in (installed_apps or settings.INSTALLED_APPS):
        return [
            Warning(
                "wagtail.contrib.forms stores submissions in plain text and emails every "
                "field; consultation requests belong in the encrypted inbox.",
                id="quietroom.security.W007",
            )
        ]
    return []


def register_all():
    for check in (admin_calls_home, uploads_are_bounded, no_raw_html, no_form_builder):
        register(check, "security")
