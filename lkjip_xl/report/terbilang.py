"""Indonesian number words ("terbilang") and rupiah formatting, exact (no floats).

Hand-written rather than using num2words: its Indonesian output is wrong on
cases such as 1.001.000 (it does not produce "satu juta seribu"), and LKJIP
documents need the words to match the figures exactly.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal

__all__ = ["terbilang", "terbilang_rupiah", "format_rupiah", "format_angka"]

SATUAN = (
    "nol", "satu", "dua", "tiga", "empat",
    "lima", "enam", "tujuh", "delapan", "sembilan",
)
# Group-of-three scale words, index = power of 1000.
SKALA = ("", "ribu", "juta", "miliar", "triliun", "kuadriliun")
BATAS = 1000 ** len(SKALA)  # 10**18, first value without a scale word



def _cek_tipe(value: object) -> None:
    # Money must never pass through binary floating point; bool is an int
    # subclass but is never a meaningful amount.
    if isinstance(value, float):
        raise TypeError("float tidak diterima; gunakan int atau decimal.Decimal")
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise TypeError(f"harus int atau decimal.Decimal, bukan {type(value).__name__}")
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError(f"nilai tidak hingga/NaN: {value}")


def _bulatkan(value: int | Decimal, decimals: int) -> Decimal:
    """Round half up to `decimals` places, with enough precision to stay exact."""
    d = Decimal(value)
    digits = max(d.adjusted() + 1, 1) + decimals + 2
    ctx = Context(prec=max(28, digits))
    return d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP, context=ctx)


def _ratusan(n: int) -> list[str]:
    """Words for 1 <= n <= 999."""
    words: list[str] = []
    ratus, sisa = divmod(n, 100)
    if ratus == 1:
        words.append("seratus")
    elif ratus:
        words += [SATUAN[ratus], "ratus"]
    puluh, satu = divmod(sisa, 10)
    if puluh == 1:
        if satu == 0:
            words.append("sepuluh")
        elif satu == 1:
            words.append("sebelas")
        else:
            words += [SATUAN[satu], "belas"]
    else:
        if puluh:
            words += [SATUAN[puluh], "puluh"]
        if satu:
            words.append(SATUAN[satu])
    return words


def terbilang(n: int) -> str:
    """Lowercase Indonesian words for an integer with |n| < 10**18."""
    _cek_tipe(n)
    if isinstance(n, Decimal):
        if n != n.to_integral_value():
            raise ValueError(f"terbilang hanya untuk bilangan bulat: {n}")
        n = int(n)
    if abs(n) >= BATAS:
        raise ValueError(f"di luar jangkauan (|n| < 10**18): {n}")
    if n < 0:
        return "minus " + terbilang(-n)
    if n == 0:
        return SATUAN[0]

    words: list[str] = []
    for idx in range(len(SKALA) - 1, -1, -1):
        grup = (n // 1000 ** idx) % 1000
        if not grup:
            continue
        if idx == 1 and grup == 1:
            # "seribu" is the one scale that fuses with "se-": 1.000 is
            # "seribu", never "satu ribu" — but only when the thousands group
            # is exactly 1 (21.000 "dua puluh satu ribu", 101.000 "seratus
            # satu ribu"). Juta/miliar/... keep "satu".
            words.append("seribu")
            continue
        words += _ratusan(grup)
        if SKALA[idx]:
            words.append(SKALA[idx])
    return " ".join(words)


def terbilang_rupiah(amount: int | Decimal) -> str:
    """Words for a rupiah amount, e.g. "seribu rupiah lima puluh sen".

    Decimals are rounded to whole sen (2 places, ROUND_HALF_UP).
    """
    _cek_tipe(amount)
    nilai = _bulatkan(amount, 2)
    tanda = "minus " if nilai < 0 else ""
    rupiah, sen = divmod(int(abs(nilai) * 100), 100)
    teks = f"{tanda}{terbilang(rupiah)} rupiah"
    if sen:
        teks += f" {terbilang(sen)} sen"
    return teks


def format_angka(value: int | Decimal, decimals: int = 0) -> str:
    """Indonesian number format: "." thousands, "," decimals, ROUND_HALF_UP."""
    _cek_tipe(value)
    if isinstance(decimals, bool) or not isinstance(decimals, int) or decimals < 0:
        raise ValueError(f"decimals harus int >= 0: {decimals!r}")
    nilai = _bulatkan(value, decimals)
    # No "-0,00": a value that rounds to zero carries no sign.
    tanda = "-" if nilai < 0 else ""
    teks = f"{abs(nilai):f}"
    bulat, _, pecahan = teks.partition(".")
    bulat = f"{int(bulat):,}".replace(",", ".")
    return f"{tanda}{bulat},{pecahan}" if decimals else f"{tanda}{bulat}"


def format_rupiah(amount: int | Decimal) -> str:
    """Rupiah with 2 decimals, e.g. "Rp19.422.400.000,00" or "-Rp1.000,00"."""
    teks = format_angka(amount, 2)
    return "-Rp" + teks[1:] if teks.startswith("-") else "Rp" + teks
