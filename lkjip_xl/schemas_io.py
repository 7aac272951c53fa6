"""Load the data files under schemas/ (aliases, pandera schemas, presets, messages).

Installed, schemas/ is the package lkjip_xl.schemas. Run from a source checkout (for example
`python -m lkjip_xl` in the repository, which puts the source package first on sys.path),
that package does not exist and the folder beside lkjip_xl/ is used instead.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml


@lru_cache(maxsize=1)
def _root():
    try:
        return resources.files("lkjip_xl.schemas")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "schemas"


# libyaml's loader, where PyYAML was built with it, reads the files several times faster
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def load_yaml(name: str):
    return yaml.load(schema_path(name).read_text(encoding="utf-8"), Loader=_LOADER)


def schema_path(name: str):
    return _root().joinpath(name)
