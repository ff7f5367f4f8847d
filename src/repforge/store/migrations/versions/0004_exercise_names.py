"""exercise names and aliases, unique across custom exercises

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from repforge.catalog.names import normalise

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    names = op.create_table(
        "exercise_names",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column(
            "slug",
            sa.String(80),
            sa.ForeignKey("custom_exercises.slug", ondelete="CASCADE"),
            nullable=False,
        ),
    )
    op.create_index("ix_exercise_names_slug", "exercise_names", ["slug"])
    custom = sa.table(
        "custom_exercises",
        sa.column("id", sa.Integer),
        sa.column("slug"),
        sa.column("data", sa.JSON),
    )
    rows = op.get_bind().execute(sa.select(custom.c.slug, custom.c.data).order_by(custom.c.id))
    owners: dict[str, str] = {}
    for slug, data in rows:
        for label in [data.get("name", ""), *data.get("aliases", [])]:
            key = normalise(label)[:200]
            # a clash stored before this table existed: the older exercise keeps the name
            if key and key not in owners:
                owners[key] = slug
    if owners:
        op.bulk_insert(names, [{"key": key, "slug": slug} for key, slug in owners.items()])


def downgrade() -> None:
    op.drop_index("ix_exercise_names_slug", table_name="exercise_names")
    op.drop_table("exercise_names")
