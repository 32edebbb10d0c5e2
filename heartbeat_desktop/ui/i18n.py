"""The interface's language: our catalogue, Qt's own, and the locale dates follow.

English is the source text in the code; ``resources/translations/heartbeat_<lang>.qm``
translates it (made from ``heartbeat_<lang>.ts``, see that folder's README), and
Qt's ``qtbase_<lang>.qm`` (shipped with PySide6) translates the standard buttons
and dialogs (OK, Cancel, Yes, No, the file dialogs).  The language is the
setting's (``language``: ``auto``, ``en``, ``ru``; see :mod:`core.settings`);
``auto`` takes the system locale's when there is a catalogue for it.  The chosen
language's :class:`QLocale` becomes the default, so dates read "пятница,
27.11.2026" in Russian.  Chosen once, before the first window: a change in the
menu applies at the next start.
"""

from __future__ import annotations

import logging
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from heartbeat_desktop.core import resources

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
TRANSLATED = ("ru",)  # the languages with a catalogue in resources/translations (English's has plurals only)
QT_CATALOGUES = ("qtbase",)  # Qt's own: standard buttons, message boxes, file dialogs
_installed: list[QTranslator] = []  # kept alive while installed: Qt does not own them


def chosen_language(setting: str, system: QLocale | None = None) -> str:
    """``en`` or a translated language: the setting's, or for ``auto`` the system's."""
    if setting == SOURCE_LANGUAGE or setting in TRANSLATED:
        return setting
    name = (system or QLocale.system()).name().split("_")[0]
    return name if name in TRANSLATED else SOURCE_LANGUAGE


def catalogue_path(language: str) -> Path:
    return resources.translations_dir() / f"heartbeat_{language}.qm"


def qt_catalogue_dirs() -> list[Path]:
    """Where Qt's own catalogues are: Qt's translations folder (the bundle's, when frozen),
    else PySide6's copy beside the module."""
    package = Path(PySide6.__file__).resolve().parent
    found = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
             package / "Qt" / "translations", package / "translations"]
    return [folder for folder in dict.fromkeys(found) if folder.is_dir()]


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The locale of ``language``, in the system's country when the system speaks it too."""
    system = system or QLocale.system()
    if system.name().split("_")[0] == language:
        return system
    if system.language() == QLocale.Language.C and language == SOURCE_LANGUAGE:
        return system  # a bare system (C/POSIX): the formats of ui.formatting's C case (31.12.2026, 17:30)
    wanted = QLocale.codeToLanguage(language)
    return QLocale(wanted, QLocale.Country.Russia if language == "ru" else system.territory())


def _load(path: Path) -> QTranslator | None:
    translator = QTranslator()
    if translator.load(str(path)):
        return translator
    log.warning("the translation %s could not be loaded", path)
    return None


def remove_translations() -> None:
    app = QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)


def install_language(setting: str, system: QLocale | None = None) -> str:
    """Translate the interface into the chosen language and make its locale the default.

    Returns the language used: English when the catalogue is missing (logged).
    """
    remove_translations()
    language = chosen_language(setting, system)
    QLocale.setDefault(locale_for(language, system))
    if language == SOURCE_LANGUAGE:
        _install_plurals()
        return language
    ours = _load(catalogue_path(language))
    if ours is None:
        QLocale.setDefault(locale_for(SOURCE_LANGUAGE, system))
        return SOURCE_LANGUAGE
    app = QCoreApplication.instance()
    for name in QT_CATALOGUES:
        paths = [folder / f"{name}_{language}.qm" for folder in qt_catalogue_dirs()]
        path = next((p for p in paths if p.is_file()), None)
        translator = _load(path) if path is not None else None
        if translator is not None and app is not None:
            app.installTranslator(translator)
            _installed.append(translator)
    if app is not None:
        app.installTranslator(ours)
        _installed.append(ours)
    return language


def _install_plurals() -> None:
    """English needs a catalogue only for its plurals ("1 visit", "2 visits"; the code says "%n visit(s)")."""
    path = catalogue_path(SOURCE_LANGUAGE)
    app = QCoreApplication.instance()
    translator = _load(path) if path.is_file() else None
    if translator is not None and app is not None:
        app.installTranslator(translator)
        _installed.append(translator)


def class_tr(obj: object, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``obj.tr(...)`` looked up in the context of each class ``obj`` is made from, most derived first.

    PySide6's own ``tr`` does walk the classes, so a subclass finds the strings of
    the class that wrote them, but it drops ``n`` on the way: plural forms of an
    inherited string fell back to English.  A base class with subclasses and
    counted strings overrides ``tr`` with this.
    """
    untranslated = QCoreApplication.translate("\x00", source, disambiguation, n)
    for klass in type(obj).__mro__:
        text = QCoreApplication.translate(klass.__name__, source, disambiguation, n)
        if text != untranslated:
            return text
    return untranslated
