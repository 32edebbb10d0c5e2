"""Patients and doctors for demo data: Faker pools drawn once, rows combined with a seeded RNG."""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from heartbeat_desktop.schemas.text import match_key, name_key

# --- what differs per locale ------------------------------------------------------

@dataclass(frozen=True)
class LocaleText:
    specialties: tuple[tuple[str, int], ...]  # (name, weight)
    reasons: tuple[str, ...]
    notes: tuple[str, ...]
    city_prefix: str
    middle_names: bool


RU = LocaleText(
    specialties=(("Терапевт", 5), ("Педиатр", 2), ("Кардиолог", 2), ("Невролог", 2), ("Хирург", 1),
                 ("Офтальмолог", 1), ("Оториноларинголог", 1), ("Эндокринолог", 1), ("Дерматолог", 1),
                 ("Гинеколог", 2), ("Уролог", 1), ("Гастроэнтеролог", 1), ("Травматолог-ортопед", 1)),
    reasons=("Первичный приём", "Повторный приём", "Профилактический осмотр", "Консультация",
             "Головная боль", "Боль в спине", "Повышенное давление", "Кашель, температура",
             "Результаты анализов", "Справка для работы", "Диспансеризация", "Продление больничного"),
    notes=("Аллергия на пенициллин", "Сахарный диабет 2 типа", "Гипертоническая болезнь",
           "Предпочитает утренние часы", "Бронхиальная астма", "Инвалид II группы, нужен пандус"),
    city_prefix="г. ",
    middle_names=True,
)

EN = LocaleText(
    specialties=(("General practitioner", 5), ("Pediatrician", 2), ("Cardiologist", 2), ("Neurologist", 2),
                 ("Surgeon", 1), ("Ophthalmologist", 1), ("ENT specialist", 1), ("Endocrinologist", 1),
                 ("Dermatologist", 1), ("Gynecologist", 2), ("Urologist", 1), ("Gastroenterologist", 1),
                 ("Orthopedic surgeon", 1)),
    reasons=("New patient visit", "Follow-up", "Annual physical", "Consultation", "Headache",
             "Back pain", "High blood pressure", "Cough and fever", "Lab results", "Work note",
             "Vaccination", "Prescription refill"),
    notes=("Allergic to penicillin", "Type 2 diabetes", "Hypertension", "Prefers mornings",
           "Asthma", "Uses a wheelchair"),
    city_prefix="",
    middle_names=False,
)

_TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
     "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
))


@functools.cache
def ascii_slug(text: str) -> str:
    """'Щукина' -> 'shchukina', "O'Connor" -> 'oconnor': e-mail-safe lowercase letters."""
    out = []
    for ch in text.lower():
        ch = _TRANSLIT.get(ch, ch)
        out.append("".join(c for c in ch if "a" <= c <= "z"))
    return "".join(out) or "user"


# Weekly patterns in clinic-local time, Monday to Friday, with their weights: each
# interval is (weekday, starts, ends), where weekday -1 means every weekday.
SHIFTS: tuple[tuple[tuple[tuple[int, time, time], ...], int], ...] = (
    (((-1, time(9), time(13)), (-1, time(14), time(18))), 4),  # a day with a lunch break
    (((-1, time(8), time(14)),), 2),  # mornings
    (((-1, time(14), time(20)),), 2),  # evenings
    (((-1, time(10), time(19)),), 1),  # long day, no break
    (((0, time(8), time(14)), (2, time(8), time(14)), (4, time(8), time(14)),
      (1, time(14), time(20)), (3, time(14), time(20))), 2),  # alternating
)
SLOT_MINUTES = ((15, 1), (20, 3), (30, 5), (40, 1))


def weekly_hours(pattern: Sequence[tuple[int, time, time]]) -> list[tuple[int, time, time]]:
    hours = []
    for day, starts, ends in pattern:
        for weekday in (range(5) if day == -1 else (day,)):
            hours.append((weekday, starts, ends))
    return sorted(hours)


# --- pools: the only place Faker is asked -----------------------------------------

@dataclass
class Pools:
    first: dict[str, list[str]]
    middle: dict[str, list[str]]
    last: dict[str, list[str]]
    cities: list[str]
    streets: list[str]
    domains: list[str]
    states: list[str] = field(default_factory=list)


def _unique(draw: Callable[[], str], n: int) -> list[str]:
    return list(dict.fromkeys(draw() for _ in range(n)))


def draw_pools(locale: str, seed: int) -> Pools:
    from faker import Faker  # imported here: it is slow to import and only needed here

    fake = Faker(locale)
    fake.seed_instance(seed)
    sexes = ("female", "male")
    if locale == "ru_RU":
        first = {s: _unique(getattr(fake, f"first_name_{s}"), 400) for s in sexes}
        middle = {s: _unique(getattr(fake, f"middle_name_{s}"), 400) for s in sexes}
        last = {s: _unique(getattr(fake, f"last_name_{s}"), 800) for s in sexes}
        cities = _unique(lambda: fake.city_name().split(" (")[0], 40)
        streets = _unique(fake.street_name, 400)
        states: list[str] = []
    else:
        first = {s: _unique(getattr(fake, f"first_name_{s}"), 400) for s in sexes}
        middle = {s: [] for s in sexes}
        shared = _unique(fake.last_name, 800)
        last = {s: shared for s in sexes}
        cities = _unique(fake.city, 40)
        streets = _unique(fake.street_name, 400)
        states = [fake.state_abbr() for _ in cities]
    domains = _unique(fake.free_email_domain, 30)
    return Pools(first, middle, last, cities, streets, domains, states)


