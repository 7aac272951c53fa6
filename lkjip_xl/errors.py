"""Exceptions a user can meet: an input or the output cannot be used at all (exit 2).

Like frictionless' FrictionlessException(error), each carries a code from the `errors:` section of
schemas/messages.yaml and the parameters its templates name, never a finished sentence: the CLI
renders it in the user's language (messages.error). `str(exc)` is the Indonesian sentence, for
logs and for Python callers. `file`, when set, names the input the problem is in.
"""
from __future__ import annotations

from lkjip_xl import messages


class LkjipError(Exception):
    "An input or the output cannot be used; `code` and `params` say why."

    def __init__(self, code: str, file: str | None = None, **params):
        if code not in messages.catalogue()["errors"]:
            raise KeyError(f"unknown error code {code!r}")
        super().__init__(code)
        self.code, self.params, self.file = code, params, file

    def message(self, lang: str = "id") -> str:
        return messages.error(self.code, self.params, lang)

    def __str__(self) -> str:
        return self.message("id")


class Unreadable(LkjipError):
    "The file cannot be read as a workbook."


class Refused(LkjipError):
    "A part of the workbook is hostile or broken in a way that would hurt the reader."


class InputError(LkjipError):
    "The inputs named on the command line cannot be used."


class ConfigError(LkjipError):
    "The configuration (lkjip.toml, or a setting given in Python) cannot be used."


class NoRequiredRole(LkjipError):
    "No sheet of a role the report needs (a DPA) was found."


class OutputError(LkjipError):
    "The output workbook cannot be written."
