"""Every user-facing string, in English and 简体中文.

Each topic keeps its table in a module of its own here: key -> (English, 简体中文).
`translate(key, lang, **values)` looks a key up and fills in the {placeholders}.
"""
from __future__ import annotations

from importlib import import_module
from pkgutil import iter_modules

LANGUAGES = {"en": "English", "zh": "简体中文"}


def _load_tables() -> dict[str, tuple[str, str]]:
    strings: dict[str, tuple[str, str]] = {}
    for module in iter_modules(__path__):
        table = import_module(f"{__name__}.{module.name}").STRINGS
        clash = strings.keys() & table.keys()
        if clash:
            raise KeyError(f"{module.name} redefines {sorted(clash)}")
        strings.update(table)
    return strings


STRINGS = _load_tables()


def translate(key: str, lang: str = "en", **values) -> str:
    english, chinese = STRINGS[key]
    text = chinese if lang == "zh" else english
    return text.format(**values) if values else text
