"""Password hashing (argon2id through libpass) and session tokens (JWT).

Hashing is real and costs about a tenth of a second per call, so each test
hashes as few passwords as it can.
"""

from __future__ import annotations

import base64
import json
import os
import stat
import time
from datetime import datetime, timedelta, timezone
from importlib import metadata
from pathlib import Path

import argon2
import jwt
import pytest

from heartbeat_desktop.core import security
from heartbeat_desktop.core.errors import AuthenticationFailed, SessionExpired, ValidationFailed
from heartbeat_desktop.core.security import (
    AUDIENCE,
    ISSUER,
    SECRET_FILE_NAME,
    TokenSigner,
    hash_password,
    load_or_create_secret,
    needs_rehash,
    verify_password,
)
from heartbeat_desktop.core.settings import load_settings
from heartbeat_desktop.schemas import UserCreate, parse
from heartbeat_desktop.services import Heartbeat

SECRET = "k" * 64
OTHER_SECRET = "z" * 64
CLAIMS = ("sub", "role", "iat", "exp", "iss", "aud", "jti", "stamp")
HASH = "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$aGFzaA"  # any stored hash: tokens carry its stamp


def by_bytes(unit: str, size: int) -> str:
    """A password of exactly ``size`` UTF-8 bytes built from ``unit`` (plus ASCII filler)."""
    width = len(unit.encode("utf-8"))
    text = unit * (size // width) + "a" * (size % width)
    assert len(text.encode("utf-8")) == size
    return text


def b64(data: dict | bytes) -> str:
    raw = data if isinstance(data, bytes) else json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def unb64(segment: str) -> dict:
    return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))


def payload(**changes: object) -> dict:
    now = int(datetime.now(timezone.utc).timestamp())
    data = {"sub": "7", "role": "admin", "iat": now, "exp": now + 3600, "iss": ISSUER,
            "aud": AUDIENCE, "jti": "0123456789abcdef", "stamp": "0" * 32}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


# --- passwords ---------------------------------------------------------------------

def test_installed_passlib_and_argon2_cffi_hash_and_verify_together():
    assert metadata.version("libpass")  # the maintained fork provides ``passlib``
    assert metadata.version("argon2-cffi")
    from passlib.hash import argon2 as passlib_argon2

    assert passlib_argon2.get_backend() == "argon2_cffi"
    hashed = hash_password("Пароль-2024")
    assert hashed.startswith("$argon2id$v=19$")
    # argon2-cffi on its own reads what passlib wrote: a standard PHC string
    assert argon2.PasswordHasher().verify(hashed, "Пароль-2024")
    assert verify_password("Пароль-2024", hashed)
    assert not verify_password("Пароль-2025", hashed)
    assert not needs_rehash(hashed)


def test_each_hash_has_its_own_salt():
    first, second = hash_password("Same-passw0rd"), hash_password("Same-passw0rd")
    assert first != second
    assert first.startswith("$argon2id$") and second.startswith("$argon2id$")


@pytest.mark.parametrize("unit", ["a", "ж", "😀"], ids=["ascii", "cyrillic", "emoji"])
def test_long_passwords_are_never_truncated(unit):
    p72, p73, p1000 = by_bytes(unit, 72), by_bytes(unit, 73), by_bytes(unit, 1000)
    assert p73.startswith(p72)
    h72, h73, h1000 = hash_password(p72), hash_password(p73), hash_password(p1000)
    for hashed in (h72, h73, h1000):
        assert hashed.startswith("$argon2id$")
    assert verify_password(p72, h72)
    assert verify_password(p73, h73)
    assert verify_password(p1000, h1000)
    # bcrypt would cut both at 72 bytes and say yes here
    assert not verify_password(p73, h72)
    assert not verify_password(p1000[:-1] + "b", h1000)


def test_empty_password_is_refused_by_the_schema_and_never_verifies():
    with pytest.raises(ValidationFailed) as caught:
        parse(UserCreate, {"username": "anna", "password": ""})
    assert "password" in caught.value.field_errors
    assert not verify_password("", hash_password("Real-passw0rd"))
    assert not verify_password("", None)


