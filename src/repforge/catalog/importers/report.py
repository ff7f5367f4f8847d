"""ImportReport: what an import did, found and guessed, for the operator to review."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Skip:
    """A record left out, and why."""

    index: int
    name: str
    reason: str


@dataclass(frozen=True)
class Duplicate:
    """A record whose slug, name or alias is already taken, and what was done about it."""

    index: int
    name: str
    existing: str  # slug of the exercise it collides with
    matched: str  # "slug", "name", "alias" or "source id"
    where: str  # "built-in", "custom" or "this import"
    action: str  # "skipped", "merged into ...", "renamed to ...", "updated"


@dataclass
class ImportReport:
    """Counts, unmapped vocabulary, duplicates and inferences of one import."""

    format: str
    source: str
    path: str
    records: int = 0
    imported: int = 0
    skipped: int = 0
    merged: int = 0
    dry_run: bool = False
    # (field, source value) -> records using a value our crosswalk does not know
    unmapped: Counter[tuple[str, str]] = field(default_factory=Counter)
    # (field, source value) -> records using a value the crosswalk knows carries no fact
    vague: Counter[tuple[str, str]] = field(default_factory=Counter)
    # (field, rule) -> records where the rule supplied a value the source lacked
    inferred: Counter[tuple[str, str]] = field(default_factory=Counter)
    # (field, what) -> records whose text was cut or dropped to fit our limits
    trimmed: Counter[tuple[str, str]] = field(default_factory=Counter)
    skips: list[Skip] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)

    def unmapped_value(self, field_name: str, value: str) -> None:
        self.unmapped[(field_name, value)] += 1

    def vague_value(self, field_name: str, value: str) -> None:
        self.vague[(field_name, value)] += 1

    def inference(self, field_name: str, rule: str) -> None:
        self.inferred[(field_name, rule)] += 1

    def trim(self, field_name: str, what: str) -> None:
        self.trimmed[(field_name, what)] += 1

    def skip(self, index: int, name: str, reason: str) -> None:
        self.skips.append(Skip(index, name, reason))
        self.skipped += 1

    def duplicate(self, found: Duplicate) -> None:
        self.duplicates.append(found)

    def inferred_by_field(self) -> dict[str, list[tuple[str, int]]]:
        """Field -> (rule, records) most used first."""
        grouped: dict[str, list[tuple[str, int]]] = {}
        for (name, rule), count in self.inferred.most_common():
            grouped.setdefault(name, []).append((rule, count))
        return dict(sorted(grouped.items()))

    def as_dict(self) -> dict[str, Any]:
        """The whole report as JSON-ready data."""

        def counted(counter: Counter[tuple[str, str]]) -> list[dict[str, Any]]:
            return [
                {"field": name, "value": value, "records": count}
                for (name, value), count in sorted(counter.items(), key=lambda i: (-i[1], i[0]))
            ]

        return {
            "format": self.format,
            "source": self.source,
            "path": self.path,
            "dry_run": self.dry_run,
            "records": self.records,
            "imported": self.imported,
            "skipped": self.skipped,
            "merged": self.merged,
            "unmapped": counted(self.unmapped),
            "no_fact": counted(self.vague),
            "trimmed": counted(self.trimmed),
            "inferred": {
                name: [{"rule": rule, "records": count} for rule, count in rules]
                for name, rules in self.inferred_by_field().items()
            },
            "skips": [vars(s) for s in self.skips],
            "duplicates": [vars(d) for d in self.duplicates],
        }
