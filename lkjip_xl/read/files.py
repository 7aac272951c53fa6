"""Which files are inputs, where the config is, and where the output goes."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lkjip_xl.errors import InputError  # noqa: F401  (files.InputError, as callers know it)

EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".csv")
OUTPUT_DIR = "hasil"
CONFIG_NAME = "lkjip.toml"


@dataclass(frozen=True)
class Inputs:
    files: tuple[Path, ...]
    base: Path          # folder that file names are shown relative to, and where hasil/ goes
    config: Path | None


def _is_input(p: Path) -> bool:
    return p.suffix.lower() in EXTENSIONS and not p.name.startswith(("~$", "."))


def discover(paths: list[str | Path], config: str | Path | None = None) -> Inputs:
    """Expand folders (not recursively) into their workbooks; keep the order stable."""
    files: list[Path] = []
    skipped: list[Path] = []
    base: Path | None = None
    cfg = Path(config) if config else None
    if cfg is not None and not cfg.is_file():
        raise InputError("config-not-found", path=str(cfg))
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            base = base or p
            try:
                found = sorted((c for c in p.iterdir() if c.is_file() and _is_input(c)), key=lambda c: c.name)
            except OSError as exc:
                raise InputError("folder-unreadable", path=str(p), why=str(exc.strerror or exc)) from exc
            files.extend(found)
            if cfg is None and (p / CONFIG_NAME).is_file():
                cfg = p / CONFIG_NAME
        elif p.is_file():
            if p.parent.name == OUTPUT_DIR:
                skipped.append(p)
                continue
            base = base or p.parent
            files.append(p)
        else:
            raise InputError("input-not-found", path=str(p))
    unique = list(dict.fromkeys(f.resolve() for f in files))
    if not unique and skipped:
        raise InputError("input-is-output", path=str(skipped[0]), out=OUTPUT_DIR)
    if not unique:
        raise InputError("no-input-files")
    return Inputs(files=tuple(unique), base=(base or Path.cwd()).resolve(), config=cfg)


def display_name(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.name


def default_output(inputs: Inputs, instansi: str | None, tahun: int | None, month: int | None = None) -> Path:
    """hasil/LKjIP-<instansi>-<tahun>.xlsx; when the realisasi ends before December the name carries
    the month (…-2024-sd-06.xlsx), so that July's run does not replace June's."""
    name = re.sub(r"[^\w.-]+", "-", (instansi or "instansi").strip()).strip("-") or "instansi"
    until = f"-sd-{month:02d}" if month and 1 <= month < 12 else ""
    return inputs.base / OUTPUT_DIR / f"LKjIP-{name}-{tahun or 'tahun'}{until}.xlsx"
