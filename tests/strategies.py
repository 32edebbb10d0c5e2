"""Hypothesis strategies and checks shared by the property tests (``*_properties.py``).

Inputs are what a desk can type or paste: any unicode (control characters
included; hypothesis never makes lone surrogates unless asked, so they are
added on purpose), very long text, SQL- and LIKE-looking text, Cyrillic names
with patronymics, phone numbers, e-mails, and dates from year 1 to 9999.

``expected_*`` are the schemas' documented normalisation rules written out
again, independently, so that "reads back unchanged" is checked against the
rule, not against whatever came back.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from heartbeat_desktop.core.errors import HeartbeatError

# every property test: no deadline (a database call's time varies), the same
# examples on every run (CI is reproducible), nothing written to .hypothesis/
PROPERTY = settings(deadline=None, derandomize=True, database=None, print_blob=False,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much])


def examples(n: int) -> settings:
    return settings(PROPERTY, max_examples=n)


# --- text -------------------------------------------------------------------------

CONTROL = [chr(c) for c in (*range(0x00, 0x20), 0x7F, 0x85)]
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]
AWKWARD = ["\u00a0", "\u2028", "\u2029", "\u200b", "\u200d", "\ufeff", "\u0301", "\U0010ffff", "\ud7ff",
           "\uffff", "ß", "ŉ", "İ", "ﬀ", "ǅ", "ё", "Ё", "\u3000", "\t", "\n", "\r\n", "'", '"', "\\", "%", "_"]
SQLISH = [
    "'; DROP TABLE patients; --", "' OR '1'='1", "\" OR \"\"=\"", "%", "_", "\\", "%_%", "\\%", "[a-z]",
    "') ; SELECT * FROM users --", "1; DELETE FROM audit_log", "$$", "E'\\x00'", "*", ".*", "^$", "(?i)",
    "NULL", "null", "O'Brien", "COLLATE \"C\"", "/* */", "\\\\", "%%%%", "____",
]

CYRILLIC_LAST = ["Иванов", "Петрова", "Сидоров", "Ёлкина", "Смирнова-Кузнецова", "Кузнецов", "Шевчук",
                 "Д'Артаньян", "Гусейн оглы", "Эристави", "Ли", "ван дер Берг", "Щукин", "Ющенко"]
CYRILLIC_FIRST = ["Пётр", "Мария", "Анна-Мария", "Олег", "Юлия", "Айгуль", "Ян", "Ёжик", "Эльвира"]
PATRONYMICS = ["Сергеевич", "Ивановна", "Ильич", "Петровна", "Кузьмич", "Никитична", "Фомич"]

any_char = st.characters(codec="utf-8")  # everything hypothesis makes, controls included
unicode_text = st.text(any_char, max_size=40)


def long_text(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    """Long text made of a few repeated pieces (cheap to generate, any character)."""
    return st.builds(lambda piece, n, tail: (piece * n)[:max_size - len(tail)] + tail,
                     st.text(any_char, min_size=1, max_size=4) | st.sampled_from(AWKWARD + ["И", "a", " "]),
                     st.integers(min_size, max_size), st.text(any_char, max_size=3))


def mixed(*pieces: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Concatenations of pieces: typed text with pasted rubbish around it."""
    return st.lists(st.one_of(*pieces), max_size=5).map("".join)


awkward = st.sampled_from(AWKWARD + CONTROL + SURROGATES)
sqlish = st.sampled_from(SQLISH)


def free_text(max_size: int) -> st.SearchStrategy[str]:
    """Anything a desk could paste into a text box, up to past its limit."""
    return st.one_of(
        unicode_text,
        mixed(unicode_text, awkward, sqlish, st.sampled_from(CYRILLIC_LAST)),
        long_text(max_size - 3, max_size + 3),
        long_text(1, 3 * max_size),
    )


def name_like(max_size: int = 100) -> st.SearchStrategy[str]:
    """Names as typed: real Cyrillic names in any case and spacing, and rubbish."""
    real = st.builds(lambda name, case, left, right: left + case(name) + right,
                     st.sampled_from(CYRILLIC_LAST + CYRILLIC_FIRST + PATRONYMICS),
                     st.sampled_from([str, str.lower, str.upper]),
                     st.sampled_from(["", " ", "  ", "\t", "\u00a0"]), st.sampled_from(["", " ", "\n"]))
    return st.one_of(real, real, free_text(max_size), st.text(st.characters(categories=["L"]), max_size=120),
                     long_text(max_size - 2, max_size + 2).map(lambda s: re.sub(r"\W", "ß", s)))


def mostly(usual: st.SearchStrategy[Any], odd: st.SearchStrategy[Any], *, odd_in: int = 4) -> st.SearchStrategy[Any]:
    """``usual``, and ``odd`` one time in ``odd_in`` (``one_of`` leans to its
    first branch less than one would think)."""
    return st.tuples(st.integers(1, odd_in), usual, odd).map(lambda t: t[2] if t[0] == 1 else t[1])


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


