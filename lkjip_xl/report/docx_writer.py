"""The Tabel and the Narasi → one .docx beside the workbook: a cover line, the tables of Bab II–IV in
report order, each with its number and title above and its footnote below, then the Narasi
paragraphs. A4; a table that does not fit the portrait text width gets a landscape section.

Written atomically (temporary file, then rename) and reproducibly (docx_save).
"""
from __future__ import annotations

import datetime
import io
import os
import re
import tempfile
from pathlib import Path
from typing import Iterable

from docx.enum.section import WD_SECTION

from lkjip_xl.report import docx_style as st
from lkjip_xl.report.docx_save import save_docx
from lkjip_xl.report.docx_table import add_table, fit_widths
from lkjip_xl.report.layout import Table
from lkjip_xl.errors import OutputError

__all__ = ["check_target", "docx_path", "render_docx", "write_docx"]

READABLE_CM = 2.4     # a text column narrower than this reads as a column of single words
CHAPTERS = {"2": "BAB II PERENCANAAN KINERJA", "3": "BAB III AKUNTABILITAS KINERJA", "4": "BAB IV PENUTUP"}


def output_error(key: str, path: Path, **params) -> OutputError:
    """The catalogue's output-<key> error (schemas/messages.yaml), rendered by the CLI in the user's language."""
    return OutputError(f"output-{key.replace('_', '-')}", path=str(path), **params)


def docx_path(xlsx: Path) -> Path:
    """The Word document's path: beside the workbook, same stem."""
    return Path(xlsx).with_suffix(".docx")


def _text_cm(section) -> float:
    return (section.page_width - section.left_margin - section.right_margin) / 360000


def _layout(table: Table, portrait_cm: float, landscape_cm: float) -> tuple[bool, list[float]]:
    """(landscape?, column widths in cm): portrait when no word or number has to break and every text
    column keeps READABLE_CM; landscape otherwise; as a last resort the workbook's proportions, scaled."""
    widths = fit_widths(table, portrait_cm)
    if widths and all(w >= READABLE_CM for w, c in zip(widths, table.columns) if c.fmt == "wrap"):
        return False, widths
    widths = fit_widths(table, landscape_cm)
    if widths:
        return True, widths
    total = sum(c.width for c in table.columns)
    return True, [landscape_cm * c.width / total for c in table.columns]


def _chapter(table: Table) -> str | None:
    m = re.match(r"Tabel (\d)\.", table.sheet)
    return m.group(1) if m else None


class _Paragraphs:
    """Paragraphs added in a named style. python-docx compares a style given by name or object with
    the document's default style, walking every style of the template each time (about 1 ms a
    paragraph); the style's id is looked up once and set on the paragraph's XML instead."""

    def __init__(self, doc):
        self.doc = doc
        self.ids: dict[str, str] = {}

    def add(self, text: str, style: str):
        if style not in self.ids:
            self.ids[style] = self.doc.styles[style].style_id
        p = self.doc.add_paragraph(text)
        p._p.style = self.ids[style]
        return p


def _build(tables: list[Table], narasi: list[str], *, instansi: str, tahun: int | None, template):
    doc = st.open_template(template)
    styles = _Paragraphs(doc)
    section = doc.sections[-1]
    landscape_now = False
    st.page_setup(section, landscape=False)
    portrait_cm = _text_cm(section)
    st.page_setup(section, landscape=True)
    landscape_cm = _text_cm(section)
    st.page_setup(section, landscape=False)

    styles.add("LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)", st.COVER)
    styles.add(instansi, st.COVER)
    styles.add(f"Tahun {tahun or '-'}", st.COVER)
    chapter = None
    for table in tables:
        landscape, widths = _layout(table, portrait_cm, landscape_cm)
        if landscape != landscape_now:
            section = doc.add_section(WD_SECTION.NEW_PAGE)
            st.page_setup(section, landscape)
            landscape_now = landscape
        if _chapter(table) != chapter:
            chapter = _chapter(table)
            if chapter in CHAPTERS:
                styles.add(CHAPTERS[chapter], st.HEADING)
        title = table.title
        for line in [*title[:2], " ".join(title[2:])]:
            if line:
                styles.add(line, st.TITLE)
        add_table(doc, table, widths)
        notes = table.notes or [""]
        for n, note in enumerate(notes):
            p = styles.add(note, st.NOTE)
            if n < len(notes) - 1:
                p.paragraph_format.space_after = 0     # one footnote block; the style's space closes it
    if landscape_now:
        section = doc.add_section(WD_SECTION.NEW_PAGE)
        st.page_setup(section, landscape=False)
    styles.add("Narasi (Bab III dan IV)", st.HEADING)
    for text in narasi:
        styles.add(text, st.BODY)
    doc.core_properties.title = f"LKjIP {instansi} {tahun or ''}".strip()
    return doc


def render_docx(tables: list[Table], narasi: list[str], *, instansi: str, tahun: int | None,
                created: datetime.datetime, template: str | Path | None = None) -> bytes:
    """The document's bytes; the same tables give the same bytes. Raises ConfigError for an unusable
    template, before anything is written."""
    doc = _build(tables, narasi, instansi=instansi, tahun=tahun, template=template)
    buffer = io.BytesIO()
    save_docx(doc, buffer, created)
    return buffer.getvalue()


def check_target(path: Path, protect: Iterable[Path] = ()) -> None:
    """Fail before the workbook is written when the document cannot be written either."""
    if any(_same(path, p) for p in protect):
        raise output_error("is_input", path)
    if path.is_dir():
        raise output_error("is_dir", path)
    if path.exists() and not os.access(path, os.W_OK):
        raise output_error("locked", path)


def write_docx(data: bytes, path: Path, *, protect: Iterable[Path] = ()) -> None:
    """Write the rendered document atomically (temporary file beside it, then rename)."""
    path = Path(path)
    check_target(path, protect)
    try:
        fd, name = tempfile.mkstemp(prefix=".~lkjip-", suffix=".docx", dir=path.parent)
    except OSError as exc:
        raise output_error("locked", path) from exc
    os.close(fd)
    tmp = Path(name)
    try:
        tmp.write_bytes(data)
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        os.replace(tmp, path)
    except PermissionError as exc:
        raise output_error("locked", path) from exc
    except OSError as exc:
        raise output_error("io", path, why=exc.strerror or str(exc)) from exc
    finally:
        tmp.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)          # the only portable way to read the umask is to set it
    os.umask(mask)
    return mask


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == Path(b).resolve()
    except OSError:
        return False