# --- building rows -----------------------------------------------------------------

class RowMaker:
    """Combines pools into rows with one seeded ``random.Random`` (no Faker per row)."""

    def __init__(self, locale: str, pools: Pools, rng: random.Random, today: date, now: datetime) -> None:
        self.locale = locale
        self.text = RU if locale == "ru_RU" else EN
        self.pools = pools
        self.rng = rng
        self.today = today
        self.now = now
        self.home_city = pools.cities[0]

    def name(self, sex: str) -> tuple[str, str, str | None]:
        r, p = self.rng, self.pools
        middle = r.choice(p.middle[sex]) if self.text.middle_names else None
        return r.choice(p.last[sex]), r.choice(p.first[sex]), middle

    def phone(self) -> tuple[str, str]:
        """(as the service stores it, digits only) — the shape ``normalize_phone`` gives."""
        r = self.rng
        if self.locale == "ru_RU":
            d = f"79{r.randrange(100):02d}{r.randrange(10_000_000):07d}"
            return f"+7 {d[1:4]} {d[4:7]}-{d[7:9]}-{d[9:11]}", d
        d = f"1{r.randrange(201, 990)}{r.randrange(200, 1000)}{r.randrange(10_000):04d}"
        return "+" + d, d

    def email(self, last: str, first: str, domain: str | None = None) -> str:
        r = self.rng
        first_part, last_part = ascii_slug(first), ascii_slug(last)
        style = r.randrange(2 if domain else 4)  # work addresses: name.surname or n.surname
        if style == 0:
            local = f"{first_part}.{last_part}"
        elif style == 1:
            local = f"{first_part[0]}.{last_part}"
        elif style == 2:
            local = f"{last_part}{r.randrange(1, 100)}"
        else:
            local = f"{first_part}{last_part[0]}{r.randrange(1950, 2010)}"
        return f"{local}@{domain or r.choice(self.pools.domains)}"

    def address(self) -> str:
        r, p = self.rng, self.pools
        city = self.home_city if r.random() < 0.8 else r.choice(p.cities)
        street = r.choice(p.streets)
        house = r.randrange(1, 120)
        if self.locale == "ru_RU":
            text = f"{self.text.city_prefix}{city}, {street}, д. {house}"
            if r.random() < 0.2:
                text += f" к. {r.randrange(1, 5)}"
            if r.random() < 0.85:
                text += f", кв. {r.randrange(1, 300)}"
            return text
        state = p.states[p.cities.index(city)]
        apt = f", Apt. {r.randrange(1, 400)}" if r.random() < 0.4 else ""
        return f"{house * 10 + r.randrange(10)} {street}{apt}, {city}, {state} {r.randrange(10_000, 99_999)}"

    def birth_date(self) -> date:
        r = self.rng
        if r.random() < 0.15:
            age_days = r.randrange(0, 18 * 365)
        else:
            age_days = int(r.triangular(18, 95, 42) * 365.25)
        return self.today - timedelta(days=age_days)

    def patient(self) -> dict[str, Any]:
        r = self.rng
        sex = "female" if r.random() < 0.55 else "male"
        last, first, middle = self.name(sex)
        born = self.birth_date()
        adult = (self.today - born).days >= 18 * 365
        phone, digits = self.phone() if r.random() < 0.95 else (None, None)
        return {
            "last_name": last, "first_name": first, "middle_name": middle,
            "name_key": name_key(last, first, middle),
            "match_last": match_key(last), "match_last_reversed": match_key(last)[::-1],
            "match_first": match_key(first),
            "birth_date": born, "sex": sex,
            "phone": phone, "phone_digits": digits,
            "email": self.email(last, first) if adult and r.random() < 0.6 else None,
            "address": self.address() if r.random() < 0.9 else None,
            "notes": r.choice(self.text.notes) if r.random() < 0.05 else None,
            "is_active": True,
            "version": 1, "created_at": self.now, "updated_at": self.now,
        }

    def doctor(self, room: str) -> tuple[dict[str, Any], list[tuple[int, time, time]], int]:
        r = self.rng
        sex = "female" if r.random() < 0.6 else "male"
        last, first, middle = self.name(sex)
        names, weights = zip(*self.text.specialties)
        specialty = r.choices(names, weights)[0]
        patterns, pattern_weights = zip(*SHIFTS)
        hours = weekly_hours(r.choices(patterns, pattern_weights)[0])
        minutes, minute_weights = zip(*SLOT_MINUTES)
        slot = r.choices(minutes, minute_weights)[0]
        phone, digits = self.phone()
        row = {
            "last_name": last, "first_name": first, "middle_name": middle,
            "name_key": name_key(last, first, middle),
            "specialty": specialty, "room": room,
            "phone": phone, "phone_digits": digits,
            "email": self.email(last, first, "heartbeat-clinic.example").lower(),
            "is_active": True, "user_id": None,
            "version": 1, "created_at": self.now, "updated_at": self.now,
        }
        return row, hours, slot
