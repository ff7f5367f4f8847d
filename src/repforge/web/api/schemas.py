"""Wire models of the JSON API v1 and the ExerciseDB-compatible API."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from repforge.catalog import vocab


def _enum(vocabulary: vocab.Vocabulary[Any]) -> WithJsonSchema:
    # The schema lists the allowed slugs; the service checks them so a bad value gets a 422
    # problem that names the field and lists the allowed values.
    return WithJsonSchema({"type": "string", "enum": list(vocabulary.slugs)})


BodyPartSlug = Annotated[str, _enum(vocab.BODY_PARTS)]
MuscleSlug = Annotated[str, _enum(vocab.MUSCLES)]
EquipmentSlug = Annotated[str, _enum(vocab.EQUIPMENT)]
DifficultySlug = Annotated[str, _enum(vocab.DIFFICULTIES)]
CategorySlug = Annotated[str, _enum(vocab.CATEGORIES)]
PatternSlug = Annotated[str, _enum(vocab.PATTERNS)]
MechanicSlug = Annotated[str, _enum(vocab.MECHANICS)]
Sort = Literal["popularity", "name", "relevance"]

MAX_LIMIT = 200
# Far past any catalog, and small enough to echo back as a 64-bit JSON integer.
MAX_OFFSET = 100_000


class _Wire(BaseModel):
    model_config = ConfigDict(frozen=True)


class ExerciseQuery(BaseModel):
    """Filters, sort and paging of GET /exercises; all filters combine with AND."""

    model_config = ConfigDict(extra="ignore")

    body_part: BodyPartSlug | None = None
    target: MuscleSlug | None = Field(default=None, description="The main muscle group.")
    muscle: MuscleSlug | None = Field(
        default=None, description="A muscle group trained as target or secondary."
    )
    equipment: list[EquipmentSlug] = Field(
        default_factory=list,
        description="Exercises that use any of these (repeat the parameter for several).",
    )
    available_equipment: list[EquipmentSlug] = Field(
        default_factory=list,
        description="Only exercises doable with this kit; body weight is implied.",
    )
    difficulty: DifficultySlug | None = None
    category: CategorySlug | None = None
    pattern: PatternSlug | None = None
    mechanic: MechanicSlug | None = None
    q: str | None = Field(default=None, max_length=200, description="Search words.")
    sort: Sort | None = Field(
        default=None,
        description="popularity (the default), name, or relevance (the default with q; "
        "without q it falls back to popularity).",
    )
    limit: int = Field(default=20, ge=1, le=MAX_LIMIT)
    offset: int = Field(default=0, ge=0, le=MAX_OFFSET)


class AlternativesQuery(BaseModel):
    """Kit and count for GET /exercises/{slug}/alternatives."""

    model_config = ConfigDict(extra="ignore")

    available_equipment: list[EquipmentSlug] = Field(
        default_factory=list,
        description="Only substitutes doable with this kit (body weight implied); none = any kit.",
    )
    limit: int = Field(default=4, ge=1, le=50)


class EquipmentPublic(_Wire):
    """Kit needed: all of `required` plus one of `options`; `label` is the display text."""

    required: list[str]
    options: list[str]
    label: str


class ExercisePublic(_Wire):
    """An exercise as listed: identity, classification, kit and summary."""

    slug: str
    name: str
    url: str
    summary: str | None = Field(description="Absent for imported exercises without our text.")
    body_part: str
    target: str
    secondary: list[str]
    equipment: EquipmentPublic
    category: str
    difficulty: str
    mechanic: str
    force: str
    pattern: str
    popularity: int


class ExercisesPublic(_Wire):
    """A page of exercises; `count` is the number matching before paging."""

    data: list[ExercisePublic]
    count: int
    limit: int
    offset: int


class MusclePublic(_Wire):
    """A muscle group an exercise works, with the share of a set credited to it."""

    slug: str
    name: str
    latin: list[str]
    role: Literal["target", "secondary"]
    weight: float


class FaqPublic(_Wire):
    """A question and answer; `generated` marks answers made by a rule from catalog fields."""

    question: str
    answer: str
    generated: bool


class RelatedPublic(_Wire):
    """A linked exercise with why; `score` (0-1) only on computed links."""

    slug: str
    name: str
    difficulty: str
    reason: str | None
    url: str
    score: float | None


class RelationsPublic(_Wire):
    """Authored links (easier, harder, alternatives) and computed ones (ranked, related)."""

    easier: list[RelatedPublic]
    harder: list[RelatedPublic]
    alternatives: list[RelatedPublic]
    ranked_alternatives: list[RelatedPublic] = Field(
        description="Best substitutes with any kit, scored."
    )
    related: list[RelatedPublic] = Field(description="Similar exercises not linked above.")


class FactPublic(_Wire):
    """A labelled fact of the quick answer, e.g. Equipment: Barbell, Bench."""

    label: str
    value: str


class LinkPublic(_Wire):
    """A site link with its label."""

    label: str
    url: str


class ProvenancePublic(_Wire):
    """Who wrote the text, under what licence, and where facts were checked."""

    author: str
    licence: str
    sources: list[str]
    source: str | None
    source_id: str | None


class MediaPublic(_Wire):
    """Links to the exercise's animated demonstration (versioned: cache them for good)."""

    svg: str = Field(description="Animated SVG, 480x360; still pair under reduced motion.")
    gif: str = Field(description="Animated GIF, 320x240.")
    webp: str = Field(description="Animated WebP, 320x240.")
    poster: str = Field(description="PNG share image, 1200x630.")
    thumbnail: str = Field(description="PNG thumbnail, 160x120.")