@pytest.mark.parametrize("size, accepted", [(72, True), (73, True), (1000, True), (1025, False)])
def test_schema_accepts_long_passwords_up_to_the_bound(size, accepted):
    password = by_bytes("ж", size - 1) + "1"
    data = {"username": "anna", "password": password}
    if accepted:
        assert parse(UserCreate, data).password == password  # kept as typed, never stripped
    else:
        with pytest.raises(ValidationFailed) as caught:
            parse(UserCreate, data)
        assert "password" in caught.value.field_errors


def test_schema_keeps_spaces_around_a_password():
    assert parse(UserCreate, {"username": "anna", "password": "  Passw0rd  "}).password == "  Passw0rd  "


def test_overlong_or_unreadable_input_never_verifies():
    hashed = hash_password("x" * 2000)
    assert not verify_password("x" * 2000, hashed)  # beyond the bound: refused, whatever the hash
    assert not verify_password("anything", "not-a-hash")
    assert not verify_password("anything", "$argon2id$v=19$garbage")


def test_missing_hash_costs_as_much_as_a_real_check():
    hashed = hash_password("Real-passw0rd")

    def median(fn) -> float:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        return sorted(times)[1]

    real = median(lambda: verify_password("Wrong-passw0rd", hashed))
    missing = median(lambda: verify_password("Wrong-passw0rd", None))
    assert 0.5 < missing / real < 2


def test_weaker_parameters_need_a_rehash():
    from passlib.hash import argon2 as passlib_argon2

    weak = passlib_argon2.using(rounds=1, memory_cost=8, parallelism=1).hash("Old-passw0rd")
    assert verify_password("Old-passw0rd", weak)
    assert needs_rehash(weak)


# --- tokens ---------------------------------------------------------------------

@pytest.fixture
def signer() -> TokenSigner:
    return TokenSigner(SECRET)


def test_token_round_trip(signer):
    token, issued = signer.issue(7, "doctor", HASH)
    claims = signer.verify(token)
    assert claims == issued
    assert claims.user_id == 7 and claims.role == "doctor"
    assert claims.expires_at - claims.issued_at == timedelta(hours=12)
    decoded = jwt.decode(token, options={"verify_signature": False})
    assert set(decoded) == set(CLAIMS)
    assert decoded["sub"] == "7" and decoded["iss"] == ISSUER and decoded["aud"] == AUDIENCE
    assert jwt.get_unverified_header(token)["alg"] == "HS256"


def test_stamp_follows_the_password_hash_and_hides_it(signer):
    other = HASH.replace("aGFzaA", "b3RoZXI")
    assert signer.stamp(HASH) == signer.stamp(HASH) != signer.stamp(other)
    assert TokenSigner(OTHER_SECRET).stamp(HASH) != signer.stamp(HASH)  # keyed
    token, issued = signer.issue(1, "admin", HASH)
    assert "aGFzaA" not in json.dumps(unb64(token.split(".")[1])) and issued.stamp == signer.stamp(HASH)


def test_every_token_has_its_own_id(signer):
    now = datetime.now(timezone.utc)
    first, second = signer.issue(1, "admin", HASH, now)[1], signer.issue(1, "admin", HASH, now)[1]
    assert first.token_id != second.token_id


def test_ttl_is_honoured():
    signer = TokenSigner(SECRET, ttl=timedelta(minutes=5))
    claims = signer.verify(signer.issue(1, "admin", HASH)[0])
    assert claims.expires_at - claims.issued_at == timedelta(minutes=5)


def test_expired_token_raises_session_expired(signer):
    token, _ = signer.issue(1, "admin", HASH, datetime.now(timezone.utc) - timedelta(hours=13))
    with pytest.raises(SessionExpired):
        signer.verify(token)


def test_token_expired_by_one_second_is_refused():
    signer = TokenSigner(SECRET, ttl=timedelta(seconds=10))
    token, _ = signer.issue(1, "admin", HASH, datetime.now(timezone.utc) - timedelta(seconds=11))
    with pytest.raises(SessionExpired):
        signer.verify(token)


