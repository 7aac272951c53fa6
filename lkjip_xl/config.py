"""Settings: defaults from schemas/presets.yaml, then lkjip.toml, then command-line flags."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from lkjip_xl.schemas_io import load_yaml


class ConfigError(Exception):
    "The configuration file cannot be used."


@dataclass(frozen=True)
class Band:
    """One rating band. Unless told otherwise it is half-open, [min, max): the lower bound belongs
    to it and the upper bound to the band above."""
    label: str
    min: Decimal | None = None
    min_incl: bool = True
    max: Decimal | None = None
    max_incl: bool = False
    text: str = ""
    color: str | None = None
    keterangan: str = ""

    def contains(self, x: Decimal) -> bool:
        if self.min is not None and (x < self.min or (x == self.min and not self.min_incl)):
            return False
        if self.max is not None and (x > self.max or (x == self.max and not self.max_incl)):
            return False
        return True


@dataclass(frozen=True)
class Scale:
    name: str
    title: str
    bands: tuple[Band, ...]

    def classify(self, x: Decimal | None) -> str | None:
        if x is None:
            return None
        for band in self.bands:
            if band.contains(x):
                return band.label
        return None


@dataclass
class Settings:
    instansi: str | None = None
    kabupaten: str | None = None
    tahun: int | None = None
    lang: str = "id"
    predikat: Scale = None
    negative_formula: str = "2T-R"
    efisiensi: Scale = None
    efisiensi_requires_full_capaian: bool = False
    menunjang_min_capaian: Decimal = Decimal(85)
    tolerance: Decimal = Decimal("0.01")
    cap_capaian: Decimal | None = None
    roles: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, str] = field(default_factory=dict)   # sheet → table number printed in its title
    source: str | None = None

    @property
    def presets(self) -> dict:
        return load_yaml("presets.yaml")

    def formula(self, polaritas_negative: bool) -> dict:
        p = self.presets
        return p["negative_formulas"][self.negative_formula] if polaritas_negative else p["positive_formula"]


def _dec(v):
    return None if v is None else Decimal(str(v))


def _scale(name: str, spec: dict) -> Scale:
    if not isinstance(spec, dict) or not isinstance(spec.get("bands"), list) or not spec["bands"]:
        raise ConfigError(f"skala '{name}' harus berisi daftar bands, mis. bands = [{{label = \"Baik\", min = 85}}]")
    bands = []
    for b in spec["bands"]:
        if not isinstance(b, dict) or not str(b.get("label", "")).strip():
            raise ConfigError(f"skala '{name}': setiap band perlu label, mis. {{label = \"Baik\", min = 85, max = 100}}")
        bands.append(Band(label=str(b["label"]).strip(), min=_dec(b.get("min")), min_incl=bool(b.get("min_incl", True)),
                          max=_dec(b.get("max")), max_incl=bool(b.get("max_incl", False)), text=str(b.get("text", "")),
                          color=b.get("color"), keterangan=str(b.get("keterangan", ""))))
    return Scale(name=name, title=str(spec.get("title", name)), bands=_cover(name, bands))


def _cover(name: str, bands: list[Band]) -> tuple[Band, ...]:
    """Bands must meet without gap or overlap, so every capaian has exactly one predikat. The lowest
    band takes everything below it and the highest everything above it (capaian can be negative,
    or above any bound). Bands keep the order they were written in."""
    low = lambda b: (b.min is not None, b.min if b.min is not None else 0, not b.min_incl)
    order = sorted(bands, key=low)
    for a, b in zip(order, order[1:]):
        if a.max is None or b.min is None or a.max != b.min or a.max_incl == b.min_incl:
            raise ConfigError(f"skala '{name}': band '{a.label}' dan '{b.label}' harus bersambung tanpa celah atau "
                              f"tumpang tindih (batas atas '{a.label}' = batas bawah '{b.label}', dan batas itu "
                              f"milik salah satunya saja)")
    out = []
    for b in bands:
        open_ends = {**({"min": None} if b is order[0] else {}), **({"max": None} if b is order[-1] else {})}
        b = replace(b, **open_ends)
        out.append(b if b.text else replace(b, text=_band_text(b)))
    return tuple(out)


def _band_text(b: Band) -> str:
    """'≥ 85 – < 100', '> 100', '< 50': the band as Tabel 3.1 shows it."""
    num = lambda x: f"{x.normalize():f}".replace(".", ",")
    low = None if b.min is None else f"{'≥' if b.min_incl else '>'} {num(b.min)}"
    high = None if b.max is None else f"{'≤' if b.max_incl else '<'} {num(b.max)}"
    if low and high and b.min == b.max:
        return f"= {num(b.min)}"
    return " – ".join(x for x in (low, high) if x) or "semua nilai"


def _pick_scale(kind: str, value, presets: dict) -> Scale:
    if isinstance(value, dict):
        return _scale(value.get("name", "kustom"), value)
    if value not in presets[kind]:
        raise ConfigError(f"{kind} '{value}' tidak dikenal; pilihan: {', '.join(presets[kind])}")
    return _scale(value, presets[kind][value])


def load_settings(config_file: Path | None, overrides: dict) -> Settings:
    """Merge defaults < lkjip.toml < flags (flags that are None do not override)."""
    data: dict = {}
    if config_file is not None:
        try:
            data = tomllib.loads(config_file.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{config_file.name}: {exc}") from exc
    data.update({k: v for k, v in overrides.items() if v is not None})
    presets = load_yaml("presets.yaml")
    d = presets["defaults"]
    try:
        neg = str(data.get("negative_formula", d["negative_formula"]))
        if neg not in presets["negative_formulas"]:
            raise ConfigError(f"negative_formula '{neg}' tidak dikenal; pilihan: {', '.join(presets['negative_formulas'])}")
        tahun = data.get("tahun")
        return Settings(
            instansi=data.get("instansi"),
            kabupaten=data.get("kabupaten"),
            tahun=int(tahun) if tahun is not None else None,
            lang=data.get("lang", "id"),
            predikat=_pick_scale("predikat", data.get("predikat", d["predikat"]), presets),
            negative_formula=neg,
            efisiensi=_pick_scale("efisiensi", data.get("efisiensi", d["efisiensi"]), presets),
            efisiensi_requires_full_capaian=bool(data.get("efisiensi_requires_full_capaian", d["efisiensi_requires_full_capaian"])),
            menunjang_min_capaian=Decimal(str(data.get("menunjang_min_capaian", d["menunjang_min_capaian"]))),
            tolerance=Decimal(str(data.get("tolerance", d["tolerance"]))),
            cap_capaian=_dec(data.get("cap_capaian", d["cap_capaian"])),
            roles={str(k): str(v) for k, v in data.get("roles", {}).items()},
            aliases={str(r): {str(f): list(a) for f, a in m.items()} for r, m in data.get("aliases", {}).items()},
            titles={str(k): str(v) for k, v in data.get("judul", data.get("titles", {})).items()},
            numbers={str(k): str(v) for k, v in data.get("nomor", data.get("numbers", {})).items()},
            source=str(config_file) if config_file else None,
        )
    except (TypeError, ValueError, KeyError, AttributeError, ArithmeticError) as exc:
        raise ConfigError(f"isi konfigurasi tidak valid: {exc}") from exc
