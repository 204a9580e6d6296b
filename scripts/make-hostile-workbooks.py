#!/usr/bin/env python3
"""Writes the hostile .xlsx files of tests/fixtures/errors/oews/.

- lying-sizes.xlsx: a sheet whose zip headers declare 1,000 bytes but which
  inflates to 20 MB (a zip bomb that hides from a check of declared sizes).
- long-header-cell.xlsx: a well-formed workbook whose first cell holds
  100,000 characters (a message must quote it cut short).

Run from the repository root: python3 scripts/make-hostile-workbooks.py
"""
import io
import struct
import zipfile

TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
BOOK = (
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
BOOK_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)
SHEET = "xl/worksheets/sheet1.xml"


def sheet(cell: bytes) -> bytes:
    return (
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
        + cell
        + b"</t></is></c></row></sheetData></worksheet>"
    )


def workbook(cell: bytes) -> bytearray:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        # A fixed date keeps the files byte for byte the same on every run.
        for name, data in (
            ("[Content_Types].xml", TYPES.encode()),
            ("_rels/.rels", RELS.encode()),
            ("xl/workbook.xml", BOOK.encode()),
            ("xl/_rels/workbook.xml.rels", BOOK_RELS.encode()),
            (SHEET, sheet(cell)),
        ):
            z.writestr(zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return bytearray(buf.getvalue())


def declare_size(b: bytearray, name: bytes, size: int) -> None:
    """Rewrites the uncompressed size of `name` in its local header and in
    the central directory."""
    for sig, size_at, name_len_at, name_at in (
        (b"PK\x03\x04", 22, 26, 30),
        (b"PK\x01\x02", 24, 28, 46),
    ):
        i = 0
        while (i := b.find(sig, i)) >= 0:
            n = struct.unpack("<H", b[i + name_len_at : i + name_len_at + 2])[0]
            if b[i + name_at : i + name_at + n] == name:
                b[i + size_at : i + size_at + 4] = struct.pack("<I", size)
            i += 4


liar = workbook(b"a" * (20 << 20))
declare_size(liar, SHEET.encode(), 1000)
open("tests/fixtures/errors/oews/lying-sizes.xlsx", "wb").write(liar)
open("tests/fixtures/errors/oews/long-header-cell.xlsx", "wb").write(workbook(b"OCC" * 33_334))
