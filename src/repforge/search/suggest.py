"""Autocomplete: names and aliases that start with what has been typed so far."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from repforge.catalog.names import normalise
from repforge.search.intent import rewrite_text
from repforge.search.ranking import Doc

# Rank of a key kind: a name start beats an alias start beats a later word of either.
NAME_START, ALIAS_START, NAME_WORD, ALIAS_WORD = range(4)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One completion: the exercise, the label that matched, and how (rank, lower is better)."""

    doc: int
    label: str
    rank: int


class Completer:
    """Sorted keys of every name, alias and word start, searched by binary search."""

    def __init__(self, docs: Sequence[Doc]) -> None:
        entries: list[tuple[str, int, int, str]] = []
        for index, doc in enumerate(docs):
            for label in doc.labels:
                text = normalise(label.text)
                start, later = (
                    (NAME_START, NAME_WORD) if label.is_name else (ALIAS_START, ALIAS_WORD)
                )
                entries.append((text, start, index, label.text))
                # typed without spaces or hyphens: 'pullu' finds 'pull up'
                entries.append((text.replace(" ", ""), start, index, label.text))
                parts = text.split()
                for cut in range(1, len(parts)):
                    entries.append((" ".join(parts[cut:]), later, index, label.text))
        entries.sort()
        self._keys = [e[0] for e in entries]
        self._entries = entries
        self._docs = docs

    def _scan(self, prefix: str, best: dict[int, Suggestion]) -> None:
        position = bisect_left(self._keys, prefix)
        keys, entries = self._keys, self._entries
        while position < len(keys) and keys[position].startswith(prefix):
            _, rank, index, label = entries[position]
            current = best.get(index)
            if current is None or rank < current.rank:
                best[index] = Suggestion(index, label, rank)
            position += 1

    def complete(self, typed: str, limit: int) -> list[Suggestion]:
        """Up to `limit` exercises whose name or alias starts with `typed`, best first."""
        prefix = normalise(typed)
        if not prefix:
            return []
        best: dict[int, Suggestion] = {}
        self._scan(prefix, best)
        # shorthand typed in full: 'rdl' completes like 'romanian deadlift'
        expanded = rewrite_text(prefix)
        if expanded != prefix:
            self._scan(expanded, best)
        docs = self._docs
        ranked = sorted(
            best.values(),
            key=lambda s: (s.rank, -docs[s.doc].popularity, len(s.label), s.label),
        )
        return ranked[:limit]
