"""Excel formula text for the output: capaian, predikat, serapan, sums. Cached values come from
the engine; these strings let the workbook recalculate the same numbers after an edit."""
from __future__ import annotations

from lkjip_xl.config import Scale, Settings


def quote(text: str) -> str:
    return '"' + str(text).replace('"', '""') + '"'


def capaian(t_ref: str, r_ref: str, negative: bool, settings: Settings) -> str:
    body = settings.formula(negative)["excel"].format(T=t_ref, R=r_ref)
    if settings.cap_capaian is not None:
        body = f"MIN({body},{settings.cap_capaian})"
    return f"ROUND({body},2)"


def ratio(num_ref: str, den_ref: str) -> str:
    return f"ROUND({num_ref}/{den_ref}*100,2)"


def _condition(ref: str, band) -> str:
    parts = []
    if band.min is not None:
        parts.append(f"{ref}{'>=' if band.min_incl else '>'}{band.min}")
    if band.max is not None:
        parts.append(f"{ref}{'<=' if band.max_incl else '<'}{band.max}")
    if not parts:
        return "TRUE"
    return parts[0] if len(parts) == 1 else f"AND({','.join(parts)})"


def classify(ref: str, scale: Scale, lang: str = "id") -> str:
    """Nested IF over a scale's half-open bands, giving each band's label in `lang`; a blank capaian
    stays blank."""
    expr = '""'
    for band in reversed(scale.bands):
        expr = f"IF({_condition(ref, band)},{quote(band.name(lang))},{expr})"
    return f'IF({ref}="","",{expr})'


def total(refs: list[str]) -> str:
    if not refs:
        return "0"
    # SUM takes at most 255 arguments; a long list is summed in chunks
    chunks = [refs[i:i + 200] for i in range(0, len(refs), 200)]
    return "+".join(f"SUM({','.join(c)})" for c in chunks)
