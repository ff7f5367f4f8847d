"""The body map: our own front and back figure with one region per muscle group."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Literal

from repforge.catalog import vocab
from repforge.catalog.model import Exercise
from repforge.errors import InvalidInputError
from repforge.pages.links import muscle_path

Level = Literal["target", "secondary"]
LEVELS: tuple[Level, ...] = ("target", "secondary")  # strongest first
_LEVEL_NAMES: Mapping[str, Level] = {level: level for level in LEVELS}
VIEWS: tuple[vocab.View, ...] = ("front", "back")
VIEW_NAMES: Mapping[vocab.View, str] = {"front": "Front", "back": "Back"}

# Both figures are drawn in a 200 x 400 box, symmetric about x = 100.
VIEWBOX = "0 0 200 400"
_AXIS = 100.0

_TOKEN = re.compile(r"[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)")
_PAIRED = frozenset("MLCQST")  # commands whose numbers are (x, y) pairs


def _number(value: float) -> str:
    return f"{value:g}"


def mirror(d: str) -> str:
    """The path `d` (absolute M, L, C, Q, S, T, H, V, Z commands) reflected about x = 100."""
    out: list[str] = []
    command = ""
    index = 0
    for token in _TOKEN.findall(d):
        if token.isalpha():
            if token not in "MLCQSTHVZ":
                raise ValueError(f"mirror() handles absolute M L C Q S T H V Z, not {token!r}")
            command, index = token, 0
            out.append(token)
            continue
        value = float(token)
        flip = (command in _PAIRED and index % 2 == 0) or command == "H"
        out.append(_number(2 * _AXIS - value if flip else value))
        index += 1
    return " ".join(out)


def _both_sides(left: str) -> str:
    return f"{left} {mirror(left)}"


Point = tuple[float, float]


def _silhouette(left_half: str) -> str:
    """A closed outline from its left half, drawn top centre to bottom centre with M, L and C."""
    tokens = _TOKEN.findall(left_half)
    if tokens[0] != "M":
        raise ValueError("a half outline starts with M")
    start: Point = (float(tokens[1]), float(tokens[2]))
    segments: list[tuple[str, list[Point]]] = []
    i = 3
    command = ""
    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
        size = {"L": 1, "C": 3}.get(command)
        if size is None:
            raise ValueError(f"a half outline uses only L and C after M, not {command!r}")
        numbers = [float(t) for t in tokens[i : i + 2 * size]]
        segments.append((command, [(numbers[k], numbers[k + 1]) for k in range(0, 2 * size, 2)]))
        i += 2 * size

    def flip(p: Point) -> str:
        return f"{_number(2 * _AXIS - p[0])} {_number(p[1])}"

    # Walk the mirrored half backwards so the two halves join into one closed outline.
    back: list[str] = []
    for k in range(len(segments) - 1, -1, -1):
        command, points = segments[k]
        before = start if k == 0 else segments[k - 1][1][-1]
        if command == "L":
            back.append(f"L {flip(before)}")
        else:
            back.append(f"C {flip(points[1])} {flip(points[0])} {flip(before)}")
    return f"{left_half} {' '.join(back)} Z"


# Left half of the figure: head, shoulder, arm and hand, torso side, leg and foot.
_HALF_OUTLINE = (
    "M 100 4 C 90 4 83 12 83 26 C 83 38 87 46 92 50 L 92 58"
    " C 85 62 74 65 65 68 C 54 72 49 82 49 96"
    " C 48 112 46 130 45 148 C 43 166 39 186 39 204"
    " C 35 214 35 226 39 234 C 43 239 49 237 50 231 C 51 222 51 212 50 204"
    " C 53 186 58 168 59 150 C 61 132 64 116 67 102"
    " C 69 125 74 148 74 166 C 74 180 68 194 67 210"
    " C 66 240 69 268 73 292 C 71 316 74 346 80 370"
    " C 80 378 74 386 76 390 C 82 394 92 394 95 390"
    " C 96 382 94 376 94 370 C 97 346 98 318 96 292"
    " C 98 268 99 246 100 222"
)
OUTLINE = _silhouette(_HALF_OUTLINE)
# Seen from behind the stylised figure has the same silhouette.
OUTLINES: Mapping[vocab.View, str] = {"front": OUTLINE, "back": OUTLINE}

# Each region is drawn on the viewer's left and mirrored onto the right. The deltoid cap is
# split the same way on both views: inner part front (or rear) delts, outer strip side delts.
_DELTOID_OUTER = (
    "M 63 69 C 55 72 50 80 50 94 C 50 102 51 108 54 113 L 57 113"
    " C 56 104 55 94 56 85 C 57 77 60 72 63 69 Z"
)
_DELTOID_INNER = (
    "M 66 70 C 61 72 58 77 57 85 C 57 95 58 104 58 113 C 62 109 66 102 69 94 C 70 86 70 77 66 70 Z"
)
_FOREARM = (
    "M 45 153 C 43 166 41 182 41 200 L 49 200 C 52 184 55 168 58 153 C 54 156 49 156 45 153 Z"
)
_UPPER_ARM = (
    "M 53 116 C 51 126 49 136 48 145 C 51 149 55 150 58 148"
    " C 60 137 62 125 64 113 C 60 112 56 113 53 116 Z"
)

_FRONT_LEFT: Mapping[str, str] = {
    "neck": "M 92 49 C 94 54 96 58 99 62 L 94 62 C 93 58 92 55 92 49 Z",
    "traps": "M 91 58 C 85 62 76 65 68 68 L 72 71 C 80 69 88 66 94 63 Z",
    "front-delts": _DELTOID_INNER,
    "side-delts": _DELTOID_OUTER,
    "chest": ("M 98 70 L 98 108 C 90 113 79 112 71 103 C 70 93 70 82 72 74 C 80 71 89 70 98 70 Z"),
    "biceps": _UPPER_ARM,
    "forearms": _FOREARM,
    "abs": (
        "M 98 114 L 98 134 L 87 134 C 86 127 86 120 87 115 Z"
        " M 98 137 L 98 157 L 87 157 L 87 137 Z"
        " M 98 160 L 98 192 C 93 194 89 191 87 186 L 87 160 Z"
    ),
    "obliques": (
        "M 72 110 C 77 113 82 116 85 120 L 85 182 C 81 186 76 190 71 194"
        " C 74 182 74 172 74 164 C 74 146 73 128 72 110 Z"
    ),
    "hip-flexors": (
        "M 80 201 C 86 206 93 211 98 216 C 95 222 92 228 89 233 C 86 223 83 212 80 201 Z"
    ),
    "abductors": (
        "M 68 201 C 71 198 75 198 79 201 C 75 212 72 226 69 240 C 67 228 67 212 68 201 Z"
    ),
    "quads": (
        "M 81 206 C 84 216 87 226 89 236 C 91 252 92 268 92 284 C 87 290 79 290 75 285"
        " C 72 270 71 256 71 244 C 72 230 75 217 78 210 C 79 207 80 206 81 206 Z"
    ),
    "adductors": (
        "M 99 225 C 95 227 92 231 90 237 C 92 250 93 262 94 274 C 97 262 99 246 99 225 Z"
    ),
    # tibialis anterior: the strip just outside the shin bone, knee to ankle
    "tibialis": (
        "M 78 300 C 75 314 76 330 79 346 C 81 350 84 350 85 346"
        " C 86 330 86 314 85 300 C 83 296 80 296 78 300 Z"
    ),
}

_BACK_LEFT: Mapping[str, str] = {
    "neck": "M 92 46 C 94 50 96 52 99 52 L 99 58 L 94 60 C 93 56 92 52 92 46 Z",
    "traps": "M 99 52 L 99 86 C 93 82 84 76 70 71 C 79 66 88 62 93 58 C 96 56 98 54 99 52 Z",
    "rear-delts": _DELTOID_INNER,
    "side-delts": _DELTOID_OUTER,
    "rotator-cuff": ("M 72 77 C 79 80 84 88 86 98 C 83 104 77 107 70 106 C 70 96 70 86 72 77 Z"),
    "upper-back": (
        "M 99 88 L 99 140 C 94 124 88 108 86 96 C 84 88 80 82 75 76 C 84 80 92 84 99 88 Z"
    ),
    "triceps": _UPPER_ARM,
    "forearms": _FOREARM,
    "lats": (
        "M 70 109 C 76 112 82 112 87 106 C 90 119 93 130 97 142 C 94 152 88 162 82 170"
        " C 79 171 76 170 74 168 C 74 150 72 128 70 109 Z"
    ),
    "lower-back": "M 99 144 L 99 194 C 95 196 91 194 89 190 C 88 174 90 158 96 142 Z",
    "abductors": (
        "M 70 192 C 75 186 82 184 88 186 C 89 190 89 194 88 197"
        " C 82 198 76 201 72 206 C 70 202 69 197 70 192 Z"
    ),
    "glutes": ("M 99 198 C 92 196 80 198 72 206 C 69 216 70 228 76 234 C 84 238 94 236 99 230 Z"),
    "hamstrings": (
        "M 76 240 C 84 242 92 242 97 238 C 97 256 95 272 93 286 C 88 290 80 290 76 286"
        " C 72 270 72 254 76 240 Z"
    ),
    "calves": (
        "M 76 300 C 72 312 72 328 76 342 C 79 350 86 352 90 346"
        " C 94 336 96 316 94 300 C 88 296 80 296 76 300 Z"
    ),
}

REGIONS: Mapping[vocab.View, Mapping[str, str]] = {
    "front": {slug: _both_sides(d) for slug, d in _FRONT_LEFT.items()},
    "back": {slug: _both_sides(d) for slug, d in _BACK_LEFT.items()},
}


@dataclass(frozen=True)
class Region:
    """One muscle group's shape on one view, with its highlight and link."""

    muscle: str
    name: str
    latin: tuple[str, ...]
    d: str
    level: Level | None = None
    href: str | None = None

    @property
    def title(self) -> str:
        """'Hamstrings (biceps femoris, semitendinosus)': the hover title."""
        return f"{self.name} ({', '.join(self.latin)})" if self.latin else self.name

    @property
    def label(self) -> str:
        """What a screen reader announces: 'Hamstrings exercises' or 'Hamstrings, target muscle'."""
        text = f"{self.name} exercises" if self.href is not None else self.name
        return f"{text}, {self.level} muscle" if self.level is not None else text


