"""Dates and times as the desk reads them: the system locale, four-digit years, local time."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, QTime

from heartbeat_desktop.ui.errors import translated


def date_format(locale: QLocale | None = None) -> str:
    """The locale's short date format, with a four-digit year (birth dates need it)."""
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.C:
        return "dd.MM.yyyy"
    fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return fmt


# the date format's parts as the placeholder spells them (Russian: гггг, мм, дд)
DATE_PARTS = (QT_TRANSLATE_NOOP("formatting", "yyyy"), QT_TRANSLATE_NOOP("formatting", "mm"),
              QT_TRANSLATE_NOOP("formatting", "dd"))


def date_placeholder(fmt: str | None = None) -> str:
    """The date format as a person reads it: "dd.mm.yyyy", "дд.мм.гггг" in Russian."""
    text = (fmt or date_format()).lower()
    for part in DATE_PARTS:  # (each translation is in other letters than the parts after it)
        text = text.replace(part, QCoreApplication.translate("formatting", part))
    return text


def time_format(locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.C:
        return "HH:mm"
    return locale.timeFormat(QLocale.FormatType.ShortFormat)


def format_date(value: date) -> str:
    return QLocale().toString(QDate(value.year, value.month, value.day), date_format())


def format_time(value: time | datetime) -> str:
    if isinstance(value, datetime):
        value = value.astimezone().time() if value.tzinfo else value.time()
    return QLocale().toString(QTime(value.hour, value.minute), time_format())


def format_datetime(value: datetime) -> str:
    local = value.astimezone() if value.tzinfo else value
    return f"{format_date(local.date())} {format_time(local)}"


def format_value(value: object) -> str:
    """How a plain value reads in a table cell."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, bool):
        return QCoreApplication.translate("formatting", "Yes") if value else QCoreApplication.translate(
            "formatting", "No")
    label = getattr(value, "label", None)  # a vocabulary word (a role, a status): translated
    return translated(label) if isinstance(label, str) else str(value)
