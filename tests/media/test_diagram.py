"""The angle diagram in docs/ is the one the renderer draws today."""

from __future__ import annotations

from pathlib import Path

from repforge.media.diagram import conventions_svg

DOC = Path(__file__).resolve().parents[2] / "docs" / "motion-angles.svg"


def test_docs_diagram_is_current() -> None:
    # regenerate: .venv/bin/python -c "from repforge.media.diagram import conventions_svg as c;
    #   open('docs/motion-angles.svg','w').write(c())"
    assert DOC.read_text(encoding="utf-8") == conventions_svg()
