import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkjip_xl.report.terbilang import format_angka, format_rupiah, terbilang, terbilang_rupiah

CONTOH = [
    (0, "nol"),
    (1, "satu"),
    (9, "sembilan"),
    (10, "sepuluh"),
    (11, "sebelas"),
    (12, "dua belas"),
    (19, "sembilan belas"),
    (20, "dua puluh"),
    (21, "dua puluh satu"),
    (100, "seratus"),
    (101, "seratus satu"),
    (110, "seratus sepuluh"),
    (200, "dua ratus"),
    (1000, "seribu"),
    (1100, "seribu seratus"),
    (21000, "dua puluh satu ribu"),
    (101000, "seratus satu ribu"),
    (111000, "seratus sebelas ribu"),
    (1000000, "satu juta"),
    (1001000, "satu juta seribu"),
    (2001500, "dua juta seribu lima ratus"),
    (1000000000, "satu miliar"),
    (1000000000000, "satu triliun"),
    (10**15, "satu kuadriliun"),
    (
        19422400000,
        "sembilan belas miliar empat ratus dua puluh dua juta empat ratus ribu",
    ),
    (
        19092845159,
        "sembilan belas miliar sembilan puluh dua juta delapan ratus empat puluh "
        "lima ribu seratus lima puluh sembilan",
    ),
    (
        329554841,
        "tiga ratus dua puluh sembilan juta lima ratus lima puluh empat ribu "
        "delapan ratus empat puluh satu",
    ),
    (-1000, "minus seribu"),
]


@pytest.mark.parametrize(("n", "words"), CONTOH)
def test_terbilang_contoh(n, words):
    assert terbilang(n) == words


def test_terbilang_batas():
    assert terbilang(10**18 - 1).startswith("sembilan ratus sembilan puluh sembilan kuadriliun")
    with pytest.raises(ValueError):
        terbilang(10**18)
    with pytest.raises(ValueError):
        terbilang(-(10**18))


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "nol rupiah"),
        (19422400000, "sembilan belas miliar empat ratus dua puluh dua juta empat ratus ribu rupiah"),
        (Decimal("1000.50"), "seribu rupiah lima puluh sen"),
        (Decimal("1000.5"), "seribu rupiah lima puluh sen"),
        (Decimal("0.01"), "nol rupiah satu sen"),
        (Decimal("1.005"), "satu rupiah satu sen"),  # ROUND_HALF_UP
        (Decimal("1.004"), "satu rupiah"),
        (Decimal("99.995"), "seratus rupiah"),
        (Decimal("-2500.25"), "minus dua ribu lima ratus rupiah dua puluh lima sen"),
    ],
)
def test_terbilang_rupiah(amount, words):
    assert terbilang_rupiah(amount) == words


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (19422400000, "Rp19.422.400.000,00"),
        (0, "Rp0,00"),
        (-1000, "-Rp1.000,00"),
        (Decimal("1234567.891"), "Rp1.234.567,89"),
        (Decimal("0.005"), "Rp0,01"),
        (Decimal("-0.004"), "Rp0,00"),
        (Decimal("999.995"), "Rp1.000,00"),
        (10**17 + 1, "Rp100.000.000.000.000.001,00"),
    ],
)
def test_format_rupiah(amount, text):
    assert format_rupiah(amount) == text


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (19422400000, 0, "19.422.400.000"),
        (Decimal("98.3"), 2, "98,30"),
        (Decimal("-4.615"), 2, "-4,62"),
        (Decimal("4.625"), 2, "4,63"),
        (Decimal("2.5"), 0, "3"),
        (Decimal("1E+3"), 0, "1.000"),
        (999, 0, "999"),
        (-1234, 1, "-1.234,0"),
        (0, 3, "0,000"),
    ],
)
def test_format_angka(value, decimals, text):
    assert format_angka(value, decimals) == text


@pytest.mark.parametrize(
    "fn", [terbilang, terbilang_rupiah, format_rupiah, format_angka]
)
@pytest.mark.parametrize("bad", [1.5, 1000.0, "1000", True, None])
def test_tipe_ditolak(fn, bad):
    with pytest.raises(TypeError):
        fn(bad)


# --- independent parser for the round-trip property -------------------------

_ANGKA = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5,
    "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
}
_SE = {"sepuluh": 10, "sebelas": 11, "seratus": 100}
_PENGALI = {"puluh": 10, "ratus": 100}
_BESAR = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "triliun": 10**12, "kuadriliun": 10**15}


def _parse(words: str) -> int:
    tokens = words.split(" ")
    sign = 1
    if tokens[0] == "minus":
        sign, tokens = -1, tokens[1:]
    if tokens == ["nol"]:
        return 0
    total, grup, digit = 0, 0, None
    last_scale = float("inf")
    for tok in tokens:
        if tok in _ANGKA:
            assert digit is None, words
            digit = _ANGKA[tok]
            continue
        if tok in _SE:
            assert digit is None, words
            grup += _SE[tok]
        elif tok in _PENGALI:
            grup += digit * _PENGALI[tok]
        elif tok == "belas":
            grup += 10 + digit
        elif tok in _BESAR or tok == "seribu":
            scale = 1000 if tok == "seribu" else _BESAR[tok]
            if tok == "seribu":
                assert digit is None and grup == 0, words
                grup = 1
            else:
                grup += digit or 0
            assert 0 < grup < 1000 and scale < last_scale, words
            total += grup * scale
            last_scale, grup = scale, 0
        else:
            raise AssertionError(f"unknown token {tok!r} in {words!r}")
        digit = None
    return sign * (total + grup + (digit or 0))


@pytest.mark.parametrize(("n", "words"), CONTOH)
def test_parser_sendiri(n, words):
    assert _parse(words) == n


@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_terbilang_properti(n):
    words = terbilang(n)
    # A thousands group of exactly 1 is "seribu". "satu ribu" itself is legal
    # inside a larger group (21.000 "dua puluh satu ribu", 101.000 "seratus
    # satu ribu"), so only a standalone "satu ribu" is wrong.
    assert not re.search(r"(^|juta |miliar |triliun |kuadriliun )satu ribu", words)
    for salah in ("satu ratus", "satu puluh", "sepuluh satu"):
        assert salah not in words
    assert "  " not in words
    assert words == words.strip()
    assert _parse(words) == n


@given(st.integers(min_value=-(10**17), max_value=10**17), st.integers(0, 99))
def test_rupiah_properti(rupiah, sen):
    amount = Decimal(rupiah) + Decimal(sen) / 100 * (1 if rupiah >= 0 else -1)
    text = format_rupiah(amount)
    digits = text.replace("-", "").replace("Rp", "").replace(".", "").replace(",", ".")
    assert Decimal(digits) == abs(amount)
    assert text.startswith("-Rp") == (amount < 0)
