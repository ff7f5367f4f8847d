"""SQLAlchemy table definitions."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class Base(DeclarativeBase):
    """Declarative base of every table."""


class InstanceMeta(Base):
    """Key/value facts about this instance (catalog version served, and so on)."""

    __tablename__ = "instance_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class CustomExercise(Base):
    """An imported or operator-added exercise, merged into the served catalog."""

    __tablename__ = "custom_exercises"
    __table_args__ = (Index("ix_custom_exercises_source", "source", "source_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    source: Mapped[str] = mapped_column(String(64))
    source_id: Mapped[str | None] = mapped_column(String(200))
    licence: Mapped[str] = mapped_column(String(200))
    author: Mapped[str] = mapped_column(String(200))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)  # the Exercise, as model_dump(mode="json")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class ExerciseName(Base):
    """A custom exercise's name or alias, normalised: the primary key keeps each one to one
    exercise even when two imports commit at once."""

    __tablename__ = "exercise_names"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)  # names.normalise(label)
    slug: Mapped[str] = mapped_column(
        String(80), ForeignKey("custom_exercises.slug", ondelete="CASCADE"), index=True
    )


class SavedPlan(Base):
    """A generated plan kept under its content id so GET /api/v1/plans/{id} works anywhere."""

    __tablename__ = "saved_plans"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    catalog_version: Mapped[str] = mapped_column(String(32))
    plan: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on every backend (SQLite keeps no zone; we store UTC there)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware one")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# Accounts and the training log (revision 0005). Every user-owned row cascades from users,
# so deleting a user removes everything they own.


class User(Base):
    """An account: email and argon2id password hash."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class UserPreferences(Base):
    """Display units and the load steps a user's kit allows, in kilograms."""

    __tablename__ = "user_preferences"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    units: Mapped[str] = mapped_column(String(2), default="kg")
    plate_increment_kg: Mapped[float] = mapped_column(Float, default=2.5)
    dumbbell_increment_kg: Mapped[float] = mapped_column(Float, default=2.0)


class LoginSession(Base):
    """A cookie session, stored by the hash of its secret so all instances share it."""

    __tablename__ = "login_sessions"

    key_digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ApiToken(Base):
    """A personal access token or OAuth2 access token, stored by the hash of its secret."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key_digest: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    scope: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class PasswordReset(Base):
    """A one-time password reset token, stored by the hash of its secret."""

    __tablename__ = "password_resets"

    key_digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class RateCounter(Base):
    """Attempts per key in a fixed window, in the database so every instance counts together."""

    __tablename__ = "rate_counters"

    key: Mapped[str] = mapped_column(String(400), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
    resets_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Program(Base):
    """A saved plan a user follows from a start date; at most one is current per user."""

    __tablename__ = "programs"
    __table_args__ = (
        Index(
            "ux_programs_current",
            "user_id",
            unique=True,
            sqlite_where=text("is_current"),
            postgresql_where=text("is_current"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    plan_id: Mapped[str] = mapped_column(String(32))
    plan: Mapped[dict[str, Any]] = mapped_column(JSON)
    start_date: Mapped[date] = mapped_column(Date)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class UserExercise(Base):
    """An exercise a user logs that the catalog does not have (typed or imported)."""

    __tablename__ = "user_exercises"
    __table_args__ = (UniqueConstraint("user_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))


class Workout(Base):
    """One logged session; client_id makes a retried submission land on the same row."""

    __tablename__ = "workouts"
    __table_args__ = (
        UniqueConstraint("user_id", "client_id"),
        Index("ix_workouts_user_started", "user_id", "started_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    program_id: Mapped[int | None] = mapped_column(ForeignKey("programs.id", ondelete="SET NULL"))
    client_id: Mapped[str | None] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    name: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(32), default="repforge")


class LoggedSetRow(Base):
    """One performed set, in SI units; a catalog slug or one of the user's own exercises."""

    __tablename__ = "logged_sets"
    __table_args__ = (Index("ix_logged_sets_workout", "workout_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    workout_id: Mapped[int] = mapped_column(ForeignKey("workouts.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    exercise_slug: Mapped[str | None] = mapped_column(String(80))
    user_exercise_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_exercises.id", ondelete="CASCADE")
    )
    set_type: Mapped[str] = mapped_column(String(16), default="working")
    weight_kg: Mapped[float | None] = mapped_column(Float)
    reps: Mapped[int | None] = mapped_column(Integer)
    seconds: Mapped[float | None] = mapped_column(Float)
    metres: Mapped[float | None] = mapped_column(Float)
    rir: Mapped[float | None] = mapped_column(Float)
    rpe: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(Text, default="")
