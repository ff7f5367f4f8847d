"""SQLAlchemy table definitions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


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
