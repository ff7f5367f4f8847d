"""Imported text is untrusted: reduce it to bounded plain text with the stdlib HTML parser."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from repforge.catalog.importers.report import ImportReport
from repforge.catalog.plaintext import squash, squash_all

# The Exercise model's limits; tests/catalog/importers/test_clean.py keeps them in step.
NAME_MIN, NAME_MAX = 3, 100
SENTENCE_MIN, SENTENCE_MAX = 8, 600
STEPS_MAX = 20
SUMMARY_MAX = 1200
ALIAS_MAX, ALIASES_MAX = 100, 12
PROVENANCE_MAX = 200
ID_MAX = 200

_BLOCKS = frozenset(
    [
        "p",
        "div",
        "br",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "blockquote",
        "pre",
        "hr",
        "dl",
        "dt",
        "dd",
    ]
)
# Content of these elements is never text a reader should see.
_HIDDEN = frozenset(
    ["script", "style", "template", "iframe", "object", "embed", "noscript", "svg", "math", "head"]
)


@dataclass
class Sections:
    """Text of an HTML fragment: paragraphs, and list items kept apart (they read as steps)."""

    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections = Sections()
        self._buffer: list[str] = []
        self._hidden = 0
        self._in_item = 0

    def _flush(self) -> None:
        text = squash("".join(self._buffer))
        self._buffer = []
        if text:
            (self.sections.items if self._in_item else self.sections.paragraphs).append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag == "li":
            self._flush()
            self._in_item += 1
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag == "li":
            self._flush()
            self._in_item = max(0, self._in_item - 1)
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def identifier(text: str, limit: int = ID_MAX) -> str:
    """A source id or source name: squashed (no markup parsing: ids are not prose) and cut."""
    return squash(text)[:limit].strip()


def every_string(data: Any) -> Any:
    """Every string of a record's raw data squashed, for formats that carry no markup."""
    return squash_all(data)


def html_sections(markup: str) -> Sections:
    """Paragraphs and list items of an HTML fragment, tags dropped and entities decoded."""
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    return parser.sections


def plain(text: str) -> str:
    """One line of plain text from a string that may carry markup or entities."""
    found = html_sections(text)
    return " ".join([*found.paragraphs, *found.items])


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at a word boundary, marked with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


def sentences(
    raw: Iterable[str], report: ImportReport, field_name: str, max_items: int = STEPS_MAX
) -> tuple[str, ...]:
    """Cleaned items sized for the model: too-short ones dropped, long ones clipped, list cut."""
    found: list[str] = []
    notes: set[str] = set()  # reported once per record
    for item in raw:
        text = plain(item)
        if len(text) < SENTENCE_MIN:
            if text:
                notes.add(f"dropped items under {SENTENCE_MIN} characters")
            continue
        if len(text) > SENTENCE_MAX:
            notes.add(f"clipped items to {SENTENCE_MAX} characters")
            text = clip(text, SENTENCE_MAX)
        found.append(text)
    if len(found) > max_items:
        notes.add(f"kept the first {max_items} items")
        found = found[:max_items]
    for note in sorted(notes):
        report.trim(field_name, note)
    return tuple(found)


def summary(text: str | None, report: ImportReport) -> str | None:
    """A summary sized for the model, or None when there is no text."""
    cleaned = plain(text or "")
    if len(cleaned) < SENTENCE_MIN:
        return None
    if len(cleaned) > SUMMARY_MAX:
        report.trim("summary", f"clipped to {SUMMARY_MAX} characters")
        cleaned = clip(cleaned, SUMMARY_MAX)
    return cleaned


def label(text: str, limit: int) -> str:
    """A short single-line label (name, alias, author) from untrusted text."""
    return clip(plain(text), limit)
