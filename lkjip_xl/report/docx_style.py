"""The Word template: page setup and the named styles the report uses, defined in one place.

The shipped template (assets/lkjip-template.docx) is made by `make_template` from python-docx's
blank document. An office may give its own template (`template_docx` in lkjip.toml): any of these
styles it defines wins; those it lacks are added with the defaults below, so the report never
fails for want of a style.
"""
from __future__ import annotations

import zipfile
from importlib import resources
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from lkjip_xl.errors import ConfigError

TEMPLATE = "lkjip-template.docx"

# the style names the writer uses
COVER, HEADING, TITLE, CELL, HEAD, NOTE, BODY, TABLE = (
    "LKjIP Sampul", "LKjIP Bab", "LKjIP Judul Tabel", "LKjIP Isi Tabel", "LKjIP Kepala Tabel",
    "LKjIP Catatan Tabel", "LKjIP Narasi", "LKjIP Tabel")

HEADER_FILL = "D9D9D9"        # header rows and total rows, as in the workbook
PROGRAM_FILL = "F2F2F2"

# A4 with 1.5 cm side margins: 18 cm of text width in portrait, 26.7 cm in landscape
A4 = (Cm(21.0), Cm(29.7))
MARGINS = {"left_margin": Cm(1.5), "right_margin": Cm(1.5), "top_margin": Cm(2.0), "bottom_margin": Cm(2.0)}


def _paragraph_style(doc: DocxDocument, name: str, *, size: float, bold=False, italic=False, align=None,
                     before: float = 0, after: float = 0, keep_next=False, first_indent=None):
    styles = doc.styles
    if name in [s.name for s in styles]:
        return
    st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    st.base_style = styles["Normal"]
    st.quick_style = True
    font = st.font
    font.name, font.size, font.bold, font.italic = "Arial", Pt(size), bold, italic
    font.color.rgb = RGBColor(0, 0, 0)
    pf = st.paragraph_format
    pf.space_before, pf.space_after, pf.line_spacing = Pt(before), Pt(after), 1.0
    pf.keep_with_next = keep_next
    if align is not None:
        pf.alignment = align
    if first_indent is not None:
        pf.first_line_indent = first_indent


def ensure_styles(doc: DocxDocument) -> None:
    """Add every style the report uses that the document does not define yet."""
    _paragraph_style(doc, COVER, size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=4)
    _paragraph_style(doc, HEADING, size=12, bold=True, before=12, after=6, keep_next=True)
    _paragraph_style(doc, TITLE, size=10, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, keep_next=True)
    _paragraph_style(doc, CELL, size=9)
    _paragraph_style(doc, HEAD, size=9, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph_style(doc, NOTE, size=8, italic=True, before=2, after=10)
    _paragraph_style(doc, BODY, size=11, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=8, first_indent=Cm(1.0))
    if TABLE not in [s.name for s in doc.styles]:
        st = doc.styles.add_style(TABLE, WD_STYLE_TYPE.TABLE)
        st.base_style = doc.styles["Table Grid"]     # single borders on every cell


def page_setup(section, landscape: bool) -> None:
    """A4 in the orientation asked; the template's margins are kept (an office's own template may
    have wider ones), the shipped template's are MARGINS."""
    from docx.enum.section import WD_ORIENT

    width, height = A4
    if landscape:
        section.orientation, section.page_width, section.page_height = WD_ORIENT.LANDSCAPE, height, width
    else:
        section.orientation, section.page_width, section.page_height = WD_ORIENT.PORTRAIT, width, height


def make_template(path: Path) -> None:
    """Write the shipped template (run once when the styles change; see tests/test_docx.py)."""
    from lkjip_xl.report.docx_save import save_docx

    doc = Document()
    section = doc.sections[0]
    page_setup(section, landscape=False)
    for key, value in MARGINS.items():
        setattr(section, key, value)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(11)
    ensure_styles(doc)
    _page_number(section.footer.paragraphs[0])
    save_docx(doc, path)


def _page_number(paragraph) -> None:
    """'Halaman N' centred in the footer; later sections inherit it (their footers stay linked)."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("Halaman ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def open_template(path: str | Path | None) -> DocxDocument:
    """The office's template when given, else the shipped one; with every report style present."""
    if path is None:
        with resources.as_file(resources.files("lkjip_xl.report") / "assets" / TEMPLATE) as shipped:
            doc = Document(str(shipped))
    else:
        try:
            doc = Document(str(path))
        except (OSError, KeyError, ValueError, zipfile.BadZipFile, PackageNotFoundError) as exc:
            raise ConfigError("template-docx-unreadable", path=str(path), why=type(exc).__name__) from exc
    ensure_styles(doc)
    return doc
