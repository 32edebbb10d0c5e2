"""Demo data for trying the application out and for measuring it (see ``service``)."""

from heartbeat_desktop.services.demo_data.request import (
    LOCALES,
    DatabaseNotEmpty,
    DemoDataRequest,
    DemoDataResult,
)
from heartbeat_desktop.services.demo_data.service import DemoDataService

__all__ = ["LOCALES", "DatabaseNotEmpty", "DemoDataRequest", "DemoDataResult", "DemoDataService"]
