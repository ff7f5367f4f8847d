"""The static export: every public route rendered through the app, and no broken internal link."""

from __future__ import annotations

import re
import threading
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from repforge.catalog.catalog import Catalog
from repforge.config import Settings
from repforge.errors import ExportError
from repforge.export import export_paths, export_site, file_for
from repforge.web.app import create_app
from tests.factories import make_catalog, make_exercise

LINK = re.compile(r'(?:href|src)="([^"]+)"')


def test_file_layout_for_static_hosts() -> None:
    assert file_for("/") == PurePosixPath("index.html")
    assert file_for("/exercise/squat") == PurePosixPath("exercise/squat/index.html")
    assert file_for("/exercise/squat.md") == PurePosixPath("exercise/squat.md")
    assert file_for("/sitemap.xml") == PurePosixPath("sitemap.xml")
    assert file_for("/exercises/legs/page/2") == PurePosixPath("exercises/legs/page/2/index.html")


def resolve(site: Path, link: str) -> Path | None:
    """The file a static host would serve for an internal link, or None for external ones."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    return site / file_for(parts.path)


def test_export_writes_every_page_and_no_internal_link_is_broken(
    tmp_path: Path, small_catalog: Catalog
) -> None:
    app = create_app(Settings(environment="test", data_dir=tmp_path / "data"), small_catalog)
    site = tmp_path / "site"
    report = export_site(app, small_catalog, site)
    assert report.pages == len(export_paths(small_catalog))
    for path in (
        "index.html",
        "exercise/pistol-test/index.html",
        "exercise/pistol-test.md",
        "sitemap.xml",
        "robots.txt",
        "llms.txt",
        "static/site.css",
        "404.html",
        "plan/index.html",
        "exercise/compare/goblet-test-vs-test-squat/index.html",
    ):
        assert (site / path).is_file(), path
    broken = []
    for page in site.rglob("*.html"):
        for link in LINK.findall(page.read_text(encoding="utf-8")):
            target = resolve(site, link.replace("&amp;", "&"))
            if target is not None and not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {link}")
    assert not broken, "\n".join(sorted(set(broken))[:30])


def test_parallel_workers_write_the_same_site(tmp_path: Path, small_catalog: Catalog) -> None:
    app = create_app(Settings(environment="test", data_dir=tmp_path / "data"), small_catalog)
    one = export_site(app, small_catalog, tmp_path / "one")
    ticks: list[int] = []
    two = export_site(app, small_catalog, tmp_path / "two", lambda: ticks.append(1), workers=2)
    assert two.pages == one.pages == len(ticks)
    assert two.bytes_written == one.bytes_written
    files = sorted(
        p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*") if p.is_file()
    )
    assert files == sorted(
        p.relative_to(tmp_path / "two") for p in (tmp_path / "two").rglob("*") if p.is_file()
    )


def test_a_failing_path_with_two_workers_raises_instead_of_hanging(
    tmp_path: Path, small_catalog: Catalog
) -> None:
    app = create_app(Settings(environment="test", data_dir=tmp_path / "data"), small_catalog)
    paths = [*export_paths(small_catalog)[:6], "/exercise/no-such-exercise"]
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            export_site(app, small_catalog, tmp_path / "site", paths=paths, workers=2)
            outcome.append(None)
        except Exception as exc:
            outcome.append(exc)

    # a thread, so a hang fails this test after the timeout instead of stopping the whole run
    runner = threading.Thread(target=run, daemon=True)
    runner.start()
    runner.join(timeout=60)
    assert outcome, "the export hung on a failed worker"
    assert isinstance(outcome[0], ExportError)
    assert "/exercise/no-such-exercise" in str(outcome[0])
    assert "404" in str(outcome[0])


def test_export_holds_every_media_file_of_exercises_with_motion() -> None:
    motion = {"keyframes": [{"pose": {}}, {"pose": {"hip": 120, "knee": 110, "trunk": 40}}]}
    catalog = make_catalog(make_exercise(slug="moving", motion=motion), make_exercise(slug="still"))
    paths = export_paths(catalog)
    media = [p for p in paths if p.startswith("/media/")]
    assert sorted(media) == [
        "/media/moving.gif",
        "/media/moving.png",
        "/media/moving.svg",
        "/media/moving.webp",
        "/media/thumb/moving.png",
    ]
    assert file_for("/media/moving.webp").as_posix() == "media/moving.webp"
