"""Quiet generated pictures for the demo: a monument between pines, white chrysanthemums, a
memorial hall, pines at dawn, and a neutral portrait placeholder bearing a surname.

Drawn with Pillow in the site's palette (stone, ink, a restrained red); no copyrighted photos.
Each scene returns its PNG bytes and the box of its subject, which becomes the image's focal
point, so that Wagtail's crops (``fill-…``, 3:4 portraits, wide banners) never cut the subject.
"""

from __future__ import annotations

import hashlib
import io
import math
from dataclasses import dataclass
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter, ImageFont

STONE = (226, 221, 211)
PAPER = (246, 243, 238)
MIST = (203, 204, 200)
INK = (52, 58, 62)
PINE = (46, 62, 56)
RED = (155, 27, 27)
WHITE = (250, 249, 245)
SCENES = ("monument", "chrysanthemums", "hall", "pines")

#: CJK fonts looked for to draw a surname; without one the placeholder has no character.
FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)


@dataclass(frozen=True)
class Picture:
    png: bytes
    #: The subject's box (x, y, width, height): the image's focal point.
    focus: tuple[int, int, int, int]


def _numbers(seed: str) -> bytes:
    return hashlib.sha256(seed.encode()).digest()


def _sky(draw, width, height, top, bottom, horizon=1.0):
    for y in range(height):
        t = min(1.0, y / (height * horizon))
        draw.line([(0, y), (width, y)], fill=tuple(int(top[i] * (1 - t) + bottom[i] * t) for i in range(3)))


def _pine(draw, x, ground, size, colour=PINE):
    """A pine silhouette: a trunk and tiers of foliage, ``size`` pixels tall."""
    trunk = size * 0.05
    draw.rectangle([x - trunk, ground - size * 0.25, x + trunk, ground], fill=colour)
    for tier in range(4):
        top = ground - size + tier * size * 0.18
        half = size * (0.14 + tier * 0.07)
        draw.polygon([(x, top), (x - half, top + size * 0.3), (x + half, top + size * 0.3)], fill=colour)


def _pines(draw, width, ground, numbers, avoid=None, scale=1.0):
    """A row of pines along the ground, keeping clear of ``avoid`` (x0, x1)."""
    step = width / 9
    for i in range(10):
        x = i * step + (numbers[i % len(numbers)] % 40) - 20
        if avoid and avoid[0] - step * 0.3 < x < avoid[1] + step * 0.3:
            continue
        _pine(draw, x, ground, scale * (150 + numbers[(i + 7) % len(numbers)] % 90))


