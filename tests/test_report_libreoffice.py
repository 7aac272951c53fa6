"""Open the report in a real spreadsheet program (LibreOffice, recalculation forced on load) and
check that every formula recalculates to the value the workbook cached."""
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from lkjip_xl.pipeline import build

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")

PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def convert(src: Path, outdir: Path, profile: Path, fmt: str = "xlsx") -> Path:
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(PROFILE)
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", fmt,
                    "--outdir", str(outdir), str(src)], check=True, capture_output=True, timeout=300)
    out = outdir / (src.stem + "." + fmt)
    assert out.is_file()
    return out


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory, sample_dir):
    tmp = tmp_path_factory.mktemp("lo")
    _, report = build([sample_dir], output=tmp / "report.xlsx")
    probe = tmp / "probe.xlsx"
    wb = xlsxwriter.Workbook(probe)
    wb.add_worksheet("S").write_formula("A1", "=1+1", None, 5)     # a deliberately wrong cached value
    wb.close()
    outdir = tmp / "converted"
    return report, convert(report, outdir, tmp / "profile"), convert(probe, outdir, tmp / "profile"), tmp


def test_libreoffice_really_recalculates(recalculated):
    probe = recalculated[2]
    assert openpyxl.load_workbook(probe, data_only=True)["S"]["A1"].value == 2


def _same(a, b) -> bool:
    if a in (None, "") and b in (None, ""):
        return True
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-9 * max(1, abs(a))
    return a == b


def recalculated_mismatches(report: Path, converted: Path, sheet: str | None = None) -> tuple[int, list]:
    """How many formula cells `report` has (on `sheet`, or on all), and those whose value
    LibreOffice's recalculation (`converted`) gives differently from the value cached in `report`."""
    cached = openpyxl.load_workbook(report, data_only=True)
    again = openpyxl.load_workbook(converted, data_only=True)
    checked, wrong = 0, []
    for ws in openpyxl.load_workbook(report, data_only=False).worksheets:
        if sheet is not None and ws.title != sheet:
            continue
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("="):
                    checked += 1
                    a, b = cached[ws.title][c.coordinate].value, again[ws.title][c.coordinate].value
                    if not _same(a, b):
                        wrong.append((ws.title, c.coordinate, c.value, a, b))
    return checked, wrong


def test_every_recalculated_value_equals_the_cached_one(recalculated):
    report, converted, _, _ = recalculated
    checked, wrong = recalculated_mismatches(report, converted)
    assert checked > 200
    assert wrong == []


def test_renders_to_pdf(recalculated):
    report, _, _, tmp = recalculated
    pdf = convert(report, tmp / "pdf", tmp / "profile", "pdf")
    assert pdf.stat().st_size > 10_000
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
        assert pages >= 14          # at least one page per sheet


PDFINFO = shutil.which("pdfinfo")


@pytest.mark.skipif(PDFINFO is None, reason="pdfinfo (poppler-utils) is not installed; .ci/run installs it")
def test_word_document_renders_on_a4(recalculated):
    """LibreOffice Writer opens the .docx: 13 A4 pages for the sample (cover and Bab II, the landscape
    sections for Tabel 3.3, 3.5, 3.7-3.8, the Narasi), every Tabel title and the totals on them."""
    report, _, _, tmp = recalculated
    document = report.with_suffix(".docx")
    pdf = convert(document, tmp / "docx-pdf", tmp / "profile", "pdf")
    info = subprocess.run([PDFINFO, "-f", "1", "-l", "99", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    sizes = [tuple(round(float(x)) for x in m) for m in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
    assert 11 <= pages <= 15, pages        # 13 here; fonts differ a little between machines
    assert len(sizes) == pages and all(s in {(595, 842), (842, 595)} for s in sizes)     # A4 only
    assert sum(1 for w, h in sizes if w > h) >= 3
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for n in ["2.1", "2.2", "2.3"] + [f"3.{k}" for k in range(1, 10)] + ["4.1"]:
        assert f"Tabel {n}" in text
    assert "19.422.400.000" in text and "19.092.845.159" in text and "94,21" in text
