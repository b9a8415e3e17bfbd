"""Benchmark of image handling: upload cleaning, rendition encoding per format, page render.

    nice -n 10 python bench/media_bench.py            # a 12-megapixel phone photo
    nice -n 10 python bench/media_bench.py --width 6000 --height 4000

Prints, for a generated photo with GPS EXIF: the time to validate and clean an upload
(decode, orientation, metadata stripping, re-encode) per source format; the time and bytes of
one rendition per output format (AVIF, WebP, JPEG) at the ``content`` layout widths; and the
server time of ``{% responsive_image %}`` the first time (renditions generated) and after
(renditions stored), with its query count. Uses a throwaway SQLite database in /tmp.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(function, repeat=3):
    runs = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), result


def photo(width, height, fmt, **options):
    """A photo-like picture (gradients and noise compress like a photo) with GPS EXIF."""
    from PIL import Image

    from tests.media.files import personal_exif

    gradient = Image.linear_gradient("L").resize((width, height))
    noise = Image.effect_noise((width, height), 40)
    picture = Image.merge("RGB", (gradient, noise, gradient.transpose(Image.Transpose.FLIP_LEFT_RIGHT)))
    buffer = io.BytesIO()
    picture.save(buffer, format=fmt, exif=personal_exif(orientation=6), **options)
    return buffer.getvalue()


def encode(filter_, image):
    output = io.BytesIO()
    filter_.run(image, output)
    return output


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--width", type=int, default=4000)
    parser.add_argument("--height", type=int, default=3000)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="media_bench_"))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'db.sqlite3'}"
    os.environ["TEST_MEDIA_ROOT"] = str(workdir / "media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siteshell.settings.test")
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.images import get_image_model
    from wagtail.images.models import Filter

    from media import uploads
    from media.templatetags.media_tags import LAYOUT_WIDTHS, responsive_image

    print(f"photo: {args.width}×{args.height} ({args.width * args.height / 1e6:.0f} MP), GPS EXIF, orientation 6")
    print("\nupload cleaning (validate + strip metadata + re-encode):")
    sources = {"JPEG": {"quality": 90}, "PNG": {}, "WEBP": {"quality": 90}, "AVIF": {"quality": 80}, "HEIF": {}}
    jpeg_source = None
    for fmt, options in sources.items():
        data = photo(args.width, args.height, fmt, **options)
        jpeg_source = jpeg_source or data
        seconds, clean = timed(lambda data=data: uploads.sanitize_image(data), repeat=1)
        print(
            f"  {fmt:5} {len(data) / 1e6:6.1f} MB -> {clean.extension:4} {len(clean.content) / 1e6:6.1f} MB"
            f"  {seconds * 1000:7.0f} ms"
        )

    call_command("migrate", verbosity=0)
    image = get_image_model()(title="基准测试照片", alt_text="基准测试照片")
    image.file = SimpleUploadedFile("bench.jpg", jpeg_source)
    image.save()

    print(f"\none rendition per format at the content widths {LAYOUT_WIDTHS['content']}:")
    for fmt in ("avif", "webp", "jpeg"):
        for width in LAYOUT_WIDTHS["content"]:
            seconds, output = timed(lambda spec=f"width-{width}|format-{fmt}": encode(Filter(spec), image), repeat=1)
            print(f"  {fmt:4} {width:5}px  {len(output.getvalue()) / 1024:7.1f} KB  {seconds * 1000:7.0f} ms")

    cold, _html = timed(lambda: responsive_image(image, layout="content"), repeat=1)
    with CaptureQueriesContext(connection) as queries:
        warm, _html = timed(lambda: responsive_image(image, layout="content"), repeat=20)
    print('\n{% responsive_image image layout="content" %}:')
    print(f"  first render (9 renditions generated): {cold * 1000:7.0f} ms")
    print(f"  later renders (renditions stored):     {warm * 1000:7.1f} ms, {len(queries) / 20:.0f} queries each")


if __name__ == "__main__":
    main()
