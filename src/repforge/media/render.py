"""One exercise's media set: every output format from its motion, cached by content hash."""

from __future__ import annotations

import gzip
import threading
from collections import OrderedDict

from repforge.catalog.motion import Motion
from repforge.media import raster, skeleton
from repforge.media.compose import key_poses, scene_for
from repforge.media.inputs import MediaInput
from repforge.media.store import DiskStore
from repforge.media.svg import render_svg

FPS = 9.0
MAX_FRAMES = 32
KINDS = ("svg", "gif", "webp", "png", "thumb")
MEDIA_TYPES = {
    "svg": "image/svg+xml",
    "gif": "image/gif",
    "webp": "image/webp",
    "png": "image/png",
    "thumb": "image/png",
}


def fps_for(motion: Motion) -> float:
    """Frames per second, lowered for long loops so files stay small."""
    return min(FPS, MAX_FRAMES / skeleton.cycle_seconds(motion))


def render(item: MediaInput, kind: str) -> bytes:
    """Bytes of one output format ("svg.gz": the SVG gzipped, for clients that accept it)."""
    if kind == "svg.gz":
        return gzip.compress(render(item, "svg"), 9, mtime=0)
    motion = item.motion
    start, end = key_poses(motion)
    stills = (scene_for(motion, item.target, [start]), scene_for(motion, item.target, [end]))
    seconds = skeleton.cycle_seconds(motion)
    if kind == "png":
        return raster.poster(stills, item.title, item.subtitle)
    if kind == "thumb":
        return raster.thumbnail(stills[1])
    scene = scene_for(motion, item.target, skeleton.timeline(motion, fps_for(motion)))
    if kind == "svg":
        return render_svg(scene, stills, seconds, f"{item.title}: animated demonstration")
    images = raster.frames(scene)
    return raster.gif(images, seconds) if kind == "gif" else raster.webp(images, seconds)


def render_all(item: MediaInput) -> dict[str, bytes]:
    """Every output format, sharing the frames between GIF and WebP."""
    motion = item.motion
    start, end = key_poses(motion)
    stills = (scene_for(motion, item.target, [start]), scene_for(motion, item.target, [end]))
    seconds = skeleton.cycle_seconds(motion)
    scene = scene_for(motion, item.target, skeleton.timeline(motion, fps_for(motion)))
    images = raster.frames(scene)
    return {
        "svg": render_svg(scene, stills, seconds, f"{item.title}: animated demonstration"),
        "gif": raster.gif(images, seconds),
        "webp": raster.webp(images, seconds),
        "png": raster.poster(stills, item.title, item.subtitle),
        "thumb": raster.thumbnail(stills[1]),
    }


class MediaCache:
    """Bounded LRU of rendered bytes keyed by (input digest, kind); safe across threads.

    Misses look in `disk` (when given) before rendering, and renders are written there.
    """

    def __init__(self, max_bytes: int = 64 * 1024 * 1024, disk: DiskStore | None = None) -> None:
        self.max_bytes = max_bytes
        self.disk = disk
        self._items: OrderedDict[tuple[str, str], bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def peek(self, item: MediaInput, kind: str) -> bytes | None:
        """The cached bytes, or None without rendering."""
        with self._lock:
            data = self._items.get((item.digest, kind))
            if data is not None:
                self._items.move_to_end((item.digest, kind))
            return data

    def get(self, item: MediaInput, kind: str) -> bytes:
        key = (item.digest, kind)
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        data = self.disk.read(item.digest, kind) if self.disk else None
        if data is None:
            data = render(item, kind)
            if self.disk:
                self.disk.write(item.digest, kind, data)
        with self._lock:
            if key not in self._items:
                self._items[key] = data
                self._size += len(data)
                while self._size > self.max_bytes and len(self._items) > 1:
                    _, old = self._items.popitem(last=False)
                    self._size -= len(old)
        return data
