"""Save a python-docx Document so that the same content gives the same bytes: fixed core
properties (python-docx stamps the current time) and fixed zip entry dates (zipfile stamps the
current time), entries in the order python-docx wrote them."""
from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

from docx.document import Document as DocxDocument

_ZIP_DATE = (1980, 1, 1, 0, 0, 0)      # the earliest date a zip entry can carry


def fix_properties(doc: DocxDocument, created: datetime.datetime, title: str = "") -> None:
    props = doc.core_properties
    props.author = props.last_modified_by = "lkjip-xl"
    props.title = title
    props.created = props.modified = props.last_printed = created
    props.revision = 1


def save_docx(doc: DocxDocument, target: Path | io.BytesIO, created: datetime.datetime | None = None) -> None:
    fix_properties(doc, created or datetime.datetime(2000, 1, 1), doc.core_properties.title or "")
    raw = io.BytesIO()
    doc.save(raw)
    raw.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            dst.writestr(info, src.read(item.filename))
    data = out.getvalue()
    if isinstance(target, io.BytesIO):
        target.write(data)
    else:
        Path(target).write_bytes(data)
