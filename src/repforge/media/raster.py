"""Raster outputs with Pillow: animated GIF and WebP, the 1200x630 poster, the thumbnail."""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFont

from repforge.media.fit import Fit, fit
from repforge.media.scene import PALETTE, Circle, Line, Scene, Shape, pair_bounds

ANIMATION_SIZE = (320, 240)
POSTER_SIZE = (1200, 630)
THUMB_SIZE = (160, 120)
SUPERSAMPLE = 2  # draw at twice the size and shrink: smooth edges without an AA rasteriser
_RGB = {name: tuple(int(h[i : i + 2], 16) for i in (1, 3, 5)) for name, h in PALETTE.items()}


def _fixed_palette() -> Image.Image:
    """Every flat colour and its anti-aliased blends with white and with each other."""
    colours = list(_RGB.values())
    entries: list[tuple[int, ...]] = []
    for i, a in enumerate(colours):
        for b in colours[i:]:
            for step in range(5 if b != a else 1):
                t = step / 4
                entries.append(tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True)))
    unique = list(dict.fromkeys(entries))[:256]
    flat = [c for rgb in unique for c in rgb]
    palette = Image.new("P", (1, 1))
    palette.putpalette(flat + flat[:3] * (256 - len(unique)))
    return palette


_PALETTE = _fixed_palette()


def _indexed(image: Image.Image) -> Image.Image:
    # a fixed palette: no per-image colour search, and every file maps colours the same way
    return image.quantize(palette=_PALETTE, dither=Image.Dither.NONE)


def _draw(draw: ImageDraw.ImageDraw, shapes: Sequence[Shape], f: Fit) -> None:
    for shape in shapes:
        colour = _RGB[shape.colour]
        if isinstance(shape, Line):
            a, b = f.point(*shape.a), f.point(*shape.b)
            w = max(1.0, shape.width * f.scale)
            draw.line([a, b], fill=colour, width=round(w))
            r = w / 2
            for x, y in (a, b):
                draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
        elif isinstance(shape, Circle):
            x, y = f.point(*shape.c)
            r = shape.r * f.scale
            draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
        else:
            x, y = f.point(shape.x, shape.y)
            draw.rectangle([x, y, x + shape.w * f.scale, y + shape.h * f.scale], fill=colour)


def _frame(scene: Scene, shapes: Sequence[Shape], size: tuple[int, int], f: Fit) -> Image.Image:
    big = (size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE)
    image = Image.new("RGB", big, _RGB["bg"])
    draw = ImageDraw.Draw(image)
    scaled = Fit(f.scale * SUPERSAMPLE, f.ox * SUPERSAMPLE, f.oy * SUPERSAMPLE)
    _draw(draw, scene.static, scaled)
    _draw(draw, shapes, scaled)
    return image.reduce(SUPERSAMPLE)


def frames(scene: Scene, size: tuple[int, int] = ANIMATION_SIZE) -> list[Image.Image]:
    """Every animation frame as an RGB image, one scale for all."""
    f = fit(scene.bounds(), *size)
    return [_frame(scene, shapes, size, f) for shapes in scene.frames]


def gif(images: Sequence[Image.Image], seconds: float) -> bytes:
    """Looping GIF with one shared palette (flat colours need few)."""
    indexed = [_indexed(im) for im in images]
    out = io.BytesIO()
    duration = round(seconds * 1000 / len(images))
    indexed[0].save(
        out,
        "GIF",
        save_all=True,
        append_images=indexed[1:],
        duration=duration,
        loop=0,
        optimize=False,
        disposal=1,
    )
    return out.getvalue()


def webp(images: Sequence[Image.Image], seconds: float) -> bytes:
    """Looping lossless WebP: flat colours compress well, and encoding is fast at effort 1."""
    out = io.BytesIO()
    duration = round(seconds * 1000 / len(images))
    images[0].save(
        out,
        "WEBP",
        save_all=True,
        append_images=list(images[1:]),
        duration=duration,
        loop=0,
        lossless=True,
        quality=20,
        method=1,
    )
    return out.getvalue()


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    _indexed(image).save(out, "PNG", compress_level=9)
    return out.getvalue()


def _pair(stills: tuple[Scene, Scene], size: tuple[int, int]) -> Image.Image:
    half = (size[0] // 2, size[1])
    image = Image.new("RGB", size, _RGB["bg"])
    f = fit(pair_bounds(stills), *half)
    for i, still in enumerate(stills):
        image.paste(_frame(still, still.frames[0], half, f), (i * half[0], 0))
    return image


def poster(stills: tuple[Scene, Scene], title: str, subtitle: str) -> bytes:
    """1200x630 share image: start and end pose side by side, the name beneath."""
    image = Image.new("RGB", POSTER_SIZE, _RGB["bg"])
    image.paste(_pair(stills, (1200, 500)), (0, 0))
    draw = ImageDraw.Draw(image)
    draw.line([(60, 510), (1140, 510)], fill=_RGB["floor"], width=2)
    draw.text((60, 528), title, fill=_RGB["body"], font=ImageFont.load_default(size=44))
    draw.text((60, 582), subtitle, fill=_RGB["far"], font=ImageFont.load_default(size=26))
    return _png(image)


def thumbnail(still: Scene) -> bytes:
    """Small static card image of the most telling pose."""
    return _png(_frame(still, still.frames[0], THUMB_SIZE, fit(still.bounds(), *THUMB_SIZE)))
