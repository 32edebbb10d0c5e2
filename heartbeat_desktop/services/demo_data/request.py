"""What a demo-data run is asked for and what it reports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from heartbeat_desktop.core.errors import Conflict

LOCALES = ("ru_RU", "en_US")
BATCH_SIZE = 5000
LIMITS = {"patients": 1_000_000, "doctors": 1_000, "appointments": 1_000_000,
          "days_back": 3_650, "days_ahead": 3_650}

Progress = Callable[[str, int, int], None]  # (stage, done, total)


class DatabaseNotEmpty(Conflict):
    """Demo data was asked for a database that already has patients."""

    def __init__(self, patients: int) -> None:
        super().__init__(
            f"This database already has {patients} patient{'s' if patients != 1 else ''}; "
            "demo data is meant for an empty database."
        )
        self.patients = patients


@dataclass(frozen=True)
class DemoDataRequest:
    patients: int = 2000
    doctors: int = 15
    appointments: int = 6000
    days_back: int = 60
    days_ahead: int = 30
    seed: int | None = None  # None: a random one, reported in the result
    locale: str = "ru_RU"
    force: bool = False  # add to a database that already has patients

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for name, limit in LIMITS.items():
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= limit:
                found[name] = f"Must be a whole number from 0 to {limit:,}."
        if self.locale not in LOCALES:
            found["locale"] = f"Choose one of: {', '.join(LOCALES)}."
        if self.seed is not None and (not isinstance(self.seed, int) or isinstance(self.seed, bool)):
            found["seed"] = "Must be a whole number."
        return found


@dataclass(frozen=True)
class DemoDataResult:
    patients: int
    doctors: int
    working_hours: int
    appointments: int
    seed: int
    locale: str
    seconds: float
    free_slots: int = 0  # how many appointment slots the doctors' hours offered

    def summary(self) -> str:
        return (f"{self.patients} patients, {self.doctors} doctors ({self.working_hours} working-hour "
                f"intervals), {self.appointments} appointments in {self.seconds:.1f} s "
                f"(locale {self.locale}, seed {self.seed})")
