"""Load the data files under schemas/ (aliases, pandera schemas, presets, messages)."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=None)
def load_yaml(name: str):
    text = resources.files("lkjip_xl.schemas").joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def schema_path(name: str):
    return resources.files("lkjip_xl.schemas").joinpath(name)