def _save(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def monument(seed: str, width=1200, height=800) -> Picture:
    """An obelisk on a stepped base between pines, a pale sky."""
    numbers = _numbers(seed)
    image = PILImage.new("RGB", (width, height), PAPER)
    draw = ImageDraw.Draw(image)
    _sky(draw, width, height, (236, 232, 224), MIST, horizon=0.8)
    ground = int(height * 0.82)
    cx = width // 2
    shaft, tall = width * 0.045, height * 0.58
    top = ground - height * 0.08 - tall
    _pines(draw, width, ground, numbers, avoid=(cx - width * 0.18, cx + width * 0.18), scale=height / 800)
    for step in range(3):  # the stepped base
        half = width * (0.16 - step * 0.035)
        y = ground - step * height * 0.027
        draw.rectangle([cx - half, y - height * 0.027, cx + half, y], fill=(INK[0] + 40, INK[1] + 40, INK[2] + 40))
    draw.polygon(
        [
            (cx - shaft, ground - height * 0.08),
            (cx + shaft, ground - height * 0.08),
            (cx + shaft * 0.7, top),
            (cx - shaft * 0.7, top),
        ],
        fill=(236, 234, 228),
        outline=INK,
    )
    draw.polygon(
        [(cx - shaft * 0.7, top), (cx + shaft * 0.7, top), (cx, top - shaft * 1.4)], fill=(236, 234, 228), outline=INK
    )
    star = shaft * 0.5
    draw.polygon(_star(cx, top + shaft * 1.6, star, star * 0.4), fill=RED)
    draw.rectangle([0, ground, width, height], fill=(112, 118, 112))
    box = (int(cx - width * 0.17), int(top - shaft * 1.6), int(width * 0.34), int(ground - top + shaft * 1.6))
    return Picture(_save(image), box)


def chrysanthemums(seed: str, width=1200, height=800) -> Picture:
    """A bouquet of white chrysanthemums on a dark, quiet ground."""
    numbers = _numbers(seed)
    image = PILImage.new("RGB", (width, height), (38, 44, 48))
    draw = ImageDraw.Draw(image)
    _sky(draw, width, height, (46, 52, 56), (28, 32, 36))
    cx, cy = width // 2, int(height * 0.5)
    radius = min(width, height) * 0.13
    centres = [(cx, cy - radius * 0.9), (cx - radius * 1.5, cy + radius * 0.1), (cx + radius * 1.5, cy + radius * 0.2)]
    centres += [(cx - radius * 0.7, cy + radius * 1.2), (cx + radius * 0.8, cy + radius * 1.3)]
    for x, y in centres:  # stems first
        draw.line([(x, y), (cx, height * 0.98)], fill=(70, 96, 70), width=max(3, width // 200))
    for index, (x, y) in enumerate(centres):
        r = radius * (0.85 + (numbers[index] % 30) / 100)
        petals = 28
        for ring, scale in ((0, 1.0), (1, 0.72), (2, 0.45)):
            for petal in range(petals):
                angle = (petal + ring * 0.5) * 2 * math.pi / petals + numbers[index + 5] / 40
                length = r * scale
                draw.polygon(_petal(x, y, angle, length), fill=WHITE, outline=(200, 200, 190))
        draw.ellipse([x - r * 0.16, y - r * 0.16, x + r * 0.16, y + r * 0.16], fill=(232, 226, 190))
    image = image.filter(ImageFilter.SMOOTH)
    box = (int(cx - radius * 2.6), int(cy - radius * 2.1), int(radius * 5.2), int(radius * 4.6))
    return Picture(_save(image), box)


def _petal(x, y, angle, length):
    """A narrow petal from the flower's heart outward, rounded at its tip."""
    width = length * 0.12
    ux, uy = math.cos(angle), math.sin(angle)
    nx, ny = -uy, ux
    points = [(x + nx * width * 0.3, y + ny * width * 0.3)]
    for step in range(7):
        t = step / 6 * math.pi
        along = length * (0.85 + 0.15 * math.sin(t))
        side = width * math.cos(t)
        points.append((x + ux * along + nx * side, y + uy * along + ny * side))
    points.append((x - nx * width * 0.3, y - ny * width * 0.3))
    return points


def hall(seed: str, width=1200, height=800) -> Picture:
    """A memorial hall: steps, columns and a wide roof, pines either side."""
    numbers = _numbers(seed)
    image = PILImage.new("RGB", (width, height), PAPER)
    draw = ImageDraw.Draw(image)
    _sky(draw, width, height, (238, 234, 226), MIST, horizon=0.85)
    ground = int(height * 0.84)
    cx, half = width // 2, width * 0.2
    _pines(draw, width, ground, numbers, avoid=(cx - half, cx + half), scale=height / 800)
    roof, eave = ground - height * 0.5, ground - height * 0.4
    draw.polygon(
        [(cx - half * 1.15, eave), (cx + half * 1.15, eave), (cx + half * 0.8, roof), (cx - half * 0.8, roof)], fill=INK
    )
    draw.rectangle([cx - half, eave, cx + half, ground - height * 0.05], fill=(234, 230, 222))
    for column in range(8):
        x = cx - half + half * 2 * (column + 0.5) / 8
        draw.rectangle(
            [x - width * 0.008, eave + height * 0.02, x + width * 0.008, ground - height * 0.05], fill=(196, 190, 180)
        )
    draw.rectangle([cx - half * 0.12, eave + height * 0.1, cx + half * 0.12, ground - height * 0.05], fill=RED)
    for step in range(3):
        y = ground - height * 0.05 + step * height * 0.017
        draw.rectangle(
            [cx - half * (1.05 + step * 0.05), y, cx + half * (1.05 + step * 0.05), y + height * 0.017],
            fill=(180, 176, 168),
        )
    draw.rectangle([0, ground, width, height], fill=(112, 118, 112))
    box = (int(cx - half * 1.2), int(roof), int(half * 2.4), int(ground - roof))
    return Picture(_save(image), box)


def pines(seed: str, width=1200, height=800) -> Picture:
    """Pines on a ridge at dawn."""
    numbers = _numbers(seed)
    image = PILImage.new("RGB", (width, height), PAPER)
    draw = ImageDraw.Draw(image)
    _sky(draw, width, height, (242, 230, 214), (214, 206, 196), horizon=0.75)
    ground = int(height * 0.78)
    draw.polygon(
        [
            (0, ground),
            (width * 0.3, ground - height * 0.06),
            (width * 0.7, ground - height * 0.03),
            (width, ground),
            (width, height),
            (0, height),
        ],
        fill=(90, 100, 96),
    )
    _pines(draw, width, ground, numbers, scale=height / 700)
    return Picture(_save(image), (int(width * 0.28), int(height * 0.4), int(width * 0.44), int(height * 0.4)))


def portrait(surname: str, width=600, height=800) -> Picture:
    """A neutral portrait placeholder: head and shoulders in outline, the surname below."""
    image = PILImage.new("RGB", (width, height), STONE)
    draw = ImageDraw.Draw(image)
    cx = width // 2
    head = width * 0.17
    draw.ellipse([cx - head, height * 0.2, cx + head, height * 0.2 + head * 2.3], fill=(205, 199, 188))
    draw.chord([cx - width * 0.36, height * 0.5, cx + width * 0.36, height * 1.05], 180, 360, fill=(205, 199, 188))
    font = _cjk_font(int(width * 0.2))
    if surname and font is not None:
        draw.rectangle([0, height * 0.72, width, height], fill=(198, 191, 179))
        draw.text((cx, height * 0.86), surname, fill=INK, font=font, anchor="mm")
    return Picture(_save(image), (int(cx - width * 0.38), int(height * 0.15), int(width * 0.76), int(height * 0.8)))


def _cjk_font(size):
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            try:
                return ImageFont.truetype(candidate, size)
            except OSError:
                continue
    return None


def _star(cx, cy, outer, inner):
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy - radius * math.sin(angle)))
    return points


def scene(name: str, seed: str) -> Picture:
    return {"monument": monument, "chrysanthemums": chrysanthemums, "hall": hall, "pines": pines}[name](seed)
