"""The one base of every error a page explains to its user: a text key and the values that fill it in."""
from __future__ import annotations


class Explained(Exception):
    """An error told in the user's language: `key` names its message (dlcore.text), `values` fill it in.

    Its str() is the English message (a run that fails with it says so), or the key when no table has it."""

    def __init__(self, key: str, **values):
        super().__init__(key, values)
        self.key, self.values = key, values

    def __str__(self) -> str:
        from dlcore.text import STRINGS, translate  # the strings name lectures' texts: found when one is told

        return translate(self.key, "en", **self.values) if self.key in STRINGS else self.key
