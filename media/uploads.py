"""Upload safety: what a file really is, whether we accept it, and a clean copy to store.

Every upload is judged by its content, never by its name. Images are fully decoded once (a
truncated or corrupt file fails here, not later when a page renders), checked against a pixel
limit before decoding (decompression bombs), then re-encoded with the EXIF orientation applied
and all other metadata (GPS position, camera serial, owner name, XMP, comments) left behind.
Families send photos taken on phones; their home's coordinates must not end up on the site.

Every refusal is a ``ValidationError`` with a message that says what to do, in the editor's language.
"""

from __future__ import annotations

import io
import os
import warnings
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageFile, ImageOps, ImageSequence, UnidentifiedImageError

from siteshell.languages import join_list

#: Pillow format name -> (stored extension, MIME type). MPO is the multi-picture JPEG that
#: some cameras write; it is a JPEG for every purpose here.
IMAGE_FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "MPO": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
    "AVIF": ("avif", "image/avif"),
    "HEIF": ("heic", "image/heic"),
    "GIF": ("gif", "image/gif"),
}
#: The image formats an editor may upload, as the messages name them.
ALLOWED_IMAGE_NAMES = ("JPEG", "PNG", "WebP", "AVIF", "HEIC", "GIF")

#: Metadata that survives re-encoding: colour profile and transparency change how the picture
#: looks; animation timing is part of a GIF. Everything else is dropped.
KEPT_IMAGE_INFO = ("icc_profile", "transparency", "duration", "loop", "background", "disposal")

#: Marks a file that has already been through :func:`sanitize_image` (so the model does not
#: re-encode what the form just cleaned).
SANITIZED_FLAG = "_media_sanitized"


@dataclass
class CleanImage:
    content: bytes
    extension: str
    mime_type: str
    width: int
    height: int


def _max_image_bytes():
    return getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 20 * 1024 * 1024)


def _max_image_pixels():
    return getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 50_000_000)


