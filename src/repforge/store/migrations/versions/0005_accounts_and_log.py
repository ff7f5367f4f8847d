"""accounts, sessions, tokens, rate counters, programs and the training log

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from repforge.store.tables import UtcDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _owner(index: bool = False) -> sa.Column[int]:
    return sa.Column(
        "user_id",
        sa.Integer,
        sa.ForeignKey("users.id", ondelete="CASCADE"),
        nullable=False,
        index=index,
    )


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("email", sa.String(254), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("disabled", sa.Boolean, nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
    )
    op.create_table(
        "user_preferences",
        sa.Column(
            "user_id",
            sa.Integer,
            sa.ForeignKey("users.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("units", sa.String(2), nullable=False),
        sa.Column("plate_increment_kg", sa.Float, nullable=False),
        sa.Column("dumbbell_increment_kg", sa.Float, nullable=False),
    )
    op.create_table(
        "login_sessions",
        sa.Column("key_digest", sa.String(64), primary_key=True),
        _owner(index=True),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("expires_at", UtcDateTime, nullable=False),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key_digest", sa.String(64), nullable=False, unique=True),
        _owner(index=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("scope", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
        sa.Column("expires_at", UtcDateTime),
        sa.Column("revoked_at", UtcDateTime),
    )
    op.create_table(
        "password_resets",
        sa.Column("key_digest", sa.String(64), primary_key=True),
        _owner(index=True),
        sa.Column("expires_at", UtcDateTime, nullable=False),
        sa.Column("used_at", UtcDateTime),
    )
    op.create_table(
        "rate_counters",
        sa.Column("key", sa.String(400), primary_key=True),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("resets_at", UtcDateTime, nullable=False),
    )
    op.create_table(
        "programs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _owner(index=True),
        sa.Column("plan_id", sa.String(32), nullable=False),
        sa.Column("plan", sa.JSON, nullable=False),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("is_current", sa.Boolean, nullable=False),
        sa.Column("created_at", UtcDateTime, nullable=False),
    )
    op.create_index(
        "ux_programs_current",
        "programs",
        ["user_id"],
        unique=True,
        sqlite_where=sa.text("is_current"),
        postgresql_where=sa.text("is_current"),
    )
    op.create_table(
        "user_exercises",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _owner(index=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.UniqueConstraint("user_id", "name"),
    )
    op.create_table(
        "workouts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _owner(),
        sa.Column("program_id", sa.Integer, sa.ForeignKey("programs.id", ondelete="SET NULL")),
        sa.Column("client_id", sa.String(64)),
        sa.Column("started_at", UtcDateTime, nullable=False),
        sa.Column("ended_at", UtcDateTime),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("source", sa.String(32), nullable=False),
        sa.UniqueConstraint("user_id", "client_id"),
    )
    op.create_index("ix_workouts_user_started", "workouts", ["user_id", "started_at"])
    op.create_table(
        "logged_sets",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "workout_id",
            sa.Integer,
            sa.ForeignKey("workouts.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("exercise_slug", sa.String(80)),
        sa.Column(
            "user_exercise_id",
            sa.Integer,
            sa.ForeignKey("user_exercises.id", ondelete="CASCADE"),
        ),
        sa.Column("set_type", sa.String(16), nullable=False),
        sa.Column("weight_kg", sa.Float),
        sa.Column("reps", sa.Integer),
        sa.Column("seconds", sa.Float),
        sa.Column("metres", sa.Float),
        sa.Column("rir", sa.Float),
        sa.Column("rpe", sa.Float),
        sa.Column("notes", sa.Text, nullable=False),
    )
    op.create_index("ix_logged_sets_workout", "logged_sets", ["workout_id", "position"])


def downgrade() -> None:
    for table in (
        "logged_sets",
        "workouts",
        "user_exercises",
        "programs",
        "rate_counters",
        "password_resets",
        "api_tokens",
        "login_sessions",
        "user_preferences",
        "users",
    ):
        op.drop_table(table)
