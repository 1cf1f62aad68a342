"""Every user-facing string, in English and 简体中文.

App-wide topics keep their table in a module of their own here, and each lecture its own in its package
(`dlcore/lectures/<key>/text.py`): key -> (English, 简体中文).
`translate(key, lang, **values)` looks a key up and fills in the {placeholders}.
"""
from __future__ import annotations

from importlib import import_module
from pathlib import Path
from pkgutil import iter_modules

LANGUAGES = {"en": "English", "zh": "简体中文"}


_LECTURES = Path(__file__).resolve().parent.parent / "lectures"


def _table_modules() -> list[str]:
    """This package's modules, then every lecture package's text module."""
    lectures = sorted(folder.name for folder in _LECTURES.iterdir() if (folder / "text.py").exists())
    return ([f"{__name__}.{module.name}" for module in iter_modules(__path__)]
            + [f"dlcore.lectures.{lecture}.text" for lecture in lectures])


def _load_tables() -> dict[str, tuple[str, str]]:
    strings: dict[str, tuple[str, str]] = {}
    for name in _table_modules():
        table = import_module(name).STRINGS
        clash = strings.keys() & table.keys()
        if clash:
            raise KeyError(f"{name} redefines {sorted(clash)}")
        strings.update(table)
    return strings


STRINGS = _load_tables()


def translate(key: str, lang: str = "en", **values) -> str:
    english, chinese = STRINGS[key]
    text = chinese if lang == "zh" else english
    return text.format(**values) if values else text
