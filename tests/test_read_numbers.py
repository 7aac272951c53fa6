from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from lkjip_xl.read.numbers import BadNumber, from_float, parse_amount, parse_indicator


@pytest.mark.parametrize("text, value", [
    ("19.422.400.000", 19_422_400_000),
    ("Rp. 19.422.400.000,-", 19_422_400_000),
    ("Rp19.422.400.000,00", 19_422_400_000),
    ("19.422.400.000,50", Decimal("19422400000.50")),
    ("10,000,000", 10_000_000),
    ("10,000,000.25", Decimal("10000000.25")),
    ("(1.000)", -1000),
    ("-1.000", -1000),
    ("-", 0), ("–", 0), ("", 0), (None, 0), ("  ", 0),
    ("10.000", 10_000),
    ("4930000", 4_930_000),
    (8000000000.0, 8_000_000_000),
    (274.65999999999997, Decimal("274.66")),
    ("\u00a019.422.400.000\u200b", 19_422_400_000),
])
def test_parse_amount(text, value):
    assert parse_amount(text) == value
    assert not isinstance(parse_amount(text), float)


@pytest.mark.parametrize("text, value", [
    ("89,50", Decimal("89.50")), ("98,30 %", Decimal("98.30")), ("09,45", Decimal("9.45")),
    ("75.75", Decimal("75.75")), ("0.125", Decimal("0.125")), ("100", Decimal(100)), (89.5, Decimal("89.5")),
    ("-", None), ("", None), (None, None),
])
def test_parse_indicator(text, value):
    assert parse_indicator(text) == value


@pytest.mark.parametrize("text", ["1.234", "12,3,4", "2.5OO.000", "abc", "1.2.3", "1,23,456"])
def test_ambiguous_indicator_is_refused(text):
    with pytest.raises(BadNumber):
        parse_indicator(text)


@pytest.mark.parametrize("text", ["12,3,4", "2.5OO.000", "Rp abc", "1.23.456", "--5"])
def test_unreadable_amount_is_refused(text):
    with pytest.raises(BadNumber):
        parse_amount(text)


def _id(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@given(st.integers(min_value=0, max_value=10**15))
def test_rupiah_round_trip(n):
    for text in (_id(n), f"Rp{_id(n)},00", f"Rp. {_id(n)},-", f"{n:,}", str(n), f"({_id(n)})"):
        expected = -n if text.startswith("(") else n
        assert parse_amount(text) == expected, text


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_percentage_round_trip(d):
    whole, frac = f"{d:.2f}".split(".")
    for text in (f"{int(whole):,}".replace(",", ".") + "," + frac, f"{whole},{frac} %", f"{whole},{frac}"):
        assert parse_indicator(text) == d, text


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_from_float_is_exact_decimal(x):
    v = from_float(x)
    assert isinstance(v, (int, Decimal))
    assert float(v) == pytest.approx(x, rel=1e-14, abs=1e-9)