def assert_refused(signer: TokenSigner, token: str) -> None:
    with pytest.raises(AuthenticationFailed) as caught:
        signer.verify(token)
    assert not isinstance(caught.value, SessionExpired)
    assert "sign in" in str(caught.value)


def test_tampered_signature_is_refused(signer):
    token, _ = signer.issue(1, "admin", HASH)
    head, body, sig = token.split(".")
    flipped = sig[:5] + ("A" if sig[5] != "A" else "B") + sig[6:]
    assert_refused(signer, f"{head}.{body}.{flipped}")
    assert_refused(signer, f"{head}.{body}.")
    assert_refused(signer, f"{head}.{body}")


@pytest.mark.parametrize("change", [{"role": "admin"}, {"sub": "1"}, {"exp": 4102444800}])
def test_modified_payload_is_refused(signer, change):
    token, _ = signer.issue(2, "receptionist", HASH)
    head, body, sig = token.split(".")
    data = unb64(body)
    data.update(change)
    assert_refused(signer, f"{head}.{b64(data)}.{sig}")


def test_alg_none_crafted_by_hand_is_refused(signer):
    token = f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64(payload())}."
    assert_refused(signer, token)
    # and with the real token's signature kept
    real = signer.issue(7, "admin", HASH)[0]
    assert_refused(signer, f"{b64({'alg': 'none', 'typ': 'JWT'})}.{real.split('.')[1]}.{real.split('.')[2]}")


def test_alg_none_made_by_pyjwt_is_refused(signer):
    token = jwt.encode(payload(), None, algorithm="none")
    assert jwt.get_unverified_header(token)["alg"] == "none"
    assert_refused(signer, token)


def test_token_signed_with_another_key_is_refused(signer):
    token, _ = TokenSigner(OTHER_SECRET).issue(1, "admin", HASH)
    assert_refused(signer, token)


def test_wrong_audience_is_refused(signer):
    assert_refused(signer, jwt.encode(payload(aud="someone-else"), SECRET, algorithm="HS256"))


def test_wrong_issuer_is_refused(signer):
    assert_refused(signer, jwt.encode(payload(iss="someone-else"), SECRET, algorithm="HS256"))


def test_a_correctly_crafted_token_is_accepted(signer):
    """The control for the tests around it: only the one change makes them fail."""
    claims = signer.verify(jwt.encode(payload(), SECRET, algorithm="HS256"))
    assert claims.user_id == 7 and claims.token_id == "0123456789abcdef"


@pytest.mark.parametrize("missing", CLAIMS)
def test_token_without_a_required_claim_is_refused(signer, missing):
    assert_refused(signer, jwt.encode(payload(**{missing: None}), SECRET, algorithm="HS256"))


@pytest.mark.parametrize("sub", ["abc", "", "1.5"])
def test_non_numeric_subject_is_refused(signer, sub):
    assert_refused(signer, jwt.encode(payload(sub=sub), SECRET, algorithm="HS256"))


def test_token_issued_in_the_future_is_refused(signer):
    later = int(datetime.now(timezone.utc).timestamp()) + 3600
    assert_refused(signer, jwt.encode(payload(iat=later, exp=later + 3600), SECRET, algorithm="HS256"))


def test_hs512_token_is_refused_when_hs256_is_pinned(signer):
    token = jwt.encode(payload(), SECRET, algorithm="HS512")
    assert_refused(signer, token)
    assert TokenSigner(SECRET, "HS512").verify(token).user_id == 7


def test_hs256_token_is_refused_when_hs512_is_pinned(signer):
    token, _ = signer.issue(1, "admin", HASH)
    assert_refused(TokenSigner(SECRET, "HS512"), token)


@pytest.mark.parametrize("token", ["", None, "garbage", "a.b.c", "...."])
def test_garbage_is_refused(signer, token):
    assert_refused(signer, token)  # type: ignore[arg-type]


@pytest.mark.parametrize("algorithm", ["none", "RS256", "hs256", ""])
def test_signer_refuses_algorithms_other_than_hmac_sha2(algorithm):
    with pytest.raises(ValueError):
        TokenSigner(SECRET, algorithm)


