"""Animated SVG: a CSS flip-book of frames, no script; reduced motion shows start and end."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from repforge.media.fit import Fit, fit
from repforge.media.scene import PALETTE, Circle, Line, Scene, Shape, pair_bounds

WIDTH, HEIGHT = 480, 360
CLASSES = {name: chr(ord("a") + i) for i, name in enumerate(PALETTE)}


def _n(value: float) -> str:
    return str(round(value))


def _shape(shape: Shape, f: Fit) -> str:
    cls = CLASSES[shape.colour]
    if isinstance(shape, Line):
        ax, ay = f.point(*shape.a)
        bx, by = f.point(*shape.b)
        w = max(1, round(shape.width * f.scale))
        return f'<path class="{cls}" stroke-width="{w}" d="M{_n(ax)} {_n(ay)}L{_n(bx)} {_n(by)}"/>'
    if isinstance(shape, Circle):
        cx, cy = f.point(*shape.c)
        r = max(1, round(shape.r * f.scale))
        return f'<circle class="{cls}f" cx="{_n(cx)}" cy="{_n(cy)}" r="{r}"/>'
    x, y = f.point(shape.x, shape.y)
    w, h = max(1, round(shape.w * f.scale)), max(1, round(shape.h * f.scale))
    return f'<rect class="{cls}f" x="{_n(x)}" y="{_n(y)}" width="{w}" height="{h}"/>'


def _shapes(shapes: Sequence[Shape], f: Fit) -> str:
    return "".join(_shape(s, f) for s in shapes)


def render_svg(scene: Scene, stills: tuple[Scene, Scene], seconds: float, label: str) -> bytes:
    """The looping animation, with a side-by-side still pair for reduced motion."""
    f = fit(scene.bounds(), WIDTH, HEIGHT)
    count = len(scene.frames)
    step = seconds / count
    share = 100 / count
    colours = "".join(
        f".{c}{{stroke:{PALETTE[name]}}}.{c}f{{fill:{PALETTE[name]}}}"
        for name, c in CLASSES.items()
    )
    style = (
        "path{fill:none;stroke-linecap:round}"
        + colours
        + f".z{{visibility:hidden;animation:k {seconds:.2f}s steps(1,end) infinite}}"
        + f"@keyframes k{{0%{{visibility:visible}}{share:.3f}%,100%{{visibility:hidden}}}}"
        + ".r{display:none}"
        + "@media (prefers-reduced-motion:reduce){.m{display:none}.r{display:inline}}"
    )
    frames = "".join(
        f'<g class="z" style="animation-delay:{i * step:.2f}s">{_shapes(frame, f)}</g>'
        for i, frame in enumerate(scene.frames)
    )
    halves = []
    g = fit(pair_bounds(stills), WIDTH / 2, HEIGHT)
    for i, still in enumerate(stills):
        body = _shapes(still.static, g) + _shapes(still.frames[0], g)
        halves.append(f'<g transform="translate({i * WIDTH // 2} 0)">{body}</g>')
    text = escape(label)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{text}">'
        f"<title>{text}</title><style>{style}</style>"
        f'<rect class="af" width="{WIDTH}" height="{HEIGHT}"/>'
        f'<g class="m">{_shapes(scene.static, f)}{frames}</g>'
        f'<g class="r">{"".join(halves)}</g></svg>'
    )
    return svg.encode()