def check_size(size, limit, what):
    """Refuse a file over ``limit`` bytes (``None``: no limit)."""
    if limit is not None and size is not None and size > limit:
        raise ValidationError(
            _("%(what)s过大（%(size)s），上限为 %(limit)s。请压缩后再上传。")
            % {"what": what, "size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )


def _read_all(file) -> bytes:
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read()
    if hasattr(file, "seek"):
        file.seek(0)
    return data


def _open_image(data: bytes) -> Image.Image:
    """Open without decoding, turning Pillow's bomb warning into a refusal."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            return Image.open(io.BytesIO(data))
        except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
            raise _too_many_pixels() from exc
        except UnidentifiedImageError as exc:
            raise ValidationError(
                _("无法识别这个文件：它不是图片，或图片格式不受支持。请上传 %(formats)s 格式的图片。")
                % {"formats": join_list(ALLOWED_IMAGE_NAMES)},
                code="invalid_image",
            ) from exc
        except Exception as exc:  # noqa: BLE001  Pillow raises many kinds for broken headers
            raise _corrupt() from exc


def _too_many_pixels(pixels=None):
    limit = _max_image_pixels()
    # Chinese counts pixels in 万 (ten thousands), English in millions: the messages get both.
    counts = {"limit": round(limit / 10_000), "limit_megapixels": _millions(limit)}
    if pixels is None:
        # Translators: %(limit)s counts ten thousands (万); %(limit_megapixels)s is the same in millions.
        # xgettext:no-python-format
        message = _("图片像素过多，上限为 %(limit)s 万像素。请缩小尺寸后再上传。") % counts
    else:
        counts.update(pixels=round(pixels / 10_000), pixels_megapixels=_millions(pixels))
        # Translators: %(pixels)s and %(limit)s count ten thousands (万); the same in millions are
        # %(pixels_megapixels)s and %(limit_megapixels)s.
        # xgettext:no-python-format
        message = _("图片像素过多（%(pixels)s 万像素），上限为 %(limit)s 万像素。请缩小尺寸后再上传。") % counts
    return ValidationError(message, code="file_too_many_pixels")


def _millions(count):
    """``50_000_000`` → ``"50"``, ``1_234_567`` → ``"1.2"``."""
    return f"{round(count / 1_000_000, 1):g}"


def _corrupt():
    return ValidationError(
        _("图片文件已损坏或不完整（可能上传中断），无法读取。请重新导出或重新拍摄后再上传。"),
        code="corrupt_image",
    )


def _frames(image):
    return getattr(image, "n_frames", 1) or 1


def inspect_image(data: bytes) -> Image.Image:
    """Validate image bytes and return the fully decoded Pillow image.

    Checks, in order: size in bytes, that the content is an image at all, the format
    whitelist, the pixel count (read from the header, before any decoding), and that every
    frame decodes completely.
    """
    check_size(len(data), _max_image_bytes(), _("图片文件"))
    image = _open_image(data)
    if image.format not in IMAGE_FORMATS:
        raise ValidationError(
            _("不支持 %(format)s 格式的图片。请上传 %(formats)s 格式的图片。")
            % {"format": image.format or "?", "formats": join_list(ALLOWED_IMAGE_NAMES)},
            code="invalid_image_extension",
        )
    width, height = image.size
    pixels = width * height * _frames(image)
    if pixels > _max_image_pixels():
        raise _too_many_pixels(pixels)
    # Truncated files must fail here even if some other code switched Pillow to lenient mode.
    lenient, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            for frame in ImageSequence.Iterator(image):
                frame.load()
        image.seek(0)
    except ValidationError:
        raise
    except Exception as exc:  # noqa: BLE001  OSError, SyntaxError, ValueError, EOFError …
        raise _corrupt() from exc
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient
    return image


def sanitize_image(data: bytes) -> CleanImage:
    """Validate image bytes and re-encode them without personal metadata.

    The EXIF orientation is applied to the pixels first, so a portrait photo stays upright
    once the tag is gone. HEIC (iPhone photos) is stored as JPEG (PNG when it has
    transparency) so that every browser and tool can open the original.
    """
    image = inspect_image(data)
    source_format = image.format
    extension, mime_type = IMAGE_FORMATS[source_format]
    output = io.BytesIO()

    if source_format == "GIF":
        kept = {key: image.info[key] for key in KEPT_IMAGE_INFO if key in image.info}
        frames = [frame.copy() for frame in ImageSequence.Iterator(image)]
        for frame in frames:
            frame.info = {key: frame.info[key] for key in KEPT_IMAGE_INFO if key in frame.info}
        frames[0].save(output, format="GIF", save_all=len(frames) > 1, append_images=frames[1:], **kept)
    else:
        upright = ImageOps.exif_transpose(image) or image
        clean = upright.copy()
        clean.info = {key: upright.info[key] for key in KEPT_IMAGE_INFO if key in upright.info}
        save_format = "JPEG" if source_format == "MPO" else source_format
        options = {}
        if source_format == "HEIF":
            has_alpha = clean.mode in ("RGBA", "LA") or "transparency" in clean.info
            save_format, extension, mime_type = (
                ("PNG", "png", "image/png") if has_alpha else ("JPEG", "jpg", "image/jpeg")
            )
        # High quality, fast settings: the original is re-encoded during the upload request
        # (bench/media_bench.py: the slowest encoder settings took 10-30 s for 12 MP).
        if save_format == "JPEG":
            if clean.mode not in ("RGB", "L", "CMYK"):
                clean = clean.convert("RGB")
            options = {"quality": 90, "optimize": True}
        elif save_format == "WEBP":
            options = {"quality": 90, "method": 2}
        elif save_format == "AVIF":
            options = {"quality": 85, "speed": 10}
        elif save_format == "PNG":
            options = {"compress_level": 3}
        if "icc_profile" in clean.info:
            options["icc_profile"] = clean.info["icc_profile"]
        # No Exif at all is passed explicitly: some encoders otherwise copy the source's.
        clean.save(output, format=save_format, exif=b"", **options)
        image = clean

    return CleanImage(output.getvalue(), extension, mime_type, image.width, image.height)


def clean_image_upload(file, name: str | None = None) -> SimpleUploadedFile:
    """An uploaded image file turned into a sanitized upload named after its real type."""
    clean = sanitize_image(_read_all(file))
    stem = os.path.splitext(os.path.basename(name or getattr(file, "name", "") or "image"))[0] or "image"
    upload = SimpleUploadedFile(f"{stem}.{clean.extension}", clean.content, content_type=clean.mime_type)
    setattr(upload, SANITIZED_FLAG, True)
    return upload


# -- video, audio, captions ---------------------------------------------------------------------

#: What ``filetype`` detects -> the extensions such content may carry.
VIDEO_KINDS = {"mp4": {"mp4", "m4v"}, "m4v": {"mp4", "m4v"}, "webm": {"webm"}, "mov": {"mp4", "m4v"}}
AUDIO_KINDS = {
    "mp3": {"mp3"},
    "m4a": {"m4a", "aac"},
    "aac": {"aac", "m4a"},
    "ogg": {"ogg", "oga"},
    "wav": {"wav"},
    "flac": {"flac"},
}


def _head(file, length=8192) -> bytes:
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read(length)
    if hasattr(file, "seek"):
        file.seek(0)
    return data


def _extension(name) -> str:
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def validate_media_file(file, media_type: str):
    """Refuse a video/audio upload whose content is not an allowed format or is too big."""
    from wagtailmedia.settings import wagtailmedia_settings

    if media_type == "video":
        kinds, allowed, what = VIDEO_KINDS, wagtailmedia_settings.VIDEO_EXTENSIONS, _("视频文件")
        limit = getattr(settings, "MEDIA_VIDEO_MAX_UPLOAD_SIZE", None)
    else:
        kinds, allowed, what = AUDIO_KINDS, wagtailmedia_settings.AUDIO_EXTENSIONS, _("音频文件")
        limit = getattr(settings, "MEDIA_AUDIO_MAX_UPLOAD_SIZE", None)
    check_size(file.size, limit, what)
    allowed_text = join_list(ext.upper() for ext in allowed)
    kind = filetype.guess(_head(file))
    if kind is None or kind.extension not in kinds:
        raise ValidationError(
            _("无法识别这个%(what)s的格式，或格式不受支持。请上传 %(formats)s 格式的文件。")
            % {"what": what, "formats": allowed_text},
            code="invalid_media",
        )
    extension = _extension(file.name)
    if extension not in kinds[kind.extension] or extension not in allowed:
        raise ValidationError(
            _("文件内容是 %(kind)s 格式，与扩展名“.%(extension)s”不符。请改正扩展名后再上传。")
            % {"kind": kind.extension.upper(), "extension": extension},
            code="invalid_media_extension",
        )


def validate_webvtt(file):
    """Refuse a captions file that is not UTF-8 WebVTT (``WEBVTT`` on its first line)."""
    check_size(file.size, getattr(settings, "MEDIA_CAPTIONS_MAX_UPLOAD_SIZE", 2 * 1024 * 1024), _("字幕文件"))
    if _extension(file.name) != "vtt":
        raise ValidationError(_("字幕文件须为 WebVTT 格式（扩展名 .vtt）。"), code="invalid_captions")
    try:
        text = _read_all(file).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            _("字幕文件须使用 UTF-8 编码保存。请在编辑器中另存为 UTF-8 后再上传。"), code="invalid_captions"
        ) from exc
    first_line = text.splitlines()[0] if text else ""
    if not (first_line == "WEBVTT" or first_line.startswith(("WEBVTT ", "WEBVTT\t"))):
        raise ValidationError(
            _("字幕文件不是有效的 WebVTT：第一行必须是“WEBVTT”。SRT 字幕请先转换为 WebVTT。"),
            code="invalid_captions",
        )


# -- documents ------------------------------------------------------------------------------------

OOXML = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _zip_names(data: bytes) -> list[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        return []


def _document_content_matches(extension: str, data: bytes) -> bool:
    if extension == "pdf":
        return data[:1024].lstrip().startswith(b"%PDF-")
    if extension == "doc":
        return data.startswith(OLE2_MAGIC)
    if extension in OOXML:
        names = _zip_names(data)
        return "[Content_Types].xml" in names and any(n.startswith(OOXML[extension]) for n in names)
    if extension == "odt":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return archive.read("mimetype").strip() == b"application/vnd.oasis.opendocument.text"
        except (zipfile.BadZipFile, KeyError, ValueError):
            return False
    if extension == "txt":
        if b"\x00" in data:
            return False
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                data.decode(encoding)
                return True
            except UnicodeDecodeError:
                continue
        return False
    return False


def validate_document_file(file):
    """Refuse a document that is too big, of a type not on the list, or not what its name says."""
    check_size(file.size, getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None), _("文档"))
    allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or []
    extension = _extension(file.name)
    allowed_text = join_list(ext.upper() for ext in allowed)
    if extension not in allowed:
        raise ValidationError(
            _("不支持“.%(extension)s”类型的文档。可上传的类型：%(formats)s。")
            % {"extension": extension or "?", "formats": allowed_text},
            code="invalid_document_extension",
        )
    if not _document_content_matches(extension, _read_all(file)):
        raise ValidationError(
            _("文件内容与扩展名“.%(extension)s”不符，或文件已损坏。请用原软件重新导出后再上传。")
            % {"extension": extension},
            code="invalid_document",
        )
