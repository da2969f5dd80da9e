"""The enrolment QR code, drawn here as inline SVG: the secret never leaves the server."""

import io

import qrcode
import qrcode.image.svg
from django.utils.safestring import mark_safe


def qr_svg(text: str) -> str:
    """An <svg> element (no XML declaration) encoding `text`."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    svg = image.to_string(encoding="unicode")
    return mark_safe(svg[svg.index("<svg") :])  # noqa: S308 (drawn by qrcode from our own URI)


def qr_text(text: str) -> str:
    """The same QR code drawn with block characters, for a terminal."""
    code = qrcode.QRCode(border=1)
    code.add_data(text)
    buffer = io.StringIO()
    code.print_ascii(out=buffer, invert=True)
    return buffer.getvalue()
