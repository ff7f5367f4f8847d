"""The angle-convention diagram in docs/motion.md, drawn by the renderer itself."""

from __future__ import annotations

from html import escape

from repforge.catalog.motion import Motion
from repforge.media.compose import scene_for
from repforge.media.fit import fit
from repforge.media.scene import PALETTE, pair_bounds
from repforge.media.svg import CLASSES, _shapes

PANEL_W, PANEL_H = 300, 330
Label = tuple[str, str, int, int]  # text, body point, offset x, offset y
PANELS: tuple[tuple[str, dict[str, float], tuple[Label, ...]], ...] = (
    ("All angles 0: standing, arms by the sides", {}, ()),
    (
        "hip 90, knee 90, shoulder 90, elbow 90",
        {"hip": 90, "knee": 90, "shoulder": 90, "elbow": 90},
        (
            ("hip 90", "pelvis", -60, 20),
            ("knee 90", "knee_left", 8, -6),
            ("shoulder 90", "shoulder_left", -90, -6),
            ("elbow 90", "elbow_left", 8, 16),
        ),
    ),
    (
        "trunk 45, shoulder 180, ankle 20",
        {"trunk": 45, "shoulder": 180, "ankle": 20, "hip": 45},
        (
            ("trunk 45", "neck", 8, 16),
            ("shoulder 180", "grip_left", 8, -6),
            ("ankle 20", "ankle_left", 12, 0),
        ),
    ),
    (
        "trunk -90 (lying on the back), knee 90",
        {"trunk": -90, "knee": 90, "shoulder": 90},
        (
            ("trunk -90", "neck", -20, 24),
            ("knee 90", "knee_left", 8, -6),
            ("shoulder 90", "grip_left", 8, -6),
        ),
    ),
)


def conventions_svg() -> str:
    """Four side-view poses with their joint angles, facing right."""
    from repforge.media import skeleton
    from repforge.media.compose import bodies_at

    scenes, bodies = [], []
    for _, pose, _ in PANELS:
        motion = Motion.model_validate({"keyframes": [{"pose": pose}, {"pose": pose}]})
        scenes.append(scene_for(motion, "", [skeleton.resolve(motion)[0]]))
        bodies.append(bodies_at(motion, skeleton.resolve(motion))[0])
    f = fit(pair_bounds(scenes), PANEL_W, PANEL_H - 60)
    style = "path{fill:none;stroke-linecap:round}" + "".join(
        f".{c}{{stroke:{PALETTE[n]}}}.{c}f{{fill:{PALETTE[n]}}}" for n, c in CLASSES.items()
    )
    parts = []
    for i, ((title, _, labels), scene, body) in enumerate(zip(PANELS, scenes, bodies, strict=True)):
        marks = ""
        for text, point, dx, dy in labels:
            x, y = f.point(body.points[point][0], body.points[point][1])
            marks += (
                f'<circle cx="{x:.0f}" cy="{y:.0f}" r="4" fill="#0b5cad"/>'
                f'<text x="{x + dx:.0f}" y="{y + dy:.0f}" font-size="13" fill="#0b5cad">'
                f"{escape(text)}</text>"
            )
        parts.append(
            f'<g transform="translate({i * PANEL_W} 0)">{_shapes(scene.static, f)}'
            f"{_shapes(scene.frames[0], f)}{marks}"
            f'<text x="{PANEL_W / 2:.0f}" y="{PANEL_H - 20}" font-size="13" text-anchor="middle" '
            f'fill="#1c2430">{escape(title)}</text></g>'
        )
    width = PANEL_W * len(PANELS)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {PANEL_H}" width="{width}" '
        f'height="{PANEL_H}" font-family="sans-serif"><style>{style}</style>'
        f'<rect width="{width}" height="{PANEL_H}" fill="#fff"/>{"".join(parts)}</svg>\n'
    )
