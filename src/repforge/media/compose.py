"""Build the scene for one exercise: bodies per frame, floor, props and highlighted muscles."""

from __future__ import annotations

from repforge.catalog.motion import Motion
from repforge.media import kit, props, skeleton
from repforge.media.scene import MUSCLE_PARTS, Line, Scene, Shape, figure, floor_level, project
from repforge.media.skeleton import Body


def hot_parts(target: str) -> set[str]:
    """Drawn parts shown in the accent colour for a target muscle."""
    return set(MUSCLE_PARTS.get(target, ()))


def bodies_at(motion: Motion, poses: list[dict[str, float]]) -> list[Body]:
    """Pinned bodies for some poses, relative to the first keyframe's contact position."""
    first = skeleton.resolve(motion)[0]
    pinned = skeleton.pinned(motion, [first, *poses])
    return pinned[1:]


def scene_for(motion: Motion, target: str, poses: list[dict[str, float]]) -> Scene:
    """The drawable scene for `poses` (animation frames or chosen keyframes)."""
    keyposes = skeleton.resolve(motion)
    keybodies = bodies_at(motion, keyposes)
    bodies = bodies_at(motion, poses)
    floor = floor_level(motion, keybodies)
    anchor_x, tower = props.cable_stack(motion, keybodies, floor)
    xs = [project(motion.view, p)[0] for b in keybodies for p in b.points.values()]
    floor_line = Line((min(xs) - 0.5, floor), (max(xs) + 0.5, floor), 0.02, "floor")
    at = kit.anchor(motion, keybodies)
    static = [*tower, *props.placed(motion, keybodies[0], floor)]
    scene = Scene(floor, [floor_line, *static, *kit.placed(motion, keybodies[0], floor, at)])
    hot = hot_parts(target)
    for b in bodies:
        carried = props.held(motion, b, floor, anchor_x) + kit.held(motion, b, floor, at)
        scene.frames.append(_ordered(motion, b, hot, carried))
    return scene


def _ordered(motion: Motion, b: Body, hot: set[str], held: list[Shape]) -> list[Shape]:
    # Held kit goes between the far and the near limbs: a bar sits in both hands.
    shapes = figure(motion.view, b, hot)
    far = [s for s in shapes if getattr(s, "colour", "") in ("far", "hotfar")]
    near = [s for s in shapes if getattr(s, "colour", "") not in ("far", "hotfar")]
    return far + held + near


def key_poses(motion: Motion) -> tuple[dict[str, float], dict[str, float]]:
    """The start pose and the keyframe farthest from it (the two shown without motion)."""
    poses = skeleton.resolve(motion)
    start = poses[0]

    def distance(p: dict[str, float]) -> float:
        return sum(abs(p.get(j, 0.0) - start.get(j, 0.0)) for j in set(p) | set(start))

    return start, max(poses[1:], key=distance)
