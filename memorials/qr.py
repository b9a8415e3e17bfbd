"""QR codes for graves (扫码祭扫): each record's code points to its public page."""

import io

import segno


def make_qr(url: str):
    # Level M survives a weathered or partly dirty stone label.
    return segno.make(url, error="m", micro=False)


def qr_svg(url: str, scale=4, title="") -> bytes:
    buffer = io.BytesIO()
    make_qr(url).save(buffer, kind="svg", scale=scale, border=2, title=title or None, xmldecl=False)
    return buffer.getvalue()


def qr_svg_inline(url: str, scale=3) -> str:
    """An ``<svg>`` element to embed in HTML (the label sheet)."""
    return make_qr(url).svg_inline(scale=scale, border=2)


def qr_png(url: str, scale=8) -> bytes:
    buffer = io.BytesIO()
    make_qr(url).save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()
