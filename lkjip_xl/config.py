"""Settings: defaults from schemas/presets.yaml (its `settings:` section, the only place they are
written), then lkjip.toml, then command-line flags. Every key and value is checked against that
section: an unknown key or a value of the wrong type is a ConfigError naming the key and the nearest
known one, never silently ignored."""
from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

from lkjip_xl.errors import ConfigError
from lkjip_xl.messages import Text
from lkjip_xl.schemas_io import load_yaml

__all__ = ["Band", "Scale", "Settings", "ConfigError", "load_settings", "describe_scale"]


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
    label_en: str | None = None     # the label in English (--lang en: Ringkasan, consolidation)

    def name(self, lang: str = "id") -> str:
        """The label in `lang`: the Tabel sheets stay Indonesian; English where the contract asks for it."""
        return self.label_en if lang == "en" and self.label_en else self.label

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

    def label(self, label: str | None, lang: str = "id") -> str | None:
        """A label this scale gave (Indonesian), in `lang`; a label it does not know stays as written."""
        band = next((b for b in self.bands if b.label == label), None)
        return band.name(lang) if band else label


@dataclass
class Settings:
    """The settings of one run; made by load_settings (the defaults are in presets.yaml only)."""
    instansi: str | None
    kabupaten: str | None
    tahun: int | None
    lang: str
    predikat: Scale
    negative_formula: str
    efisiensi: Scale
    efisiensi_requires_full_capaian: bool
    menunjang_min_capaian: Decimal
    tolerance: Decimal
    cap_capaian: Decimal | None
    roles: dict[str, str]
    aliases: dict[str, dict[str, list[str]]]
    titles: dict[str, str]
    numbers: dict[str, str]     # sheet → table number printed in its title
    template_docx: Path | None    # an office's own Word template for the .docx (beside lkjip.toml)
    source: str | None
    deviasi: Scale = None       # RFK status bands (presets.yaml "deviasi")

    @property
    def presets(self) -> dict:
        return load_yaml("presets.yaml")

    def formula(self, polaritas_negative: bool) -> dict:
        p = self.presets
        return p["negative_formulas"][self.negative_formula] if polaritas_negative else p["positive_formula"]


def _dec(v):
    return None if v is None else Decimal(str(v))


def _near(word: str, known) -> Text:
    """`did you mean` the nearest known name, or the list of known names when none is near."""
    known = [str(k) for k in known]
    close = difflib.get_close_matches(str(word), known, n=1, cutoff=0.6)
    return Text("did-you-mean", near=close[0]) if close else Text("known-keys", known=", ".join(known))


def _choice(key: str, value, choices) -> ConfigError:
    choices = [str(c) for c in choices]
    close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
    hint = Text("did-you-mean-choices", near=close[0], choices=", ".join(choices)) if close else \
        Text("choices", choices=", ".join(choices))
    return ConfigError("config-unknown-choice", key=key, value=value, hint=hint)


def _bad(key: str, value, expected: str) -> ConfigError:
    shown = f'"{value}"' if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else \
        "{…}" if isinstance(value, dict) else "[…]" if isinstance(value, list) else str(value)
    return ConfigError("config-bad-value", key=key, value=shown, expected=Text(f"type-{expected}"))


def _only(key_prefix: str, table: dict, known) -> None:
    for k in table:
        if k not in known:
            raise ConfigError("config-unknown-key", key=f"{key_prefix}{k}", hint=_near(k, known))


def _number(key: str, v) -> Decimal:
    if isinstance(v, bool) or not isinstance(v, (int, float, str)):
        raise _bad(key, v, "number")
    try:
        d = Decimal(str(v).strip())
    except InvalidOperation:
        raise _bad(key, v, "number") from None
    if not d.is_finite():
        raise _bad(key, v, "number")
    return d


def _text(key: str, v) -> str:
    if not isinstance(v, str):
        raise _bad(key, v, "text")
    return v


def _year(key: str, v) -> int:
    if isinstance(v, str) and v.strip().isdigit():
        v = int(v.strip())
    if isinstance(v, bool) or not isinstance(v, int) or not 1990 <= v <= 2100:
        raise _bad(key, v, "year")
    return v


