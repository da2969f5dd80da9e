"""Image uploads: complete, real images of bounded size, stored without their location."""

import warnings
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.forms import FileField
from PIL import ExifTags, Image
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

NOT_AN_IMAGE = (
    "This file could not be read as a complete image. It may be damaged, cut short, or "
    "not an image at all. Please upload a JPEG, PNG, WebP, AVIF or GIF file."
)


def guard_pillow() -> None:
    """Make Pillow itself refuse oversized images everywhere, renditions included.

    Pillow warns above MAX_IMAGE_PIXELS and raises above twice that; `check_image` turns
    the warning into a refusal too.
    """
    Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


def check_image(file) -> None:
    """Decode `file` completely; raise ValidationError unless it is a whole, bounded image.

    Wagtail reads only an image's header; a truncated or corrupt file would pass and then
    fail later, when a page first asks for a rendition of it.
    """
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                image.load()
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        raise ValidationError(
            "This image has too many pixels to process safely.", code="too_many_pixels"
        ) from error
    except (OSError, SyntaxError, ValueError) as error:
        raise ValidationError(NOT_AN_IMAGE, code="invalid_image") from error
    finally:
        file.seek(0)


def without_location(file):
    """`file` as it is, or re-saved without EXIF GPS data when it carried any.

    JPEGs keep their quantisation tables (`quality="keep"`), so nothing visible is lost.
    """
    file.seek(0)
    with Image.open(file) as image:
        exif = image.getexif()
        if ExifTags.IFD.GPSInfo not in exif:
            file.seek(0)
            return file
        del exif[ExifTags.IFD.GPSInfo]
        options = {"exif": exif.tobytes(), "icc_profile": image.info.get("icc_profile")}
        if image.format == "JPEG":
            options["quality"] = "keep"
        buffer = BytesIO()
        image.save(buffer, image.format, **options)
    return SimpleUploadedFile(file.name, buffer.getvalue(), getattr(file, "content_type", None))


class SafeImageField(WagtailImageField):
    """Wagtail's image field, decoding the whole image before Wagtail looks at it.

    Wagtail's own pixel count reads frames and lets a truncated file's OSError escape as a
    server error; decoding first turns that into a message.
    """

    def to_python(self, data):
        file = FileField.to_python(self, data)  # empty or missing: Django's own messages
        if file is not None and file.size <= (self.max_upload_size or file.size):
            check_image(file)
        return super().to_python(data)


class SafeImageForm(BaseImageForm):
    """Wagtail's image form (single and multiple upload) with the checks above."""

    file = SafeImageField(label="File")

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if not isinstance(file, UploadedFile):
            return file  # editing an image without replacing its file
        return without_location(file)