@dataclass(frozen=True)
class BodyView:
    """The front or the back figure: its outline and regions, highlighted ones drawn last."""

    view: vocab.View
    name: str
    outline: str
    regions: tuple[Region, ...]

    def names_at(self, level: Level) -> tuple[str, ...]:
        """Display names of the regions on this view highlighted at `level`."""
        return tuple(r.name for r in self.regions if r.level == level)

    @property
    def summary(self) -> str:
        """'Back view of the body. Secondary: Triceps.': the figure's text alternative."""
        parts = [f"{self.name} view of the body."]
        for level in LEVELS:
            names = self.names_at(level)
            if names:
                parts.append(f"{level.capitalize()}: {', '.join(names)}.")
        return " ".join(parts)


@dataclass(frozen=True)
class BodyMap:
    """Both figures plus the text legend, ready for the `body_map` template macro."""

    views: tuple[BodyView, ...]
    target: tuple[str, ...]
    secondary: tuple[str, ...]
    unmapped: tuple[str, ...]  # highlighted muscles with no region, e.g. the cardiovascular system
    linked: bool
    viewbox: str = VIEWBOX


def _check_highlight(highlight: Mapping[str, str]) -> dict[str, Level]:
    levels: dict[str, Level] = {}
    for muscle, level in highlight.items():
        if muscle not in vocab.MUSCLES:
            raise InvalidInputError(
                "highlight", f"unknown muscle {muscle!r}", list(vocab.MUSCLES.slugs)
            )
        known = _LEVEL_NAMES.get(level)
        if known is None:
            raise InvalidInputError("highlight", f"unknown level {level!r}", list(LEVELS))
        levels[muscle] = known
    return levels


