"""Images generated for demo content: abstract and copyright-free."""

import hashlib
import io
import math

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

PALETTES = [
    ((140, 20, 20), (214, 160, 60)),  # red and gold
    ((40, 60, 90), (200, 205, 210)),  # slate and stone
    ((30, 80, 50), (190, 200, 150)),  # pine and pale green
    ((90, 50, 30), (230, 200, 160)),  # earth and sand
]


def _star(cx, cy, outer, inner):
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy - radius * math.sin(angle)))
    return points


def render_png(seed: str, width=1200, height=800) -> bytes:
    """A gradient with a star and rays, varied by ``seed``; returns PNG bytes."""
    digest = hashlib.sha256(seed.encode()).digest()
    dark, light = PALETTES[digest[0] % len(PALETTES)]
    image = PILImage.new("RGB", (width, height), dark)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        colour = tuple(int(dark[i] * (1 - t) + light[i] * t * 0.6) for i in range(3))
        draw.line([(0, y), (width, y)], fill=colour)
    cx = width * (0.25 + digest[1] / 512)
    cy = height * (0.3 + digest[2] / 1024)
    for i in range(12):
        angle = i * math.pi / 6 + digest[3] / 255
        draw.line(
            [(cx, cy), (cx + width * math.cos(angle), cy + width * math.sin(angle))],
            fill=tuple(min(255, c + 25) for c in dark),
            width=18,
        )
    draw.polygon(_star(cx, cy, height * 0.18, height * 0.07), fill=light)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def make_image(title: str, seed: str = "", alt_text: str = "", **fields):
    """Get or create a generated image titled ``title`` (idempotent by title)."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    data = render_png(seed or title)
    image = Image(title=title, alt_text=alt_text or title, source="系统生成的示例图片", **fields)
    image.file = ImageFile(io.BytesIO(data), name=f"demo-{hashlib.md5(title.encode()).hexdigest()[:10]}.png")
    image.save()
    return image
