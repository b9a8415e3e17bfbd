"""Attachments of clues (photos of family documents, letters, certificates): cleaned, encrypted
and kept where no web server serves them.

- **Cleaned** by the media service's safe upload (``media.uploads``): a photo is decoded,
  checked and re-encoded without its metadata (a phone photo's GPS position would give away the
  family's home); a PDF must be one. Anything else is refused with a Chinese message.
- **Encrypted** with the personal-data keys (``siteshell.privacy.crypto``: Fernet, rotated by
  ``rotate_clue_attachments``), so that a copied folder or backup shows nothing.
- **Private**: in ``SEEKRELATIVES_PRIVATE_ROOT`` (default ``var/private/seekrelatives``), outside
  ``MEDIA_ROOT`` and never in the public media library. Only 寻亲专班 read them, through an
  admin view that logs every reading.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.seekrelatives import conf
from media.uploads import sanitize_image
from siteshell.privacy import crypto

PDF_MIME = "application/pdf"


@dataclass(frozen=True)
class CleanFile:
    content: bytes
    extension: str
    mime_type: str


def storage() -> FileSystemStorage:
    """The private folder (read from the settings at each use). ``base_url`` is ``None``: the
    files have no address."""
    return FileSystemStorage(location=str(conf.private_root()), base_url=None)


def _read(upload) -> bytes:
    if hasattr(upload, "seek"):
        upload.seek(0)
    return upload.read()


def clean_upload(upload) -> CleanFile:
    """The upload as it will be kept, or a ``ValidationError`` saying what to do."""
    limit = conf.file_max_bytes()
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("文件“%(name)s”过大（%(size)s），每个文件不能超过 %(limit)s。请压缩或拍得小一些后再上传。")
            % {"name": upload.name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )
    data = _read(upload)
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return CleanFile(data, "pdf", PDF_MIME)
    try:
        image = sanitize_image(data)
    except ValidationError:
        raise ValidationError(
            _("文件“%(name)s”无法使用：只能上传照片（JPEG、PNG、HEIC等）或PDF文件，且文件须完整。")
            % {"name": upload.name},
            code="invalid_attachment",
        ) from None
    return CleanFile(image.content, image.extension, image.mime_type)


def store(clean: CleanFile) -> str:
    """Encrypt and keep ``clean``; the name it is kept under (nothing of the original name)."""
    today = timezone.localdate()
    name = f"{today:%Y/%m}/{uuid.uuid4().hex}.{clean.extension}.enc"
    token = crypto.fernet().encrypt(clean.content)
    return storage().save(name, ContentFile(token))


def read(name: str) -> bytes:
    """The plain content of a kept file (raises ``cryptography.fernet.InvalidToken`` when no
    configured key opens it)."""
    with storage().open(name, "rb") as handle:
        return crypto.fernet().decrypt(handle.read())


def rotate(name: str) -> None:
    """Re-encrypt a kept file with the first key (after ``PERSONAL_DATA_KEYS`` changed)."""
    files = storage()
    with files.open(name, "rb") as handle:
        token = crypto.fernet().rotate(handle.read())
    with files.open(name, "wb") as handle:
        handle.write(token)


def delete(name: str) -> None:
    if name:
        storage().delete(name)
