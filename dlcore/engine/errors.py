"""The one base of every error a page explains to its user: a text key and the values that fill it in."""
from __future__ import annotations


class Explained(Exception):
    """An error told in the user's language: `key` names its message in the text tables, `values` fill it in."""

    def __init__(self, key: str, **values):
        super().__init__(key, values)
        self.key, self.values = key, values
