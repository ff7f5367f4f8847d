"""API v1 logic over the in-memory catalog: filtering, sorting, paging, search, taxonomy."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from repforge import __version__
from repforge.catalog import relations, vocab
from repforge.catalog.catalog import Catalog
from repforge.catalog.model import Exercise
from repforge.errors import InvalidInputError
from repforge.pages import listing
from repforge.pages.demo import demonstration
from repforge.pages.exercise import Related, compose
from repforge.pages.links import exercise_path, markdown_path
from repforge.pages.listing import ExerciseFilter
from repforge.pages.text import equipment_label
from repforge.search.index import index_for
from repforge.web.api.schemas import (
    AlternativePublic,
    AlternativesPublic,
    CatalogCountsPublic,
    CatalogPublic,
    EquipmentPublic,
    EquipmentTermPublic,
    ExerciseDetailPublic,
    ExercisePublic,
    ExerciseQuery,
    ExercisesPublic,
    FactPublic,
    FaqPublic,
    LicencePublic,
    LinkPublic,
    MediaPublic,
    MusclePublic,
    MuscleTermPublic,
    ProgressionsPublic,
    ProvenancePublic,
    RelatedPublic,
    RelationsPublic,
    SearchHitPublic,
    SearchResultsPublic,
    TaxonomyPublic,
    TermPublic,
)

LICENCE = LicencePublic(text="CC-BY-SA-4.0", code="AGPL-3.0-or-later")


def check_slugs(
    field: str, values: Iterable[str | None], vocabulary: vocab.Vocabulary[Any]
) -> None:
    """Raise InvalidInputError naming `field` when a value is outside the vocabulary."""
    for value in values:
        if value is not None and value not in vocabulary:
            raise InvalidInputError(
                field, f"unknown {vocabulary.name} {value!r}", list(vocabulary.slugs)
            )


def exercise_public(ex: Exercise) -> ExercisePublic:
    """The list form of an exercise."""
    return ExercisePublic(**_summary_fields(ex))


def _summary_fields(ex: Exercise) -> dict[str, Any]:
    return {
        "slug": ex.slug,
        "name": ex.name,
        "url": exercise_path(ex.slug),
        "summary": ex.summary,
        "body_part": ex.body_part,
        "target": ex.target,
        "secondary": [s.muscle for s in ex.secondary],
        "equipment": EquipmentPublic(
            required=list(ex.equipment.required),
            options=list(ex.equipment.options),
            label=equipment_label(ex.equipment),
        ),
        "category": ex.category,
        "difficulty": ex.difficulty,
        "mechanic": ex.mechanic,
        "force": ex.force,
        "pattern": ex.pattern,
        "popularity": ex.popularity,
    }


def exercise_filter(query: ExerciseQuery) -> ExerciseFilter:
    """The site's list filter for an API query; a value outside its vocabulary raises."""
    return ExerciseFilter(
        body_part=query.body_part,
        muscle=query.muscle,
        target=query.target,
        equipment=tuple(query.equipment),
        available=tuple(query.available_equipment),
        difficulty=query.difficulty,
        category=query.category,
        pattern=query.pattern,
        mechanic=query.mechanic,
        sort="name" if query.sort == "name" else "popularity",
    )


def list_exercises(catalog: Catalog, query: ExerciseQuery) -> ExercisesPublic:
    """Exercises matching every filter, sorted and paged."""
    wanted = exercise_filter(query)
    found = listing.apply(catalog, wanted)
    words = (query.q or "").strip()
    if words:
        hits = index_for(catalog).search(words, limit=len(catalog)).hits
        scores = {hit.slug: hit.score for hit in hits}
        found = [ex for ex in found if ex.slug in scores]
        if (query.sort or "relevance") == "relevance":
            # a stable sort: equal scores keep the filter's popularity order
            found.sort(key=lambda ex: -scores[ex.slug])
    page = found[query.offset : query.offset + query.limit]
    return ExercisesPublic(
        data=[exercise_public(ex) for ex in page],
        count=len(found),
        limit=query.limit,
        offset=query.offset,
    )


def _media(ex: Exercise) -> MediaPublic | None:
    demo = demonstration(ex)
    if demo is None:
        return None
    return MediaPublic(
        svg=demo.svg, gif=demo.gif, webp=demo.webp, poster=demo.poster, thumbnail=demo.thumb
    )


def exercise_detail(catalog: Catalog, slug: str) -> ExerciseDetailPublic:
    """Everything the exercise page shows; NotFoundError for an unknown slug."""
    page = compose(catalog, slug)
    ex = page.exercise

    def related(items: Sequence[Related]) -> list[RelatedPublic]:
        return [
            RelatedPublic(
                slug=r.slug,
                name=r.name,
                difficulty=r.difficulty,
                reason=r.reason,
                url=r.href,
                score=r.score,
            )
            for r in items
        ]

    muscles = [
        MusclePublic(
            slug=muscle,
            name=vocab.MUSCLES[muscle].name,
            latin=list(vocab.MUSCLES[muscle].latin),
            role="target" if muscle == ex.target else "secondary",
            weight=weight,
        )
        for muscle, weight in sorted(ex.muscle_weights.items(), key=lambda mw: -mw[1])
    ]
    return ExerciseDetailPublic(
        **_summary_fields(ex),
        aliases=list(ex.aliases),
        markdown_url=markdown_path(ex.slug),
        media=_media(ex),
        quick_answer=page.quick_answer,
        facts=[FactPublic(label=f.label, value=f.value) for f in page.facts],
        laterality=ex.laterality,
        tracking=ex.tracking,
        load=ex.load,
        muscles=muscles,
        stresses=list(ex.stresses),
        contraindications=ex.contraindications,
        eccentric_entry=ex.eccentric_entry,
        why_hard=ex.why_hard,
        steps=list(page.steps),
        tips=list(page.tips),
        mistakes=list(page.mistakes),
        faq=[
            FaqPublic(question=f.question, answer=f.answer, generated=f.generated) for f in page.faq
        ],
        relations=RelationsPublic(
            easier=related(page.easier),
            harder=related(page.harder),
            alternatives=related(page.alternatives),
            ranked_alternatives=related(page.ranked_alternatives),
            related=related(page.related),
        ),
        comparisons=[LinkPublic(label=link.label, url=link.href) for link in page.comparisons],
        hubs=[LinkPublic(label=link.label, url=link.href) for link in page.hub_links],
        provenance=ProvenancePublic(
            author=ex.provenance.author,
            licence=ex.provenance.licence,
            sources=list(ex.provenance.sources),
            source=ex.provenance.source,
            source_id=ex.provenance.source_id,
        ),
    )


