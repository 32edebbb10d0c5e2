"""Bring the translation catalogues up to date with the code, then compile them.

    python resources/translations/update.py          # lupdate, then lrelease
    python resources/translations/update.py --check  # exit 1 if anything is out of date

``heartbeat_<lang>.ts`` gets every string the code marks (``self.tr``,
``QCoreApplication.translate``, ``QT_TRANSLATE_NOOP``, and ``Text`` from
``heartbeat_desktop.core.errors``, which lupdate reads as QT_TRANSLATE_NOOP);
strings that left the code are dropped (``-no-obsolete``) and new ones come
in unfinished, to be translated in Qt Linguist (``pyside6-linguist``) or by
hand.  Then ``heartbeat_<lang>.qm`` is compiled from it: the application loads
the .qm, which is committed, so a source checkout (``pip install -e .``) and
the PyInstaller bundle have it without a build step.  tests/ui/test_translation.py
fails while a .ts has unfinished entries or differs from what this makes.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = {"ru": "ru_RU", "en": "en_US"}
# English is the code's own language: its catalogue holds only the plural forms ("%n visit(s)"
# → "1 visit", "2 visits"), made here from the source text, never by hand (lupdate -pluralonly)
PLURAL_ONLY = {"en"}
ENGLISH_ONE = (("row(s) are", "row is"), ("visit(s) are", "visit is"), ("visit(s) cannot", "visit cannot"),
               ("(s)", ""), ("%n entries", "%n entry"), ("%n visits", "%n visit"))
# Text("errors", "…") in the layers below the GUI (which may not import Qt) is a catalogue entry too
ALIASES = "QT_TRANSLATE_NOOP+=Text"


def tool(name: str) -> str:
    """PySide6's own lupdate/lrelease (beside the module, or the pyside6-* wrapper on the PATH)."""
    for candidate in (Path(PySide6.__file__).parent / name, Path(PySide6.__file__).parent / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "heartbeat_desktop").rglob("*.py"))


def run(command: list[str]) -> None:
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)


def lupdate(ts: Path, language: str) -> None:
    only = ["-pluralonly"] if language in PLURAL_ONLY else []
    run([tool("lupdate"), *sources(), "-tr-function-alias", ALIASES, "-locations", "none", "-no-obsolete", *only,
         "-target-language", LANGUAGES[language], "-ts", str(ts)])
    if language == "en":
        english_plurals(ts)


def english_forms(source: str) -> tuple[str, str]:
    """The singular and plural of an English source with a count: "%n visit(s)" → "%n visit", "%n visits"."""
    one = source
    for old, new in ENGLISH_ONE:
        one = one.replace(old, new)
    return one, source.replace("(s)", "s")


def english_plurals(ts: Path) -> None:
    """Fill every plural entry of the English catalogue from its source (finished, so none is left to do)."""
    text = ts.read_text(encoding="utf-8")

    def filled(match: re.Match[str]) -> str:
        one, many = english_forms(html.unescape(match.group(1)))
        forms = "".join(f"\n            <numerusform>{html.escape(f, quote=False)}</numerusform>" for f in (one, many))
        return f"{match.group(0).split('<translation')[0]}<translation>{forms}\n        </translation>"

    pattern = re.compile(r"<source>(.*?)</source>\s*<translation[^>]*>.*?</translation>", re.S)
    ts.write_text(pattern.sub(filled, text), encoding="utf-8")


def lrelease(ts: Path, qm: Path) -> None:
    run([tool("lrelease"), "-removeidentical", str(ts), "-qm", str(qm)])


def catalogue(language: str, suffix: str) -> Path:
    return FOLDER / f"heartbeat_{language}.{suffix}"


def stale(language: str) -> list[str]:
    """What is out of date for ``language``: said in words, empty if nothing."""
    ts, qm = catalogue(language, "ts"), catalogue(language, "qm")
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh_ts, fresh_qm = Path(tmp) / ts.name, Path(tmp) / qm.name
        shutil.copyfile(ts, fresh_ts)
        lupdate(fresh_ts, language)
        if fresh_ts.read_bytes() != ts.read_bytes():
            problems.append(f"{ts.name} differs from the code's strings: run {Path(__file__).relative_to(ROOT)}")
        unfinished = ts.read_text(encoding="utf-8").count('type="unfinished"')
        if unfinished:
            problems.append(f"{ts.name} has {unfinished} unfinished translations")
        lrelease(ts, fresh_qm)
        if not qm.is_file() or fresh_qm.read_bytes() != qm.read_bytes():
            problems.append(f"{qm.name} is not what lrelease makes of {ts.name}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if out of date")
    args = parser.parse_args(argv)
    if args.check:
        problems = [p for language in LANGUAGES for p in stale(language)]
        print("\n".join(problems) or "the catalogues are up to date")
        return 1 if problems else 0
    for language in LANGUAGES:
        ts = catalogue(language, "ts")
        lupdate(ts, language)
        lrelease(ts, catalogue(language, "qm"))
        unfinished = ts.read_text(encoding="utf-8").count('type="unfinished"')
        print(f"{ts.name}: {unfinished} to translate; {catalogue(language, 'qm').name} compiled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