class ExerciseDetailPublic(ExercisePublic):
    """Everything the exercise page shows, as structured fields."""

    aliases: list[str]
    markdown_url: str
    quick_answer: str
    facts: list[FactPublic]
    laterality: str
    tracking: str
    load: str
    muscles: list[MusclePublic]
    stresses: list[str]
    contraindications: str | None
    eccentric_entry: bool
    why_hard: str | None
    steps: list[str]
    tips: list[str]
    mistakes: list[str]
    faq: list[FaqPublic]
    relations: RelationsPublic
    comparisons: list[LinkPublic]
    hubs: list[LinkPublic]
    provenance: ProvenancePublic
    media: MediaPublic | None = Field(description="Absent when the exercise has no motion data.")


class AlternativePublic(_Wire):
    """A ranked substitute: score 0-1 (share of a perfect match) and why it fits."""

    exercise: ExercisePublic
    score: float
    reason: str
    listed: bool = Field(description="The author lists it as an alternative.")


class AlternativesPublic(_Wire):
    """Substitutes for one exercise, best first."""

    slug: str
    available_equipment: list[str] | None
    data: list[AlternativePublic]


class ProgressionsPublic(_Wire):
    """The easier and harder chains from one exercise, nearest step first."""

    slug: str
    easier: list[ExercisePublic]
    harder: list[ExercisePublic]


class SearchHitPublic(ExercisePublic):
    """A search result with its relevance score."""

    score: float


class SearchResultsPublic(_Wire):
    """A page of search results; `count` is the number of matches before paging."""

    query: str
    data: list[SearchHitPublic]
    count: int
    limit: int
    offset: int


class TermPublic(_Wire):
    """A vocabulary value with the number of exercises that have it."""

    slug: str
    name: str
    count: int


class MuscleTermPublic(TermPublic):
    """A muscle group; `count` is as target or secondary, `target_count` as target only."""

    latin: list[str]
    body_part: str
    target_count: int


class EquipmentTermPublic(TermPublic):
    """A piece of kit; `count` is exercises that use it (body weight: needing nothing)."""

    kind: str


class TaxonomyPublic(_Wire):
    """Every controlled vocabulary, with counts over the catalog."""

    body_parts: list[TermPublic]
    muscles: list[MuscleTermPublic]
    equipment: list[EquipmentTermPublic]
    categories: list[TermPublic]
    difficulties: list[TermPublic]
    mechanics: list[TermPublic]
    forces: list[TermPublic]
    patterns: list[TermPublic]
    lateralities: list[TermPublic]
    trackings: list[TermPublic]
    loads: list[TermPublic]
    joints: list[TermPublic]


class LicencePublic(_Wire):
    """SPDX identifiers: the exercise text, and the code serving it."""

    text: str
    code: str


class CatalogCountsPublic(_Wire):
    """How many exercises, in total and by body part, difficulty and category."""

    exercises: int
    body_parts: dict[str, int]
    difficulties: dict[str, int]
    categories: dict[str, int]


class CatalogPublic(_Wire):
    """The catalog this instance serves: content version, counts and licences."""

    version: str
    app_version: str
    counts: CatalogCountsPublic
    licence: LicencePublic


class Problem(BaseModel):
    """An RFC 7807 problem; `field` names the offending parameter, `allowed` its values."""

    type: str
    title: str
    status: int
    detail: str
    field: str | None = None
    allowed: list[str] | None = None
    suggestions: list[str] | None = None
    errors: list[dict[str, str]] | None = None


class ExerciseDbExercise(BaseModel):
    """An exercise in ExerciseDB's record shape and vocabulary; `id` is our slug."""

    id: str
    name: str
    bodyPart: str  # noqa: N815 - ExerciseDB's field names
    equipment: str
    target: str
    secondaryMuscles: list[str]  # noqa: N815
    instructions: list[str]
    description: str
    difficulty: str
    category: str
    gifUrl: str | None  # noqa: N815


def query_parameters(model: type[BaseModel]) -> list[dict[str, Any]]:
    """OpenAPI query parameters describing a query model that a route parses itself."""
    schema = model.model_json_schema()
    required = set(schema.get("required", ()))
    return [
        {
            "name": name,
            "in": "query",
            "required": name in required,
            "schema": prop,
            **({"description": prop["description"]} if "description" in prop else {}),
        }
        for name, prop in schema["properties"].items()
    ]


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries documenting problem+json error responses."""
    titles = {
        400: "Malformed request body",
        401: "No valid token",
        403: "The token may only read",
        404: "Not found",
        409: "Conflict",
        422: "Invalid input",
        429: "Too many attempts",
    }
    schema = Problem.model_json_schema()
    return {
        status: {
            "description": titles.get(status, "Error"),
            "content": {"application/problem+json": {"schema": schema}},
        }
        for status in statuses
    }
