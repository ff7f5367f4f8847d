"""The generated reference docs match the code (regenerate with python -m repforge.reference)."""

from __future__ import annotations

from repforge import reference

HINT = "docs are stale: run `python -m repforge.reference` and commit the result"


def test_cli_reference_is_current() -> None:
    assert (reference.DOCS / "cli.md").read_text(encoding="utf-8") == reference.cli_reference(), (
        HINT
    )


def test_configuration_reference_is_current() -> None:
    current = (reference.DOCS / "configuration.md").read_text(encoding="utf-8")
    assert current == reference.settings_reference(), HINT


def test_every_command_is_documented() -> None:
    text = reference.cli_reference()
    for command in (
        "repforge serve",
        "repforge export",
        "repforge search",
        "repforge plan",
        "repforge plan validate",
        "repforge catalog check",
        "repforge catalog import",
    ):
        assert f"## `{command}`" in text
