"""custom exercises table

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "custom_exercises",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("slug", sa.String(80), nullable=False, unique=True),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("source_id", sa.String(200), nullable=True),
        sa.Column("licence", sa.String(200), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
    )
    op.create_index("ix_custom_exercises_source", "custom_exercises", ["source", "source_id"])
    # the revision row exists from the start, so concurrent first imports lock it, not race to it
    meta = sa.table("instance_meta", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(meta, [{"key": "catalog_revision", "value": "0"}])


def downgrade() -> None:
    op.execute("DELETE FROM instance_meta WHERE key = 'catalog_revision'")
    op.drop_index("ix_custom_exercises_source", table_name="custom_exercises")
    op.drop_table("custom_exercises")
