"""Clean text: the one definition importers clean to and the model holds every string to."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_SPACE = re.compile(r"\s+")
# Cc: NUL and the other C0/C1 controls; Cf: format characters such as the bidi overrides
# U+202A-U+202E and isolates U+2066-U+2069, zero-width spaces and the byte-order mark
_DROPPED = frozenset({"Cc", "Cf"})


def squash(text: str) -> str:
    """NFC text without control or format characters (bidi overrides), whitespace collapsed."""
    # fast path for text that is already clean (all of ours): isprintable() is False for every
    # control, format and non-ASCII space character
    printable = text.isprintable() and "  " not in text and text == text.strip()
    if printable and unicodedata.is_normalized("NFC", text):
        return text
    text = unicodedata.normalize("NFC", text)
    kept = (
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch) not in _DROPPED
    )
    return _SPACE.sub(" ", "".join(kept)).strip()


def squash_all(value: Any) -> Any:
    """`value` with every string inside it (mappings and lists too) squashed."""
    if isinstance(value, str):
        return squash(value)
    if isinstance(value, dict):
        return {key: squash_all(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [squash_all(item) for item in value]
    return value


def unclean_paths(value: Any, path: str = "") -> list[str]:
    """Dotted paths of the strings in `value` that squash() would change."""
    if isinstance(value, str):
        return [] if squash(value) == value else [path]
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in unclean_paths(item, f"{path}.{key}")]
    if isinstance(value, list | tuple):
        return [p for i, item in enumerate(value) for p in unclean_paths(item, f"{path}.{i}")]
    return []


# Punctuation that CommonMark or GFM can read as markup inside a line (HTML tags, autolinks,
# links and images, entities, emphasis, code, tables, strikethrough), and the backslash itself.
_MARKDOWN_INLINE = str.maketrans({ch: f"\\{ch}" for ch in "\\`*_[]<>&|~"})
# What makes a line a heading, list item, quote or setext underline when it starts one.
_MARKDOWN_LINE_START = re.compile(r"^([#+=-]|\d+[.)])")


def markdown_text(text: str) -> str:
    """Text from data, inert in Markdown: no tag, link, image or entity can come out of it."""
    escaped = squash(text).translate(_MARKDOWN_INLINE)
    return _MARKDOWN_LINE_START.sub(lambda m: f"{m.group(0)[:-1]}\\{m.group(0)[-1]}", escaped)
