"""SQL for accounts: users, sessions, tokens, reset tokens, rate counters, preferences."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import case, delete, select, update
from sqlalchemy.orm import Session

from repforge.accounts.model import Credentials, Preferences, Scope, TokenInfo, TokenKind, User
from repforge.store import tables as t
from repforge.store.db import dialect_insert


def _user(row: t.User) -> User:
    return User(id=row.id, email=row.email, created_at=row.created_at, disabled=row.disabled)


def _token(row: t.ApiToken) -> TokenInfo:
    return TokenInfo(
        id=row.id,
        user_id=row.user_id,
        name=row.name,
        scope=cast(Scope, row.scope),
        kind=cast(TokenKind, row.kind),
        created_at=row.created_at,
        expires_at=row.expires_at,
        revoked=row.revoked_at is not None,
    )


class SqlAccountStore:
    """The AccountStore of accounts.ports over one SQLAlchemy session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add_user(self, email: str, password_hash: str, now: datetime) -> User:
        row = t.User(email=email, password_hash=password_hash, disabled=False, created_at=now)
        self.session.add(row)
        self.session.flush()
        return _user(row)

    def credentials(self, email: str) -> Credentials | None:
        row = self.session.scalar(select(t.User).where(t.User.email == email))
        return None if row is None else Credentials(_user(row), row.password_hash)

    def user(self, user_id: int) -> User | None:
        row = self.session.get(t.User, user_id)
        return None if row is None else _user(row)

    def users(self) -> list[User]:
        return [_user(r) for r in self.session.scalars(select(t.User).order_by(t.User.email))]

    def set_password(self, user_id: int, password_hash: str) -> None:
        self.session.execute(
            update(t.User).where(t.User.id == user_id).values(password_hash=password_hash)
        )

    def set_disabled(self, user_id: int, disabled: bool) -> None:
        self.session.execute(update(t.User).where(t.User.id == user_id).values(disabled=disabled))

    def delete_user(self, user_id: int) -> None:
        # Children first, so the result does not depend on the backend honouring ON DELETE.
        workouts = select(t.Workout.id).where(t.Workout.user_id == user_id)
        owned: list[Any] = [
            delete(t.LoggedSetRow).where(t.LoggedSetRow.workout_id.in_(workouts)),
            delete(t.Workout).where(t.Workout.user_id == user_id),
            *(
                delete(table).where(table.user_id == user_id)
                for table in (
                    t.UserExercise,
                    t.Program,
                    t.LoginSession,
                    t.ApiToken,
                    t.PasswordReset,
                    t.UserPreferences,
                )
            ),
            delete(t.User).where(t.User.id == user_id),
        ]
        for statement in owned:
            self.session.execute(statement)

    def add_session(self, key_digest: str, user_id: int, now: datetime, expires: datetime) -> None:
        self.session.add(
            t.LoginSession(
                key_digest=key_digest, user_id=user_id, created_at=now, expires_at=expires
            )
        )

    def session_user(self, key_digest: str, now: datetime) -> User | None:
        row = self.session.scalar(
            select(t.User)
            .join(t.LoginSession, t.LoginSession.user_id == t.User.id)
            .where(
                t.LoginSession.key_digest == key_digest,
                t.LoginSession.expires_at > now,
                t.User.disabled.is_(False),
            )
        )
        return None if row is None else _user(row)

    def delete_session(self, key_digest: str) -> None:
        self.session.execute(delete(t.LoginSession).where(t.LoginSession.key_digest == key_digest))

    def delete_sessions(self, user_id: int) -> None:
        self.session.execute(delete(t.LoginSession).where(t.LoginSession.user_id == user_id))

    def add_token(
        self,
        key_digest: str,
        user_id: int,
        name: str,
        scope: Scope,
        kind: TokenKind,
        now: datetime,
        expires: datetime | None,
    ) -> TokenInfo:
        row = t.ApiToken(
            key_digest=key_digest,
            user_id=user_id,
            name=name,
            scope=scope,
            kind=kind,
            created_at=now,
            expires_at=expires,
        )
        self.session.add(row)
        self.session.flush()
        return _token(row)

    def token(self, key_digest: str, now: datetime) -> tuple[User, TokenInfo] | None:
        found = self.session.execute(
            select(t.User, t.ApiToken)
            .join(t.ApiToken, t.ApiToken.user_id == t.User.id)
            .where(t.ApiToken.key_digest == key_digest, t.ApiToken.revoked_at.is_(None))
        ).first()
        if found is None:
            return None
        user, token = found
        if token.expires_at is not None and token.expires_at <= now:
            return None
        return _user(user), _token(token)

    def tokens(self, user_id: int) -> list[TokenInfo]:
        rows = self.session.scalars(
            select(t.ApiToken)
            .where(t.ApiToken.user_id == user_id, t.ApiToken.kind == "personal")
            .order_by(t.ApiToken.id)
        )
        return [_token(r) for r in rows]

    def revoke_token(self, user_id: int, token_id: int, now: datetime) -> bool:
        result = self.session.execute(
            update(t.ApiToken)
            .where(
                t.ApiToken.id == token_id,
                t.ApiToken.user_id == user_id,
                t.ApiToken.revoked_at.is_(None),
            )
            .values(revoked_at=now)
        )
        return bool(getattr(result, "rowcount", 0))

    def add_reset(self, key_digest: str, user_id: int, expires: datetime) -> None:
        self.session.add(
            t.PasswordReset(key_digest=key_digest, user_id=user_id, expires_at=expires)
        )

    def use_reset(self, key_digest: str, now: datetime) -> int | None:
        """Spend a reset token: the conditional update lets only one request win it."""
        result = self.session.execute(
            update(t.PasswordReset)
            .where(
                t.PasswordReset.key_digest == key_digest,
                t.PasswordReset.used_at.is_(None),
                t.PasswordReset.expires_at > now,
            )
            .values(used_at=now)
        )
        if not getattr(result, "rowcount", 0):
            return None
        return self.session.scalar(
            select(t.PasswordReset.user_id).where(t.PasswordReset.key_digest == key_digest)
        )

    def hit(self, key: str, now: datetime, window_s: int) -> tuple[int, datetime]:
        """Count one attempt in the key's window (a new window once the old one ended)."""
        insert = dialect_insert(self.session.get_bind().dialect.name)
        fresh = now + timedelta(seconds=window_s)
        live = t.RateCounter.resets_at > now
        statement = (
            insert(t.RateCounter)
            .values(key=key, count=1, resets_at=fresh)
            .on_conflict_do_update(
                index_elements=[t.RateCounter.key],
                set_={
                    "count": case((live, t.RateCounter.count + 1), else_=1),
                    "resets_at": case((live, t.RateCounter.resets_at), else_=fresh),
                },
            )
            .returning(t.RateCounter.count, t.RateCounter.resets_at)
        )
        count, resets_at = self.session.execute(statement).one()
        return count, resets_at

    def count(self, key: str, now: datetime) -> tuple[int, datetime] | None:
        row = self.session.get(t.RateCounter, key)
        if row is None or row.resets_at <= now:
            return None
        return row.count, row.resets_at

    def clear(self, key: str) -> None:
        self.session.execute(delete(t.RateCounter).where(t.RateCounter.key == key))

    def preferences(self, user_id: int) -> Preferences:
        row = self.session.get(t.UserPreferences, user_id)
        if row is None:
            return Preferences()
        return Preferences(
            "lb" if row.units == "lb" else "kg", row.plate_increment_kg, row.dumbbell_increment_kg
        )

    def set_preferences(self, user_id: int, preferences: Preferences) -> None:
        row = self.session.get(t.UserPreferences, user_id) or t.UserPreferences(user_id=user_id)
        row.units = preferences.units
        row.plate_increment_kg = preferences.plate_increment_kg
        row.dumbbell_increment_kg = preferences.dumbbell_increment_kg
        self.session.add(row)
