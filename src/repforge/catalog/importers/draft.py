"""Turn one source record into an Exercise draft: map vocabulary, infer the rest, bound text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from repforge.catalog import crosswalk
from repforge.catalog.importers import clean
from repforge.catalog.importers.infer import Facts, complete
from repforge.catalog.importers.report import ImportReport
from repforge.catalog.model import Exercise
from repforge.catalog.names import normalise, slugify

# Source values the crosswalks map to nothing because they say nothing ("other", a null).
NO_FACT = frozenset({"other", "null"})
_SMALL_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "at",
        "by",
        "for",
        "in",
        "into",
        "of",
        "on",
        "onto",
        "or",
        "the",
        "to",
        "with",
    }
)
_ACRONYMS = {"ez": "EZ", "sz": "SZ", "trx": "TRX", "bosu": "BOSU", "rdl": "RDL", "ghr": "GHR"}
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


@dataclass
class Record:
    """One source record as a parser read it, before mapping and inference are finished."""

    index: int
    source_id: str
    name: str
    facts: Facts
    author: str
    licence: str
    summary: str | None = None
    steps: Sequence[str] = ()
    aliases: Sequence[str] = ()
    sources: Sequence[str] = ()
    source: str | None = None  # overrides the import's source name (records we exported)


def display_name(name: str) -> str:
    """Title case for all-lower-case names ('3/4 sit-up' -> '3/4 Sit-Up'); others kept."""
    if not name.islower():
        return name

    def word(match: re.Match[str]) -> str:
        text = match.group(0)
        if text in _ACRONYMS:
            return _ACRONYMS[text]
        first = match.start() == 0
        return text if text in _SMALL_WORDS and not first else text[:1].upper() + text[1:]

    return _WORD.sub(word, name)


def map_many(
    source: str, table: str, values: Iterable[str], field_name: str, report: ImportReport
) -> list[str]:
    """Our slugs for source values, main ones first; unknown and empty values are reported."""
    found: list[str] = []
    for value in values:
        if not crosswalk.knows(source, table, value):
            report.unmapped_value(field_name, value)
            continue
        slugs = crosswalk.lookup(source, table, value) or []
        if not slugs and value.lower() in NO_FACT:
            report.vague_value(field_name, value)
        found += [s for s in slugs if s not in found]
    return found


def map_one(
    source: str, table: str, value: str | None, field_name: str, report: ImportReport
) -> str | None:
    """Our slug for one source value; None when absent, unknown (reported) or factless."""
    if value is None:
        return None
    if not crosswalk.knows(source, table, value):
        report.unmapped_value(field_name, value)
        return None
    found = crosswalk.lookup(source, table, value)
    return str(found) if found else None


def _aliases(name: str, aliases: Iterable[str]) -> tuple[str, ...]:
    seen = {normalise(name)}
    kept: list[str] = []
    for alias in aliases:
        text = clean.label(alias, clean.ALIAS_MAX)
        key = normalise(text)
        if len(text) >= clean.NAME_MIN and key and key not in seen:
            seen.add(key)
            kept.append(text)
    return tuple(kept[: clean.ALIASES_MAX])


def _slug(name: str, source: str, source_id: str) -> str:
    slug = slugify(name)[:80].strip("-")
    return slug or slugify(f"{source} {source_id}")[:80].strip("-")


def build(record: Record, source: str, report: ImportReport) -> Exercise | None:
    """The Exercise for `record`, or None (reported as skipped) when it cannot be placed."""
    name = display_name(clean.label(record.name, clean.NAME_MAX))
    if len(name) < clean.NAME_MIN:
        report.skip(record.index, name, f"name shorter than {clean.NAME_MIN} characters")
        return None
    origin = clean.identifier(record.source or "", 64) or source
    source_id = clean.identifier(record.source_id)
    if not source_id:
        report.skip(record.index, name, "the record's id is empty once control characters go")
        return None
    slug = _slug(name, origin, source_id)
    if not slug:
        report.skip(record.index, name, "name has no letters or digits for a URL slug")
        return None
    record.facts.name = name
    classification = complete(record.facts, report)
    if classification is None:
        report.skip(record.index, name, "no muscle, body part or name clue to classify it")
        return None
    kit = [e for e in dict.fromkeys(record.facts.equipment) if e != "bodyweight"]
    data: dict[str, Any] = {
        **classification,
        "slug": slug,
        "name": name,
        "aliases": _aliases(name, record.aliases),
        "secondary": [{"muscle": m, "weight": 0.5} for m in classification["secondary"]],
        "equipment": {"required": kit},
        "summary": clean.summary(record.summary, report),
        "steps": clean.sentences(record.steps, report, "steps"),
        "provenance": {
            "author": clean.label(record.author, clean.PROVENANCE_MAX).ljust(2, "?"),
            "licence": clean.label(record.licence, clean.PROVENANCE_MAX).ljust(2, "?"),
            "sources": tuple(clean.label(s, clean.PROVENANCE_MAX) for s in record.sources[:5]),
            "source": origin,
            "source_id": source_id,
        },
    }
    try:
        return Exercise.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"])
        report.skip(record.index, name, f"{where}: {error['msg']}")
        return None
