"""Load exercise YAML into a Catalog, refusing bad files with file:line messages."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from repforge.catalog import vocab
from repforge.catalog.catalog import Catalog
from repforge.catalog.model import AuthoredExercise, Exercise
from repforge.catalog.names import normalise
from repforge.errors import CatalogError, Problem, field_error

# libyaml's C parser keeps node marks (for file:line messages) at a fraction of the pure-Python
# composer's cost; the pure-Python loader is the fallback where PyYAML was built without it.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class SourceFile:
    """One exercise file's text and where it came from."""

    name: str  # shown in messages, e.g. "glute-ham-raise.yaml"
    text: str


@dataclass(frozen=True)
class Parsed:
    """A validated exercise with its YAML node tree, kept to locate later problems."""

    exercise: Exercise
    source: SourceFile
    node: yaml.Node

    def line_of(self, *path: str | int) -> int:
        """1-based line of the value at `path` (deepest part that exists)."""
        return locate(self.node, path)


def builtin_dir() -> Path:
    """Folder of the exercise files shipped with the package."""
    return Path(str(resources.files("repforge.catalog") / "data" / "exercises"))


def read_dir(folder: Path) -> list[SourceFile]:
    """Every *.yaml file in `folder`, sorted by name."""
    return [
        SourceFile(path.name, path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.yaml"))
    ]


def locate(node: yaml.Node, path: Sequence[str | int]) -> int:
    """Line (1-based) of the deepest node reachable along `path`."""
    for part in path:
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            child = node.value[part] if 0 <= part < len(node.value) else None
        if child is None:
            break
        node = child
    return int(node.start_mark.line) + 1


def _duplicate_keys(node: yaml.Node, source: str) -> list[Problem]:
    problems: list[Problem] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if key.value in seen:
                line = key.start_mark.line + 1
                problems.append(Problem(source, line, f"key {key.value!r} appears twice"))
            seen.add(key.value)
            problems += _duplicate_keys(value, source)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            problems += _duplicate_keys(item, source)
    return problems


def parse(
    source: SourceFile,
    model: type[Exercise] = AuthoredExercise,
    prepare: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
) -> tuple[Parsed | None, list[Problem]]:
    """Parse and validate one file as `model` (after `prepare`); the exercise or the problems."""
    try:
        loader = _Loader(source.text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(source.name, line, f"invalid YAML: {exc.problem}")]
    if node is None or not isinstance(data, dict):
        return None, [Problem(source.name, 1, "file must hold a mapping of exercise fields")]
    problems = _duplicate_keys(node, source.name)
    try:
        exercise = model.model_validate(prepare(data) if prepare else data)
    except ValidationError as exc:
        for error in exc.errors():
            line = locate(node, error["loc"])
            field, message = field_error(error)
            problems.append(Problem(source.name, line, f"{field}: {message}" if field else message))
        return None, problems
    stem = source.name.rsplit(".", 1)[0]
    if exercise.slug != stem:
        line = locate(node, ["slug"])
        problems.append(
            Problem(source.name, line, f"slug {exercise.slug!r} must match the file name {stem!r}")
        )
    return (None if problems else Parsed(exercise, source, node)), problems


def integrity(parsed: Sequence[Parsed], known: Iterable[str] = ()) -> list[Problem]:
    """Cross-file checks: unique slugs and names, links resolve, progressions monotone."""
    problems: list[Problem] = []
    by_slug: dict[str, Parsed] = {}
    names: dict[str, str] = {}
    for item in parsed:
        ex = item.exercise
        if ex.slug in by_slug:
            other = by_slug[ex.slug].source.name
            problems.append(
                Problem(item.source.name, item.line_of("slug"), f"slug {ex.slug!r} also in {other}")
            )
            continue
        by_slug[ex.slug] = item
        for index, label in enumerate((ex.name, *ex.aliases)):
            key = normalise(label)
            path: tuple[str | int, ...] = ("name",) if index == 0 else ("aliases", index - 1)
            owner = names.get(key)
            if owner is not None and owner != ex.slug:
                problems.append(
                    Problem(
                        item.source.name,
                        item.line_of(*path),
                        f"name or alias {label!r} is already used by {owner!r}",
                    )
                )
            elif owner == ex.slug and index > 0:
                problems.append(
                    Problem(item.source.name, item.line_of(*path), f"alias {label!r} repeats")
                )
            names[key] = ex.slug
    external = set(known)
    for item in by_slug.values():
        problems += _relation_problems(item, by_slug, external)
    problems += _cycles(by_slug)
    return problems


def _relation_problems(
    item: Parsed, by_slug: dict[str, Parsed], external: set[str]
) -> list[Problem]:
    problems = []
    ex = item.exercise
    for kind in ("easier", "harder", "alternatives"):
        for index, relation in enumerate(getattr(ex, kind)):
            line = item.line_of(kind, index)
            other = by_slug.get(relation.slug)
            if other is None:
                if relation.slug not in external:
                    problems.append(
                        Problem(
                            item.source.name,
                            line,
                            f"{kind} links to unknown exercise {relation.slug!r}",
                        )
                    )
                continue
            rank, other_rank = ex.difficulty_rank, other.exercise.difficulty_rank
            if kind == "easier" and other_rank > rank:
                problems.append(
                    Problem(
                        item.source.name,
                        line,
                        f"easier exercise {relation.slug!r} is {other.exercise.difficulty}, "
                        f"harder than this {ex.difficulty} one",
                    )
                )
            if kind == "harder" and other_rank < rank:
                problems.append(
                    Problem(
                        item.source.name,
                        line,
                        f"harder exercise {relation.slug!r} is {other.exercise.difficulty}, "
                        f"easier than this {ex.difficulty} one",
                    )
                )
    return problems


def progression_edges(exercises: Iterable[Exercise]) -> dict[str, set[str]]:
    """slug -> slugs that are harder, from both `harder` and reversed `easier` links."""
    edges: dict[str, set[str]] = {}
    for ex in exercises:
        edges.setdefault(ex.slug, set()).update(r.slug for r in ex.harder)
        for relation in ex.easier:
            edges.setdefault(relation.slug, set()).add(ex.slug)
    return edges


def _cycles(by_slug: dict[str, Parsed]) -> list[Problem]:
    edges = progression_edges(p.exercise for p in by_slug.values())
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    problems: list[Problem] = []

    def visit(slug: str, trail: list[str]) -> None:
        state[slug] = 1
        for nxt in sorted(edges.get(slug, ())):
            if state.get(nxt) == 1:
                cycle = [*trail[trail.index(nxt) :], nxt] if nxt in trail else [slug, nxt]
                item = by_slug.get(slug)
                name = item.source.name if item else slug
                line = item.line_of("harder") if item else 1
                problems.append(Problem(name, line, "progression cycle: " + " -> ".join(cycle)))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[slug] = 2

    for slug in sorted(edges):
        if slug not in state:
            visit(slug, [slug])
    return problems


def version_of(sources: Iterable[SourceFile]) -> str:
    """Content hash of the files, used as the catalog version."""
    digest = hashlib.sha256()
    for source in sorted(sources, key=lambda s: s.name):
        digest.update(source.name.encode())
        digest.update(b"\0")
        digest.update(source.text.encode())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def check(
    sources: Sequence[SourceFile], known: Iterable[str] = ()
) -> tuple[list[Parsed], list[Problem]]:
    """Parse every file and run the cross-file checks; returns all problems found."""
    parsed: list[Parsed] = []
    problems: list[Problem] = []
    for source in sources:
        item, found = parse(source)
        problems += found
        if item is not None:
            parsed.append(item)
    problems += integrity(parsed, known)
    return parsed, problems


def load_sources(sources: Sequence[SourceFile], extra: Iterable[Exercise] = ()) -> Catalog:
    """Build a Catalog from files (plus already-validated extra exercises) or raise CatalogError."""
    parsed, problems = check(sources)
    if problems:
        raise CatalogError(problems)
    extra = list(extra)
    version = version_of(
        [*sources, *(SourceFile(f"db:{e.slug}", e.model_dump_json()) for e in extra)]
    )
    return Catalog([p.exercise for p in parsed] + extra, version)


def load_dir(folder: Path, cache_dir: Path | None = None) -> Catalog:
    """Load every exercise file in a folder, through the compiled cache in `cache_dir` if given."""
    sources = read_dir(folder)
    if cache_dir is None:
        return load_sources(sources)
    from repforge.catalog import compiled

    return compiled.load(sources, cache_dir, version_of(sources), lambda: load_sources(sources))


def load_builtin(cache_dir: Path | None = None) -> Catalog:
    """The catalog shipped with the package."""
    return load_dir(builtin_dir(), cache_dir)


__all__ = ["check", "load_builtin", "load_dir", "load_sources", "locate", "parse", "vocab"]
