"""Every sentence the user reads about the inputs, rendered in one place from one catalogue,
schemas/messages.yaml: one template per code per language (id, en).

- `codes:`     findings (lkjip_xl.findings.Finding), with their default severity;
- `errors:`    why an input or the output cannot be used at all (lkjip_xl.errors, exit 2);
- `fragments:` parts of a message that are not the user's data: a reason, a level name, a column
               label, a role. A parameter holding one is a `Text`, rendered in the language of the
               sentence it is put in;
- `months:`    month names, the one list of them (`Month(n)` in a parameter);
- `cli:`, `cli-batch:` the command line's help and report lines (`words()`).

Nothing is ever translated from a finished sentence: a parameter is the user's data (file, sheet,
indicator and program names, a cell's text, kept as written), a number (formatted per language), a
`Text`/`Month`, or a list of these (joined with "; ").
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from lkjip_xl.schemas_io import load_yaml

LANGS = ("id", "en")


@lru_cache(maxsize=1)
def catalogue() -> dict:
    return load_yaml("messages.yaml")


def language(lang: str | None) -> str:
    return lang if lang in LANGS else "id"


class Text:
    """A fragment of a message from the catalogue's `fragments:` (or, given `section`, another
    section), with its parameters; rendered when the message it is put in is rendered."""

    __slots__ = ("code", "params", "section")

    def __init__(self, code: str, section: str = "fragments", **params):
        if code not in catalogue()[section]:
            raise KeyError(f"unknown {section} code {code!r}")
        self.code, self.params, self.section = code, params, section

    def render(self, lang: str = "id") -> str:
        return fill(catalogue()[self.section][self.code][language(lang)], self.params, lang)

    def __str__(self) -> str:
        return self.render("id")

    def __repr__(self) -> str:
        return f"Text({self.code!r}, {self.params!r})"

    def __eq__(self, other) -> bool:
        # equal to the same fragment, and to its Indonesian text (what a parameter held before)
        if isinstance(other, str):
            return self.render("id") == other
        return isinstance(other, Text) and (self.section, self.code, self.params) == (other.section, other.code, other.params)

    def __hash__(self) -> int:
        return hash(self.render("id"))


class Month:
    """A month (1-12) named in the language of the message."""

    __slots__ = ("n",)

    def __init__(self, n: int):
        self.n = int(n)

    def render(self, lang: str = "id") -> str:
        return month_name(self.n, lang)

    def __str__(self) -> str:
        return self.render("id")

    def __repr__(self) -> str:
        return f"Month({self.n})"

    def __eq__(self, other) -> bool:
        if isinstance(other, str):
            return self.render("id") == other
        return isinstance(other, Month) and other.n == self.n

    def __hash__(self) -> int:
        return hash(self.render("id"))


class Pair:
    """A word the program gives in both languages outside the catalogue: a scale's band label from
    presets.yaml or lkjip.toml (`label`, `label_en`)."""

    __slots__ = ("id", "en")

    def __init__(self, id_text: str, en_text: str | None = None):
        self.id, self.en = id_text, en_text or id_text

    def render(self, lang: str = "id") -> str:
        return self.en if language(lang) == "en" else self.id

    def __str__(self) -> str:
        return self.id

    def __repr__(self) -> str:
        return f"Pair({self.id!r}, {self.en!r})"


class RowNumber:
    """The row of a far-away cell address (U500000): Indonesian messages group its digits as they
    always have (U500.000), English ones write it as Excel does."""

    __slots__ = ("n",)

    def __init__(self, n: int):
        self.n = int(n)

    def render(self, lang: str = "id") -> str:
        return fmt(self.n, "id") if language(lang) == "id" else str(self.n)

    def __str__(self) -> str:
        return self.render("id")


def month_names(lang: str = "id") -> list[str]:
    "The twelve month names, January first."
    return list(catalogue()["months"][language(lang)])


def month_name(n: int, lang: str = "id") -> str:
    return catalogue()["months"][language(lang)][n - 1]


@lru_cache(maxsize=None)
def _words(section: str, lang: str) -> dict:
    out: dict = {}
    for key, entry in catalogue()[section].items():
        head, dot, sub = key.partition(".")
        if dot:
            out.setdefault(head, {})[None if sub == "none" else sub] = entry[lang]
        else:
            out[key] = entry[lang]
    return out


def words(section: str, lang: str = "id") -> dict:
    """A section of plain templates (`cli:`, `cli-batch:`) in one language, as key → template; a dotted
    key `roles.dpa` is an entry of the group `roles` (`roles.none`: the None key). Filled by the
    caller with str.format: these are the program's own sentences, with no finding to render."""
    return _words(section, language(lang))


def fragment(code: str, lang: str = "id", **params) -> str:
    "One fragment rendered at once (a label, a sheet title)."
    return Text(code, **params).render(lang)


def value(v, lang: str = "id") -> str:
    """A parameter as text: numbers per language, Text/Month in the language, lists joined."""
    if hasattr(v, "render"):
        return v.render(lang)
    if isinstance(v, (list, tuple)):
        return "; ".join(value(x, lang) for x in v)
    return fmt(v, lang)


def fill(template: str, params: dict, lang: str = "id") -> str:
    return template.format(**{k: value(v, lang) for k, v in params.items()})


def error(code: str, params: dict, lang: str = "id") -> str:
    "The sentence for an error code (schemas/messages.yaml `errors:`)."
    return fill(catalogue()["errors"][code][language(lang)], params, lang).strip()


def finding(f, lang: str = "id") -> str:
    """The sentence for a findings.Finding: its code's template (or its `variants:` entry named by
    the parameter `variant`), filled from its parameters and its kode, expected and actual values,
    then the sentences in the parameter `after`."""
    params = {"kode": f.kode or "", "expected": f.expected, "actual": f.actual, **f.params}
    entry = catalogue()["codes"][f.code]
    # one code, several situations (tahun-mismatch for one file or for --tahun): the variant's wording
    entry = entry.get("variants", {}).get(params.pop("variant", None), entry)
    after = params.pop("after", ())      # sentences said after the code's own (what an unknown cell stopped)
    text = fill(entry[language(lang)], params, lang).strip()
    return " ".join([text] + [value(x, lang) for x in after])


def fmt(v, lang: str = "id") -> str:
    """Numbers in the reader's convention: 19.422.400.000 and 94,21 (id) or 19,422,400,000 (en)."""
    if v is None:
        return "-"
    if isinstance(v, bool) or not isinstance(v, (int, Decimal)):
        return str(v)
    if isinstance(v, Decimal) and (v != v.to_integral_value() or v.as_tuple().exponent < 0):
        # at least 2 decimals (rupiah sen, percentages); more when an indicator was typed with more
        places = min(max(2, -v.normalize().as_tuple().exponent), 6)
        text = f"{v.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):,.{places}f}"
    else:
        text = f"{int(v):,}"
    if lang != "en":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text