def _level_order(region: Region) -> int:
    return 0 if region.level is None else 2 - LEVELS.index(region.level)


def body_map(
    highlight: Mapping[str, str] | None,
    link: bool,
    linkable: Collection[str] | None = None,
) -> BodyMap:
    """The map with `highlight` ({muscle: 'target' | 'secondary'}) shown, regions linking to
    muscle hubs when `link` is true (only the muscles in `linkable`, when given)."""
    levels = _check_highlight(highlight or {})
    views = []
    for view in VIEWS:
        regions = []
        for muscle in vocab.MUSCLES:
            d = REGIONS[view].get(muscle.slug)
            if d is None or view not in muscle.views:
                continue
            linked = link and (linkable is None or muscle.slug in linkable)
            regions.append(
                Region(
                    muscle=muscle.slug,
                    name=muscle.name,
                    latin=muscle.latin,
                    d=d,
                    level=levels.get(muscle.slug),
                    href=muscle_path(muscle.slug) if linked else None,
                )
            )
        # Paint highlighted regions last so their heavier strokes are not covered.
        regions.sort(key=_level_order)
        views.append(BodyView(view, VIEW_NAMES[view], OUTLINES[view], tuple(regions)))

    def names(level: Level) -> tuple[str, ...]:
        return tuple(vocab.MUSCLES[m].name for m, lv in levels.items() if lv == level)

    drawn = {region.muscle for view in views for region in view.regions}
    return BodyMap(
        views=tuple(views),
        target=names("target"),
        secondary=names("secondary"),
        unmapped=tuple(vocab.MUSCLES[m].name for m in levels if m not in drawn),
        linked=link,
    )


def exercise_highlight(exercise: Exercise) -> dict[str, Level]:
    """The exercise's target muscle strongly and its secondary muscles lightly."""
    levels: dict[str, Level] = {s.muscle: "secondary" for s in exercise.secondary}
    levels[exercise.target] = "target"
    return levels
