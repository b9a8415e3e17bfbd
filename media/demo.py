"""Images generated for demo content: abstract and copyright-free."""

import hashlib
import io
import math

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.images.rect import Rect

from media import demo_art


def render_png(seed: str, width=1200, height=800, scene: str = "") -> bytes:
    """A quiet generated picture (:mod:`media.demo_art`), its scene chosen by ``seed`` unless
    named; returns PNG bytes."""
    return _picture(seed, scene, width, height).png


def _picture(seed: str, scene: str, width=1200, height=800) -> demo_art.Picture:
    name = scene or demo_art.SCENES[hashlib.sha256(seed.encode()).digest()[0] % len(demo_art.SCENES)]
    return getattr(demo_art, name)(seed, width=width, height=height)


def make_image(
    title: str, seed: str = "", alt_text: str = "", scene: str = "", surname: str = "", width=1200, height=800, **fields
):
    """Get or create a generated image titled ``title`` (idempotent by title): a ``scene`` of
    :mod:`media.demo_art` (monument, chrysanthemums, hall, pines; by default one chosen by the
    seed), or with ``surname`` a neutral portrait placeholder bearing it. The subject is the
    image's focal point, so that crops keep it whole."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = demo_art.portrait(surname) if surname else _picture(seed or title, scene, width, height)
    image = Image(title=title, alt_text=alt_text or title, source="系统生成的示例图片", **fields)
    image.file = ImageFile(io.BytesIO(picture.png), name=f"demo-{hashlib.md5(title.encode()).hexdigest()[:10]}.png")
    x, y, width, height = picture.focus
    image.set_focal_point(Rect(x, y, x + width, y + height))
    image.save()
    return image


def render_wav(seconds: float = 3.0, frequency: int = 440) -> bytes:
    """A short, quiet sine tone as 16-bit mono WAV (a stand-in for an interview recording)."""
    import struct
    import wave

    rate = 8000
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(
            b"".join(
                struct.pack("<h", int(3000 * math.sin(2 * math.pi * frequency * i / rate)))
                for i in range(int(rate * seconds))
            )
        )
    return buffer.getvalue()


def make_audio(title: str, transcript: str = "", seconds: float = 3.0):
    """Get or create a generated oral-history recording titled ``title`` (idempotent by title)."""
    from django.core.files.base import ContentFile
    from wagtailmedia.models import get_media_model

    Media = get_media_model()
    existing = Media.objects.filter(title=title, type="audio").first()
    if existing is not None:
        return existing
    recording = Media(title=title, type="audio", duration=seconds, transcript=transcript)
    name = f"demo-{hashlib.md5(title.encode()).hexdigest()[:10]}.wav"
    recording.file.save(name, ContentFile(render_wav(seconds)), save=False)
    recording.save()
    return recording


def render_pdf(text_lines) -> bytes:
    """A one-page PDF listing ``text_lines`` (ASCII only: a minimal file without embedded fonts)."""
    content = (
        "BT /F1 14 Tf 72 760 Td 18 TL "
        + " ".join(f"({line.replace('(', '[').replace(')', ']')}) '" for line in text_lines)
        + " ET"
    )
    objects = [
        "<</Type/Catalog/Pages 2 0 R>>",
        "<</Type/Pages/Kids[3 0 R]/Count 1>>",
        "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>",
        f"<</Length {len(content)}>>stream\n{content}\nendstream",
        "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer<</Size {len(objects) + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def make_document(title: str, lines=("Demo lesson plan",)):
    """Get or create a generated PDF document titled ``title`` (idempotent by title)."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    document = Document(title=title)
    document.file.save(
        f"demo-{hashlib.md5(title.encode()).hexdigest()[:10]}.pdf", ContentFile(render_pdf(lines)), save=False
    )
    document.save()
    return document