def _names(key: str, v) -> dict[str, str]:
    if not isinstance(v, dict) or any(isinstance(x, (dict, list)) for x in v.values()):
        raise _bad(key, v, "table")
    return {str(k): str(x) for k, x in v.items()}


def _roles(key: str, v) -> dict[str, str]:
    roles = _names(key, v)
    known = list(load_yaml("aliases.yaml")["roles"])
    for k, role in roles.items():
        if role not in known:
            raise _choice(f"{key}.{k}", role, known)
    return roles


def _aliases(key: str, v) -> dict[str, dict[str, list[str]]]:
    if not isinstance(v, dict):
        raise _bad(key, v, "aliases")
    roles = load_yaml("aliases.yaml")["roles"]
    _only(f"{key}.", v, roles)
    out = {}
    for role, fields in v.items():
        if not isinstance(fields, dict):
            raise _bad(f"{key}.{role}", fields, "aliases")
        _only(f"{key}.{role}.", fields, roles[role]["fields"])
        for f, headers in fields.items():
            if isinstance(headers, str):
                headers = [headers]
            if not isinstance(headers, list) or not all(isinstance(h, str) for h in headers):
                raise _bad(f"{key}.{role}.{f}", headers, "aliases")
        out[str(role)] = {str(f): [h] if isinstance(h, str) else list(h) for f, h in fields.items()}
    return out


def _scale(name: str, spec: dict, key: str, label: str | None = None) -> Scale:
    """A Scale from presets.yaml or lkjip.toml; errors name it as `label` (default: its name)."""
    label = label or name
    presets = load_yaml("presets.yaml")
    _only(f"{key}.", spec, presets["scale_keys"])
    if not isinstance(spec.get("bands"), list) or not spec["bands"]:
        raise ConfigError("config-scale-no-bands", name=label)
    bands = []
    for i, b in enumerate(spec["bands"], start=1):
        where = f"{key}.bands[{i}]"
        if not isinstance(b, dict) or not str(b.get("label", "")).strip():
            raise ConfigError("config-band-no-label", name=label)
        _only(f"{where}.", b, presets["band_keys"])
        for edge in ("min", "max"):
            if b.get(edge) is not None:
                _number(f"{where}.{edge}", b[edge])
        for flag in ("min_incl", "max_incl"):
            if flag in b and not isinstance(b[flag], bool):
                raise _bad(f"{where}.{flag}", b[flag], "bool")
        bands.append(Band(label=str(b["label"]).strip(), min=_dec(b.get("min")), min_incl=bool(b.get("min_incl", True)),
                          max=_dec(b.get("max")), max_incl=bool(b.get("max_incl", False)), text=str(b.get("text", "")),
                          color=b.get("color"), keterangan=str(b.get("keterangan", "")),
                          label_en=str(b["label_en"]).strip() if b.get("label_en") else None))
    return Scale(name=name, title=str(spec.get("title", name)), bands=_cover(label, bands))


def _cover(name: str, bands: list[Band]) -> tuple[Band, ...]:
    """Bands must meet without gap or overlap, so every capaian has exactly one predikat. The lowest
    band takes everything below it and the highest everything above it (capaian can be negative,
    or above any bound). Bands keep the order they were written in."""
    low = lambda b: (b.min is not None, b.min if b.min is not None else 0, not b.min_incl)
    order = sorted(bands, key=low)
    for a, b in zip(order, order[1:]):
        if a.max is None or b.min is None or a.max != b.min or a.max_incl == b.min_incl:
            raise ConfigError("config-bands-gap", name=name, a=a.label, b=b.label)
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


def _pick_scale(kind: str, value) -> Scale:
    presets = load_yaml("presets.yaml")
    if isinstance(value, dict):
        return _scale(str(value.get("name", "kustom")), value, kind, str(value.get("name", kind)))
    if not isinstance(value, str):
        raise _bad(kind, value, "scale")
    if value not in presets[kind]:
        raise _choice(kind, value, presets[kind])
    return _scale(value, presets[kind][value], kind)


def describe_scale(scale: Scale) -> str:
    """'Sangat Baik (Lebih dari 100%), Baik (≥ 85% – 100%), …': a scale in one line, for help texts."""
    return ", ".join(f"{b.label} ({b.text})" for b in scale.bands)