@pytest.mark.parametrize("algorithm, size", [("HS256", 31), ("HS384", 47), ("HS512", 63)])
def test_signer_refuses_keys_shorter_than_the_hash(algorithm, size):
    with pytest.raises(ValueError):
        TokenSigner("k" * size, algorithm)
    assert TokenSigner("k" * (size + 1), algorithm).issue(1, "admin", HASH)[0]


# --- the installation's secret key file -------------------------------------------------

def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_secret_file_is_created_once_with_owner_only_permissions(tmp_path):
    config = tmp_path / "config"
    key = load_or_create_secret(config)
    path = config / SECRET_FILE_NAME
    assert mode(path) == 0o600
    assert path.read_text(encoding="ascii") == key
    assert len(key) >= 64
    assert load_or_create_secret(config) == key
    assert [p.name for p in config.iterdir()] == [SECRET_FILE_NAME]  # no temporary file left


def test_secret_key_differs_per_installation(tmp_path):
    assert load_or_create_secret(tmp_path / "a") != load_or_create_secret(tmp_path / "b")


@pytest.mark.parametrize("content", [b"", b"short\n", b"\xff\xfe" * 40])
def test_an_unusable_secret_file_is_replaced(tmp_path, content):
    path = tmp_path / SECRET_FILE_NAME
    path.write_bytes(content)
    key = load_or_create_secret(tmp_path)
    assert len(key) >= 64
    assert path.read_text(encoding="ascii") == key
    assert load_or_create_secret(tmp_path) == key
    TokenSigner(key, "HS512").issue(1, "admin", HASH)  # good enough for the strongest algorithm


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_stale_temporary_file_does_not_weaken_the_secret(tmp_path):
    stale = tmp_path / f".{SECRET_FILE_NAME}.{os.getpid()}"
    stale.write_text("left by a crash", encoding="ascii")
    stale.chmod(0o644)
    load_or_create_secret(tmp_path)
    assert mode(tmp_path / SECRET_FILE_NAME) == 0o600


def env_for(tmp_path: Path, database_url: str, **extra: str) -> dict[str, str]:
    return {"HEARTBEAT_DATA_DIR": str(tmp_path / "data"), "HEARTBEAT_CONFIG_DIR": str(tmp_path / "config"),
            "HEARTBEAT_LOG_DIR": str(tmp_path / "log"), "DATABASE_URL": database_url, **extra}


def test_heartbeat_creates_then_reuses_the_secret_file(tmp_path, database_url):
    settings = load_settings(env=env_for(tmp_path, database_url))
    assert settings.secret_key is None
    with Heartbeat.open(settings) as first:
        token, _ = first.ctx.signer.issue(1, "admin", HASH)
    path = settings.config_dir / SECRET_FILE_NAME
    if os.name == "posix":
        assert mode(path) == 0o600
    with Heartbeat.open(settings) as second:  # a restart: the session is still valid
        assert second.ctx.signer.secret == path.read_text(encoding="ascii")
        assert second.ctx.signer.verify(token).user_id == 1


def test_secret_key_env_overrides_the_file(tmp_path, database_url):
    env = env_for(tmp_path, database_url, SECRET_KEY="e" * 40)
    with Heartbeat.open(load_settings(env=env)) as app:
        assert app.ctx.signer.secret == "e" * 40
        token, _ = app.ctx.signer.issue(1, "admin", HASH)
    assert not (tmp_path / "config" / SECRET_FILE_NAME).exists()
    with Heartbeat.open(load_settings(env=env_for(tmp_path, database_url))) as file_keyed:
        with pytest.raises(AuthenticationFailed):
            file_keyed.ctx.signer.verify(token)


def test_algorithm_setting_reaches_the_signer(tmp_path, database_url):
    env = env_for(tmp_path, database_url, ALGORITHM="HS512")
    with Heartbeat.open(load_settings(env=env)) as app:
        token, _ = app.ctx.signer.issue(1, "admin", HASH)
    assert jwt.get_unverified_header(token)["alg"] == "HS512"
    assert security.TokenSigner(app.ctx.signer.secret, "HS512").verify(token).user_id == 1
