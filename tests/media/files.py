"""Real files generated for the media tests: every image format, a bomb, broken files."""

import io
import struct
import wave
import zipfile
import zlib

import pillow_heif
from PIL import Image, ImageDraw

pillow_heif.register_heif_opener()

GPS_IFD = 0x8825
ORIENTATION = 0x0112
ARTIST = 0x013B
#: A place in 武汉 (latitude 30°35'N, longitude 114°18'E), as a phone would record it.
GPS_POSITION = {1: "N", 2: (30.0, 35.0, 12.5), 3: "E", 4: (114.0, 18.0, 1.0)}


def picture(width=64, height=48, mode="RGB"):
    """A picture whose top-left quarter is red, so orientation changes can be seen."""
    image = Image.new(mode, (width, height), "white" if mode != "RGBA" else (255, 255, 255, 255))
    ImageDraw.Draw(image).rectangle([0, 0, width // 2 - 1, height // 2 - 1], fill="red")
    return image


def personal_exif(orientation=1):
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[ARTIST] = "张建国"
    exif[0x010F] = "Apple"
    exif.get_ifd(GPS_IFD).update(GPS_POSITION)
    return exif


def image_bytes(fmt, width=64, height=48, exif=None, mode="RGB", **options):
    buffer = io.BytesIO()
    image = picture(width, height, mode)
    if exif is not None:
        options["exif"] = exif
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def jpeg(**kwargs):
    return image_bytes("JPEG", **kwargs)


def png(**kwargs):
    return image_bytes("PNG", **kwargs)


def webp(**kwargs):
    return image_bytes("WEBP", **kwargs)


def avif(**kwargs):
    return image_bytes("AVIF", **kwargs)


def heic(**kwargs):
    return image_bytes("HEIF", **kwargs)


def gif(frames=1):
    images = [picture().convert("P")]
    for index in range(1, frames):
        frame = Image.new("RGB", (64, 48), (0, 0, 255 - index * 40)).convert("P")
        images.append(frame)
    buffer = io.BytesIO()
    images[0].save(buffer, format="GIF", save_all=frames > 1, append_images=images[1:], duration=200, loop=0)
    return buffer.getvalue()


def jpeg_with_gps(orientation=6):
    """A photo as a phone saves it: GPS position, owner name, rotated by the orientation tag."""
    return jpeg(width=80, height=40, exif=personal_exif(orientation))


def truncated_jpeg():
    data = jpeg(width=400, height=300, quality=95)
    return data[: len(data) // 2]


def png_chunk(kind, payload):
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)


def decompression_bomb(side=30_000):
    """A real PNG bomb: a few hundred kilobytes that decode to ``side``² pixels (1-bit)."""
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    row = b"\x00" * (1 + (side + 7) // 8)
    compressor = zlib.compressobj(9)
    chunks = [compressor.compress(row * 500) for _ in range(side // 500)]
    chunks.append(compressor.flush())
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", b"".join(chunks))
        + png_chunk(b"IEND", b"")
    )


def wav(seconds=0.2):
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\x00\x00" * int(8000 * seconds))
    return buffer.getvalue()


def _box(kind, payload=b""):
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def mp4():
    """An ISO base media file (``ftyp`` + ``moov`` header + empty ``mdat``), as MP4 encoders start one."""
    ftyp = _box(b"ftyp", b"isom" + struct.pack(">I", 512) + b"isomiso2avc1mp41")
    mvhd = _box(b"mvhd", b"\x00" * 100)
    return ftyp + _box(b"moov", mvhd) + _box(b"mdat")


def webvtt():
    return "WEBVTT\n\n00:00.000 --> 00:02.000\n我是一名老兵。\n".encode()


def srt():
    return "1\n00:00:00,000 --> 00:00:02,000\n我是一名老兵。\n".encode()


def pdf():
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )


def docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", '<?xml version="1.0"?><document/>')
    return buffer.getvalue()
