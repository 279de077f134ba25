"""Users of a shared store: tokens, each with a name and a role (read, write, admin), from a tokens file
or the store's users table; the single ``NEWSFUSE_TOKEN`` still works and names its holder "admin".

A tokens file has one user a line, ``name role token``; blank lines and ``#`` comments are skipped.
Tokens are compared by their SHA-256 in constant time; the store keeps only the hash.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
from pathlib import Path

from newsfuse.errors import InputError
from newsfuse.records.corrections import User
from newsfuse.settings import Settings

ROLES = ("read", "write", "admin")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def read_tokens_file(path: str | Path) -> dict[str, User]:
    """token hash -> user; a malformed line raises ``InputError`` naming the file and line."""
    out: dict[str, User] = {}
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read the tokens file: {exc.strerror}") from exc
    for number, line in enumerate(lines, start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) != 3 or parts[1] not in ROLES:
            raise InputError(str(path), "expected: name role token (role read, write or admin)", f"line {number}")
        out[token_hash(parts[2])] = User(parts[0], parts[1])
    return out


def authenticate(store, settings: Settings, token: str) -> User | None:
    """The user a bearer token belongs to, or None."""
    if not token:
        return None
    digest = token_hash(token)
    if settings.token and hmac.compare_digest(digest, token_hash(settings.token)):
        return User("admin", "admin")
    if settings.tokens_file:
        found = read_tokens_file(settings.tokens_file)
        for known, user in found.items():
            if hmac.compare_digest(known, digest):
                return user
    return store.user_by_token_hash(digest)


def writes_enabled(store, settings: Settings) -> bool:
    """Whether any token is configured at all: without one the server stays read-only."""
    return bool(settings.token or settings.tokens_file or (hasattr(store, "users") and _has_users(store)))


def _has_users(store) -> bool:
    try:
        return bool(store.users())
    except sqlite3.Error:  # a read-only store opened before the users table existed
        return False


def new_user(store, name: str, role: str) -> str:
    """Add (or replace) a user in the store; returns the new token, shown once."""
    if role not in ROLES:
        raise InputError("users", f"role {role!r}: use read, write or admin")
    token = secrets.token_urlsafe(24)
    store.add_user(name, role, token_hash(token))
    return token