def alternatives(
    catalog: Catalog, slug: str, available: list[str], limit: int
) -> AlternativesPublic:
    """Ranked substitutes for `slug`, doable with `available` kit (empty = any kit)."""
    check_slugs("available_equipment", available, vocab.EQUIPMENT)
    kit = set(available) if available else None
    found = relations.substitutes(catalog, slug, kit, limit)
    return AlternativesPublic(
        slug=slug,
        available_equipment=sorted(kit) if kit is not None else None,
        data=[
            AlternativePublic(
                exercise=exercise_public(s.exercise),
                score=s.score,
                reason=s.reason,
                listed=s.listed,
            )
            for s in found
        ],
    )


def progressions(catalog: Catalog, slug: str) -> ProgressionsPublic:
    """The easier and harder chains from `slug`, nearest step first."""
    catalog.get(slug)  # NotFoundError before any work
    return ProgressionsPublic(
        slug=slug,
        easier=[exercise_public(ex) for ex in relations.chain(catalog, slug, "easier")],
        harder=[exercise_public(ex) for ex in relations.chain(catalog, slug, "harder")],
    )


def search(catalog: Catalog, q: str, limit: int, offset: int) -> SearchResultsPublic:
    """The site's search, with relevance scores."""
    results = index_for(catalog).search(q, limit=limit, offset=offset)
    data = []
    for hit in results.hits:
        ex = catalog.find(hit.slug)
        if ex is not None:
            data.append(SearchHitPublic(**_summary_fields(ex), score=round(hit.score, 4)))
    return SearchResultsPublic(query=q, data=data, count=results.total, limit=limit, offset=offset)


def _terms(vocabulary: vocab.Vocabulary[Any], counts: Counter[str]) -> list[TermPublic]:
    return [TermPublic(slug=t.slug, name=t.name, count=counts[t.slug]) for t in vocabulary]


def _count(catalog: Catalog, values: Callable[[Exercise], Iterable[str]]) -> Counter[str]:
    return Counter(value for ex in catalog for value in values(ex))


def taxonomy(catalog: Catalog) -> TaxonomyPublic:
    """Every vocabulary with slugs, names and counts of exercises."""
    muscles = _count(catalog, lambda ex: ex.muscle_weights)
    targets = _count(catalog, lambda ex: [ex.target])
    kit = _count(catalog, lambda ex: ex.equipment.slugs)

    def simple(field: str, vocabulary: vocab.Vocabulary[Any]) -> list[TermPublic]:
        return _terms(vocabulary, _count(catalog, lambda ex: [getattr(ex, field)]))

    return TaxonomyPublic(
        body_parts=simple("body_part", vocab.BODY_PARTS),
        muscles=[
            MuscleTermPublic(
                slug=m.slug,
                name=m.name,
                count=muscles[m.slug],
                latin=list(m.latin),
                body_part=m.body_part,
                target_count=targets[m.slug],
            )
            for m in vocab.MUSCLES
        ],
        equipment=[
            EquipmentTermPublic(slug=e.slug, name=e.name, count=kit[e.slug], kind=e.kind)
            for e in vocab.EQUIPMENT
        ],
        categories=simple("category", vocab.CATEGORIES),
        difficulties=simple("difficulty", vocab.DIFFICULTIES),
        mechanics=simple("mechanic", vocab.MECHANICS),
        forces=simple("force", vocab.FORCES),
        patterns=simple("pattern", vocab.PATTERNS),
        lateralities=simple("laterality", vocab.LATERALITIES),
        trackings=simple("tracking", vocab.TRACKINGS),
        loads=simple("load", vocab.LOADS),
        joints=_terms(vocab.JOINTS, _count(catalog, lambda ex: ex.stresses)),
    )


def catalog_info(catalog: Catalog) -> CatalogPublic:
    """Version, counts and licences of the served catalog."""

    def by(field: str, vocabulary: vocab.Vocabulary[Any]) -> dict[str, int]:
        counts = _count(catalog, lambda ex: [getattr(ex, field)])
        return {slug: counts[slug] for slug in vocabulary.slugs}

    return CatalogPublic(
        version=catalog.version,
        app_version=__version__,
        counts=CatalogCountsPublic(
            exercises=len(catalog),
            body_parts=by("body_part", vocab.BODY_PARTS),
            difficulties=by("difficulty", vocab.DIFFICULTIES),
            categories=by("category", vocab.CATEGORIES),
        ),
        licence=LICENCE,
    )