phones = st.one_of(
    st.sampled_from(["+7 916 123-45-67", "8 (916) 123-45-67", "9161234567", "+44 20 7946 0958", "1234567",
                     "+1 (555) 010-9999", "12", "call me", "8-800-555-35-35", "+" + "9" * 15, "9" * 16]),
    st.text(st.sampled_from("0123456789 +-().8"), max_size=34),
    free_text(32),
)
emails = st.one_of(
    st.emails().filter(lambda e: len(e) <= 260),
    st.builds(lambda a, b: f"{a}@{b}.ru", st.text(st.characters(categories=["L", "Nd"]), min_size=1, max_size=300),
              st.sampled_from(["пример", "EXAMPLE", "İstanbul", "straße"])),
    free_text(254),
)

# dates and times from year 1 to 9999, with the edges made likely
extreme_dates = st.one_of(st.dates(), st.sampled_from([date.min, date.max, date(1, 1, 2), date(9999, 12, 30),
                                                       date(1899, 12, 31), date(1900, 1, 1)]))
near_dates = st.dates(date(1890, 1, 1), date.today() + timedelta(days=800))
offsets = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
EDGE_MOMENTS = [datetime.min, datetime.max, datetime(1, 1, 1, 3), datetime(9999, 12, 31, 20),
                datetime(1970, 1, 1), datetime(2038, 1, 19, 3, 14, 8)]
any_moment = st.one_of(
    st.datetimes(),
    st.datetimes(timezones=offsets),
    st.sampled_from(EDGE_MOMENTS),
    st.sampled_from(EDGE_MOMENTS).map(lambda d: d.replace(tzinfo=timezone.utc)),
)
durations = st.one_of(st.timedeltas(timedelta(minutes=-30), timedelta(hours=13)),
                      st.sampled_from([timedelta(0), timedelta(microseconds=1), timedelta(hours=12),
                                       timedelta(hours=12, microseconds=1), timedelta(days=-1)]))
clock_times = st.times() | st.sampled_from([time.min, time.max, time(0, 0, 0, 1), time(23, 59, 59)])

# numbers a caller can pass where an id, a version, a page offset goes
ids = st.one_of(st.integers(-3, 5), st.integers(-(2**70), 2**70),
                st.sampled_from([2**31 - 1, 2**31, 2**63 - 1, 2**63, -(2**63) - 1]))

# search-box text: all of the above, dates, phone digits
queries = st.one_of(
    free_text(60),
    mixed(st.sampled_from(CYRILLIC_LAST), st.sampled_from([" ", ".", ",", " П.", "%", "_", "\\", "\x00"]),
          sqlish, awkward),
    st.dates().map(lambda d: d.strftime("%d.%m.%Y")),
    st.text(st.sampled_from("0123456789 +-()"), max_size=30),
    st.sampled_from(["\U0010ffff", "a\U0010ffff", "\ud7ff", "И\ud7ff", "\uffff", "\x00", "\x00" * 50, "  ", ""]),
    long_text(200, 5_000),
)


# --- the schemas' rules, written out again ------------------------------------------

_SPACES = re.compile(r"\s+")


def strip_like_pydantic(value: str) -> str:
    """``str_strip_whitespace``: pydantic-core trims Unicode White_Space at both ends."""
    return value.strip(" \t\n\r\x0b\x0c\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                       "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


def collapsed(value: str) -> str:
    """Outer space trimmed, inner runs of space made one plain space."""
    return _SPACES.sub(" ", value.strip())


def expected_name(value: str) -> str:
    """Spaces collapsed; a name typed all in one case gets capital word starts.

    (As the schema documents: 'анна-мария' -> 'Анна-Мария'; mixed case is kept.)
    """
    value = collapsed(strip_like_pydantic(value))
    if value.islower() or value.isupper():
        words = re.split(r"([ \-])", value.lower())
        value = "".join(w[:1].upper() + w[1:] if w not in (" ", "-") else w for w in words)
    return value


def expected_optional_name(value: str | None) -> str | None:
    if value is None:
        return None
    return expected_name(value) or None


def expected_optional_text(value: str | None) -> str | None:
    """Free text: trimmed at both ends, kept as typed inside (tabs, line breaks), empty -> None."""
    if value is None:
        return None
    return strip_like_pydantic(value).strip() or None


def expected_email(value: str | None) -> str | None:
    if value is None:
        return None
    return collapsed(strip_like_pydantic(value)).lower() or None


# --- what a refusal must look like ------------------------------------------------------

LEAKS = ("Traceback", "[SQL:", "Background on this error", "psycopg", "sqlite3", "sqlalchemy",
         "IntegrityError", "DataError", "OperationalError", "ProgrammingError", "NUL (0x00)", "File \"")


def assert_clear_message(error: BaseException) -> None:
    """A HeartbeatError whose message is a plain sentence for the desk."""
    assert isinstance(error, HeartbeatError), f"{type(error).__name__}: {error}"
    message = str(error)
    assert message.strip(), f"empty message from {type(error).__name__}"
    assert message == message.strip()
    assert message[-1] in ".!?", message
    for leak in LEAKS:
        assert leak not in message, message
    field_errors = getattr(error, "field_errors", None)
    if field_errors is not None:
        assert field_errors, "a ValidationFailed names no field"
        for text in field_errors.values():
            assert text.strip() and text[-1] in ".!?" and "\n" not in text, text


def per_backend(dialect: str, *, sqlite: int, postgresql: int) -> settings:
    """Property settings for a test that runs once per backend: PostgreSQL's
    run is shorter (a server round trip each call) but still meets what
    SQLite lets through and PostgreSQL refuses (NUL, lengths, ranges)."""
    return examples(sqlite if dialect == "sqlite" else postgresql)
