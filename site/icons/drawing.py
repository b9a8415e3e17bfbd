"""Drawing the icon set: one star geometry for the SVG and, through Pillow, the PNG and ICO files.

The star is the palette's red (``--c-primary`` in ``siteshell/css/site.css``) on a warm white
ground; the maskable icon keeps it inside the central 80 % that Android's masks never cut.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

#: The palette's primary red (site.css ``--c-primary``): the browser's theme colour and the star.
THEME_COLOR = "#9b1b1b"
#: The plain ground behind the star (site.css ``--c-surface``).
GROUND_COLOR = "#f6f3ee"
#: The colour behind the site while an installed app starts (the page's background).
BACKGROUND_COLOR = "#ffffff"

ICON_DIR = Path(__file__).resolve().parent.parent / "static" / "siteshell" / "icons"

#: file name → (size in pixels, star radius as a share of the size, rounded corners)
PNG_ICONS = {
    "apple-touch-icon.png": (180, 0.40, False),  # iOS rounds the corners itself
    "icon-192.png": (192, 0.40, True),
    "icon-512.png": (512, 0.40, True),
    "icon-maskable-512.png": (512, 0.30, False),  # full bleed: the mask decides the shape
}
FAVICON_SIZES = (16, 32, 48)
SVG_ICON = "icon.svg"
FAVICON = "favicon.ico"

_CORNER = 0.18  # corner radius as a share of the size
_SUPERSAMPLE = 8  # drawn this many times larger, then scaled down: smooth edges


def star_points(size: float, radius_share: float) -> list[tuple[float, float]]:
    """The ten corners of an upright five-pointed star centred in a ``size`` square.

    The star's box is taller at the top (a point) than at the bottom (two points at 0.81 R), so
    it is moved down by half the difference to sit in the optical middle.
    """
    outer = size * radius_share
    inner = outer * math.sin(math.radians(18)) / math.sin(math.radians(54))
    centre_x = size / 2
    centre_y = size / 2 + outer * (1 - math.cos(math.radians(36))) / 2
    points = []
    for index in range(10):
        radius = outer if index % 2 == 0 else inner
        angle = math.radians(-90 + 36 * index)
        points.append((centre_x + radius * math.cos(angle), centre_y + radius * math.sin(angle)))
    return points


def svg_icon(size: int = 64, radius_share: float = 0.40) -> str:
    corner = round(size * _CORNER, 2)
    points = " ".join(f"{x:.2f},{y:.2f}" for x, y in star_points(size, radius_share))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}">'
        f'<rect width="{size}" height="{size}" rx="{corner}" fill="{GROUND_COLOR}"/>'
        f'<polygon points="{points}" fill="{THEME_COLOR}"/></svg>\n'
    )


def png_icon(size: int, radius_share: float = 0.40, rounded: bool = True):
    """The icon as a Pillow image (RGBA), ``size`` pixels square."""
    from PIL import Image, ImageDraw

    big = size * _SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if rounded:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=round(big * _CORNER), fill=GROUND_COLOR)
    else:
        draw.rectangle((0, 0, big, big), fill=GROUND_COLOR)
    draw.polygon(star_points(big, radius_share), fill=THEME_COLOR)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def png_bytes(image) -> bytes:
    """A small PNG: two colours and their edge shades fit a 32-colour palette."""
    from PIL import Image

    buffer = io.BytesIO()
    image.quantize(colors=32, method=Image.Quantize.FASTOCTREE).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def favicon_bytes() -> bytes:
    """A Windows icon holding 16, 32 and 48 pixel images (browsers pick the size they need)."""
    buffer = io.BytesIO()
    largest = png_icon(max(FAVICON_SIZES))
    largest.save(buffer, format="ICO", sizes=[(size, size) for size in FAVICON_SIZES])
    return buffer.getvalue()


def icon_files() -> dict[str, bytes]:
    """Every file of the icon set, by name."""
    files = {SVG_ICON: svg_icon().encode(), FAVICON: favicon_bytes()}
    for name, (size, radius_share, rounded) in PNG_ICONS.items():
        files[name] = png_bytes(png_icon(size, radius_share, rounded))
    return files


def write_icon_files(directory: Path = ICON_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in icon_files().items():
        path = directory / name
        path.write_bytes(content)
        written.append(path)
    return written
