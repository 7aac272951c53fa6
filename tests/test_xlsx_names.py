"""xlsx/names.py: the rows a workbook's defined names point at, as Excel, xlsxwriter and LibreOffice
write them (quoted or not, &apos; escaped, #REF! after the row was deleted)."""
import zipfile

from lkjip_xl.xlsx.names import named_rows

WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/>
<definedNames>
<definedName name="LKJIP_CONTOH_1">'DPA'!$A$6:$J$6</definedName>
<definedName function="false" hidden="false" name="lkjip_contoh_2" vbProcedure="false">&apos;Realisasi Bulanan&apos;!$A$6:$E$7</definedName>
<definedName name="LKJIP_CONTOH_3">Realisasi!$A$9:$F$9</definedName>
<definedName name="LKJIP_CONTOH_4">'DPA'!#REF!</definedName>
<definedName name="LKJIP_CONTOH_5">'DPA'!$A:$A</definedName>
<definedName name="LKJIP_CONTOH_6">'DPA'!$A$1:$A$5000</definedName>
<definedName name="_xlnm.Print_Area" localSheetId="0">'DPA'!$A$1:$J$40</definedName>
<definedName name="Kop">'DPA'!$A$1</definedName>
</definedNames></workbook>"""


def test_named_rows(tmp_path):
    path = tmp_path / "x.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", WORKBOOK)
    assert named_rows(path, "LKJIP_CONTOH") == {"DPA": {6}, "Realisasi Bulanan": {6, 7}, "Realisasi": {9}}


def test_no_names_or_no_workbook(tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    assert named_rows(bad, "LKJIP_CONTOH") == {}
    other = tmp_path / "other.xlsx"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("word/document.xml", "<w/>")
    assert named_rows(other, "LKJIP_CONTOH") == {}
