"""Password hashing (argon2id through passlib) and session tokens (JWT).

passlib 1.7.4 breaks with bcrypt 5, so the default scheme is argon2id via
``argon2-cffi``; the maintained ``libpass`` fork provides the ``passlib``
package.  Tokens carry ``sub``, ``role``, ``iat``, ``exp``, ``iss``, ``aud`` and
``jti``, and a ``stamp`` of the account's password hash, so that changing or
resetting a password ends that account's other sessions at once; the
algorithm is pinned on decode, so ``alg=none`` or a swapped algorithm is
refused.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import cache
from pathlib import Path

import jwt
from passlib.context import CryptContext

from heartbeat_desktop.core.errors import AuthenticationFailed, SessionExpired, Text
from heartbeat_desktop.core.settings import ALLOWED_ALGORITHMS, MIN_SECRET_BYTES

ISSUER = "heartbeat-desktop"
AUDIENCE = "heartbeat-desktop"
SECRET_FILE_NAME = "secret.key"
SECRET_FILE_LENGTH = 64  # characters of token_urlsafe(48): enough for HS512
MAX_PASSWORD_BYTES = 1024  # argon2 has no 72-byte limit; this only bounds the work

_context = CryptContext(schemes=["argon2"], deprecated="auto")


@cache
def _dummy_hash() -> str:
    """A hash to verify against when the user does not exist, so that a wrong
    username takes as long as a wrong password.  Made on first need, not at
    import: the command line and the GUI's start should not pay for it."""
    return _context.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    return _context.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    """True if ``password`` matches; always does the full work of one check."""
    if len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
        _context.verify("x", _dummy_hash())
        return False
    if not password_hash:
        _context.verify(password, _dummy_hash())
        return False
    try:
        return _context.verify(password, password_hash)
    except (ValueError, TypeError):  # an unreadable hash never matches
        return False


def needs_rehash(password_hash: str) -> bool:
    return _context.needs_update(password_hash)


def _read_secret(path: Path) -> str | None:
    """The key stored in ``path``, or None if it is missing or unusable."""
    try:
        key = path.read_text(encoding="ascii").strip()
    except (FileNotFoundError, UnicodeDecodeError):
        return None
    return key if len(key) >= SECRET_FILE_LENGTH else None


def load_or_create_secret(config_dir: Path) -> str:
    """This installation's signing key, created once, readable only by its owner.

    An empty, truncated or garbled file is replaced: signing with it would
    fail, or be guessable.
    """
    path = config_dir / SECRET_FILE_NAME
    key = _read_secret(path)
    if key is not None:
        return key
    config_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    tmp = path.with_name(f".{SECRET_FILE_NAME}.{os.getpid()}")
    tmp.unlink(missing_ok=True)  # a crash's leftover may have looser permissions
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key)
    try:
        if path.exists():
            os.replace(tmp, path)  # the unusable file found above
        else:
            os.link(tmp, path)  # atomic "create if absent": two processes agree on one key
    except FileExistsError:
        pass
    finally:
        tmp.unlink(missing_ok=True)
    return _read_secret(path) or key


@dataclass(frozen=True)
class TokenClaims:
    user_id: int
    role: str
    issued_at: datetime
    expires_at: datetime
    token_id: str
    stamp: str


@dataclass(frozen=True)
class TokenSigner:
    secret: str
    algorithm: str = "HS256"
    ttl: timedelta = timedelta(hours=12)

    def __post_init__(self) -> None:
        # the algorithm is pinned on decode; never "none" or a public-key one
        if self.algorithm not in ALLOWED_ALGORITHMS:
            raise ValueError(f"The token algorithm must be one of {', '.join(ALLOWED_ALGORITHMS)}.")
        if len(self.secret.encode("utf-8")) < MIN_SECRET_BYTES[self.algorithm]:
            raise ValueError(f"The secret key must have at least {MIN_SECRET_BYTES[self.algorithm]} "
                             f"bytes for {self.algorithm}.")

    def stamp(self, password_hash: str) -> str:
        """A keyed digest of a password hash: it changes when the password
        does, and tells nothing of the hash to whoever reads a token."""
        digest = hmac.new(self.secret.encode("utf-8"), password_hash.encode("utf-8"), hashlib.sha256)
        return digest.hexdigest()[:32]

    def issue(self, user_id: int, role: str, password_hash: str,
              now: datetime | None = None) -> tuple[str, TokenClaims]:
        now = (now or datetime.now(timezone.utc)).replace(microsecond=0)
        claims = TokenClaims(user_id, role, now, now + self.ttl, uuid.uuid4().hex, self.stamp(password_hash))
        payload = {
            "sub": str(user_id),
            "role": role,
            "iat": int(now.timestamp()),
            "exp": int(claims.expires_at.timestamp()),
            "iss": ISSUER,
            "aud": AUDIENCE,
            "jti": claims.token_id,
            "stamp": claims.stamp,
        }
        return jwt.encode(payload, self.secret, algorithm=self.algorithm), claims

    def verify(self, token: str) -> TokenClaims:
        if not token:
            raise AuthenticationFailed(Text("errors", "Please sign in."))
        try:
            payload = jwt.decode(
                token,
                self.secret,
                algorithms=[self.algorithm],
                audience=AUDIENCE,
                issuer=ISSUER,
                options={"require": ["sub", "role", "iat", "exp", "iss", "aud", "jti", "stamp"]},
            )
            user_id = int(payload["sub"])
        except jwt.ExpiredSignatureError:
            raise SessionExpired(Text("errors", "Your session has expired. Please sign in again.")) from None
        except (jwt.InvalidTokenError, ValueError, TypeError):
            raise AuthenticationFailed(Text("errors", "Your session is not valid. Please sign in again.")) from None
        return TokenClaims(
            user_id=user_id,
            role=str(payload["role"]),
            issued_at=datetime.fromtimestamp(payload["iat"], timezone.utc),
            expires_at=datetime.fromtimestamp(payload["exp"], timezone.utc),
            token_id=str(payload["jti"]),
            stamp=str(payload["stamp"]),
        )