def preset_scales(kind: str) -> dict[str, Scale]:
    "The scales presets.yaml offers for `kind` (predikat, efisiensi), by name."
    return {name: _scale(name, spec, kind) for name, spec in load_yaml("presets.yaml")[kind].items()}


def _read_toml(config_file: Path) -> dict:
    try:
        return tomllib.loads(config_file.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError("config-unreadable", file=config_file.name, why=exc) from exc


def _beside(config_file: Path | None, value) -> Path | None:
    """A path written in lkjip.toml, relative to the folder of that file."""
    if value in (None, ""):
        return None
    path = Path(str(value)).expanduser()
    return path if path.is_absolute() or config_file is None else Path(config_file).parent / path


def _layer(below: dict, above: dict) -> dict:
    """`above` wins key by key; tables ([roles], [aliases.dpa] …) are merged, not replaced."""
    out = dict(below)
    for key, value in above.items():
        out[key] = _layer(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _same(a: Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def load_settings(config_file: Path | None, overrides: dict, defaults_file: Path | None = None) -> Settings:
    """Merge defaults < defaults_file (for `batch`: the kabupaten's lkjip.toml, checked on its own
    first) < lkjip.toml < flags (flags that are None do not override)."""
    data: dict = _read_toml(config_file) if config_file is not None else {}
    if defaults_file is not None and not (config_file is not None and _same(config_file, defaults_file)):
        below = _read_toml(Path(defaults_file))
        if isinstance(below.get("template_docx"), str) and below["template_docx"]:
            # a path in the kabupaten's lkjip.toml is relative to that file, not to the office's
            below["template_docx"] = str(_beside(Path(defaults_file), below["template_docx"]))
        data = _layer(below, data)
    try:
        return _settings(data, overrides, config_file)
    except ConfigError as exc:
        if exc.file is None and config_file is not None:
            exc.file = config_file.name
        raise


def _settings(data: dict, overrides: dict, config_file: Path | None) -> Settings:
    presets = load_yaml("presets.yaml")
    known = presets["settings"]
    _only("", data, known)
    given = {k: v for k, v in overrides.items() if v is not None}
    _only("", given, known)
    values = {}
    for key, spec in known.items():
        if spec.get("same_as"):
            continue
        twins = [key] + [k for k, s in known.items() if s.get("same_as") == key]
        source = next((src for src in (given, data) for k in twins if k in src), None)
        name = next((k for k in twins if source is not None and k in source), key)
        raw = source[name] if source is not None else spec["default"]
        values[key] = _check(name, spec["type"], raw, presets)
    return Settings(
        instansi=values["instansi"], kabupaten=values["kabupaten"], tahun=values["tahun"], lang=values["lang"],
        predikat=values["predikat"], negative_formula=values["negative_formula"], efisiensi=values["efisiensi"],
        efisiensi_requires_full_capaian=values["efisiensi_requires_full_capaian"],
        menunjang_min_capaian=values["menunjang_min_capaian"], tolerance=values["tolerance"],
        cap_capaian=values["cap_capaian"], roles=values["roles"], aliases=values["aliases"], titles=values["judul"],
        numbers=values["nomor"], template_docx=_beside(config_file, values["template_docx"]),
        source=str(config_file) if config_file else None, deviasi=values["deviasi"])


def _check(key: str, kind: str, v, presets: dict):
    """The value of one setting, checked against its type in presets.yaml."""
    if v is None and kind in ("text", "year", "number"):
        return None
    if kind == "text":
        return _text(key, v)
    if kind == "year":
        return _year(key, v)
    if kind == "number":
        return _number(key, v)
    if kind == "bool":
        if not isinstance(v, bool):
            raise _bad(key, v, "bool")
        return v
    if kind == "lang":
        if v not in ("id", "en"):
            raise _choice(key, v, ("id", "en"))
        return v
    if kind == "scale":
        return _pick_scale(key, v)
    if kind == "negative_formula":
        if not isinstance(v, str) or v not in presets["negative_formulas"]:
            raise _choice(key, v, presets["negative_formulas"])
        return v
    if kind == "names":
        return _names(key, v)
    if kind == "roles":
        return _roles(key, v)
    if kind == "aliases":
        return _aliases(key, v)
    raise KeyError(f"presets.yaml: unknown setting type {kind!r} for {key}")
