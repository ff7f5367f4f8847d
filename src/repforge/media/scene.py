"""From motion data to flat drawing primitives in metres: figure, props and floor per frame."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from repforge.catalog.motion import Motion
from repforge.media import skeleton
from repforge.media.skeleton import Body, Vec

# One calm palette: the body map's target red for the worked muscle, greys for everything else.
PALETTE = {
    "bg": "#ffffff",
    "body": "#5b6675",
    "far": "#a7b0bc",
    "hot": "#b3261e",
    "hotfar": "#dc8f89",
    "kit": "#8a929c",
    "kitfar": "#c3c9d0",
    "floor": "#c5cdd8",
}

# Body-map muscle -> the drawn parts that show it.
MUSCLE_PARTS = {
    "quads": ("thigh",),
    "hamstrings": ("thigh",),
    "adductors": ("thigh",),
    "abductors": ("glute",),
    "glutes": ("glute",),
    "hip-flexors": ("thigh",),
    "calves": ("shin",),
    "tibialis": ("shin",),
    "abs": ("trunk_lower",),
    "obliques": ("trunk_lower",),
    "lower-back": ("trunk_lower",),
    "chest": ("trunk_upper",),
    "lats": ("trunk_upper",),
    "upper-back": ("trunk_upper",),
    "traps": ("neck", "trunk_upper"),
    "neck": ("neck",),
    "front-delts": ("delt",),
    "side-delts": ("delt",),
    "rear-delts": ("delt",),
    "rotator-cuff": ("delt",),
    "biceps": ("upper_arm",),
    "triceps": ("upper_arm",),
    "forearms": ("forearm",),
}

WIDTH = {
    "trunk": 0.15,
    "neck": 0.07,
    "upper_arm": 0.075,
    "forearm": 0.062,
    "hand": 0.05,
    "thigh": 0.115,
    "shin": 0.085,
    "foot": 0.05,
}
BENCH_HEIGHT = 0.45
BOX_HEIGHT = 0.45
BALL_RADIUS = 0.33
STATION_PAD_HEIGHT = 0.85  # GHR and back-extension pads stand about hip-high

P2 = tuple[float, float]


@dataclass(frozen=True)
class Line:
    a: P2
    b: P2
    width: float
    colour: str


@dataclass(frozen=True)
class Circle:
    c: P2
    r: float
    colour: str


@dataclass(frozen=True)
class Rect:
    x: float
    y: float  # top edge (world y, upwards); extends down by h
    w: float
    h: float
    colour: str


Shape = Line | Circle | Rect


@dataclass
class Scene:
    """Static shapes (floor, placed props) and one shape list per animation frame, in metres."""

    floor: float
    static: list[Shape] = field(default_factory=list)
    frames: list[list[Shape]] = field(default_factory=list)

    def bounds(self) -> tuple[float, float, float, float]:
        """min x, min y, max x, max y over every shape."""
        xs: list[float] = []
        ys: list[float] = []
        for shape in self.static + [s for f in self.frames for s in f]:
            if isinstance(shape, Line):
                pad = shape.width / 2
                xs += [shape.a[0] - pad, shape.a[0] + pad, shape.b[0] - pad, shape.b[0] + pad]
                ys += [shape.a[1] - pad, shape.a[1] + pad, shape.b[1] - pad, shape.b[1] + pad]
            elif isinstance(shape, Circle):
                xs += [shape.c[0] - shape.r, shape.c[0] + shape.r]
                ys += [shape.c[1] - shape.r, shape.c[1] + shape.r]
            else:
                xs += [shape.x, shape.x + shape.w]
                ys += [shape.y - shape.h, shape.y]
        return min(xs), min(ys), max(xs), max(ys)


def project(view: str, p: Vec) -> tuple[float, float, float]:
    """Screen x, screen y and depth (larger is nearer the viewer)."""
    if view == "front":
        return p[2], p[1], p[0]
    return p[0], p[1], p[2]


def floor_level(motion: Motion, bodies: Sequence[Body]) -> float:
    """World height of the floor, from what the first contact rests on."""
    first = bodies[0]
    for contact in motion.contacts:
        names, gap = skeleton.contact_points(contact)
        y = skeleton.centre(first, names)[1] - gap
        surface = contact.rsplit("-", 1)[1]
        if surface == "floor":
            return y
        if surface == "bench" and {"flat-bench", "incline-bench", "machine"} & set(motion.props):
            return y - BENCH_HEIGHT
        if surface == "box":
            return y - BOX_HEIGHT
        if surface == "ball":
            return y - 2 * BALL_RADIUS
        if surface == "pad" and {"ghr-bench", "back-extension-bench"} & set(motion.props):
            return y - STATION_PAD_HEIGHT
    lowest = min(
        p[1] - (skeleton.HEAD_RADIUS if name == "head" else 0.0)
        for b in bodies
        for name, p in b.points.items()
    )
    return lowest - (0.3 if {"pull-up-bar", "rings", "dip-bars"} & set(motion.props) else 0.03)


def figure(view: str, b: Body, hot: set[str]) -> list[Shape]:
    """The figure's shapes, far side first, so nearer parts cover farther ones."""
    projected = {k: project(view, v) for k, v in b.points.items()}
    xy: dict[str, P2] = {k: (v[0], v[1]) for k, v in projected.items()}
    depth = {k: v[2] for k, v in projected.items()}
    xy["mid"] = ((xy["pelvis"][0] + xy["neck"][0]) / 2, (xy["pelvis"][1] + xy["neck"][1]) / 2)
    trunk_depth = depth["pelvis"]
    parts: list[tuple[float, Shape]] = []

    def colour(part: str, at: float) -> str:
        near = at >= trunk_depth - 1e-6
        if part in hot:
            return "hot" if near else "hotfar"
        return "body" if near else "far"

    def seg(part: str, a: str, z: str, width: float, at: float | None = None) -> None:
        d = (depth[a] + depth[z]) / 2 if at is None else at
        parts.append((d, Line(xy[a], xy[z], width, colour(part, d))))

    for side in ("left", "right"):
        s = "_" + side
        seg("thigh", "hip" + s, "knee" + s, WIDTH["thigh"])
        seg("shin", "knee" + s, "ankle" + s, WIDTH["shin"])
        seg("foot", "heel" + s, "toe" + s, WIDTH["foot"])
        seg("upper_arm", "shoulder" + s, "elbow" + s, WIDTH["upper_arm"])
        seg("forearm", "elbow" + s, "wrist" + s, WIDTH["forearm"])
        seg("hand", "wrist" + s, "grip" + s, WIDTH["hand"])
    seg("trunk_lower", "pelvis", "mid", WIDTH["trunk"] * 1.05, trunk_depth)
    seg("trunk_upper", "mid", "neck", WIDTH["trunk"], trunk_depth)
    seg("neck", "neck", "head", WIDTH["neck"], trunk_depth)
    parts.append((trunk_depth, Circle(xy["head"], skeleton.HEAD_RADIUS, "body")))
    if "glute" in hot:
        parts.append((trunk_depth, Circle(xy["pelvis"], WIDTH["trunk"] * 0.62, "hot")))
    if "delt" in hot:
        for side in ("left", "right"):
            at = depth["shoulder_" + side]
            parts.append((at, Circle(xy["shoulder_" + side], 0.055, colour("delt", at))))
    ordered = sorted(parts, key=lambda item: item[0])
    return [shape for _, shape in ordered]


def pair_bounds(scenes: Sequence[Scene]) -> tuple[float, float, float, float]:
    """Bounds covering several scenes, so stills shown together share one scale."""
    boxes = [s.bounds() for s in scenes]
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
