"""One indicator in two sheets or files (IKU and Renstra, IKU and PK): matched by its name's key
(read/names.py), else by its No within the same sasaran; two names that look alike but are not
matched are said (indikator-mirip), never silently left apart."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from lkjip_xl.check.model import Indicator
from lkjip_xl.read.headers import normalize
from lkjip_xl.read.names import indicator_key, similar_enough, similarity


def _no(text: str) -> Decimal | None:
    try:
        n = Decimal(str(text).strip().rstrip("."))
    except (InvalidOperation, ValueError):
        return None
    return n.normalize() if n.is_finite() else None


def _sasaran(ind: Indicator) -> str:
    return normalize(ind.sasaran).replace(" ", "")


def match(ref: list[Indicator], others: list[Indicator]) -> tuple[dict[int, Indicator], list[tuple[Indicator, Indicator]]]:
    """Which of `ref` each of `others` is (by position in `others`), and the (other, ref) pairs that
    are not matched but look alike. By key first; then, where both sheets number their indicators,
    the same No under the same sasaran, when the names share words; each ref is matched once."""
    by_key: dict[str, list[Indicator]] = {}
    for r in ref:
        by_key.setdefault(indicator_key(r.indikator), []).append(r)
    found: dict[int, Indicator] = {}
    used: set[int] = set()
    for i, o in enumerate(others):
        hit = next((r for r in by_key.get(indicator_key(o.indikator), []) if id(r) not in used), None)
        if hit is not None:
            found[i] = hit
            used.add(id(hit))
    by_place: dict[tuple, list[Indicator]] = {}
    for r in ref:
        if id(r) not in used and _no(r.no) is not None:
            by_place.setdefault((_no(r.no), _sasaran(r)), []).append(r)
    for i, o in enumerate(others):
        if i in found or _no(o.no) is None:
            continue
        cands = by_place.get((_no(o.no), _sasaran(o)), [])
        if len(cands) == 1 and id(cands[0]) not in used and similarity(o.indikator, cands[0].indikator) > 0:
            found[i] = cands[0]
            used.add(id(cands[0]))
    alike = []
    limit = similar_enough()
    left = [r for r in ref if id(r) not in used]
    for i, o in enumerate(others):
        if i in found or not left:
            continue
        best = max(left, key=lambda r: similarity(o.indikator, r.indikator))
        if similarity(o.indikator, best.indikator) >= limit:
            alike.append((o, best))
    return found, alike
