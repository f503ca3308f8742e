"""Writes the hand-made workbooks of tests/core/xlsx_test.cpp's damaged-sheet cases (minimal
SpreadsheetML: workbook, its relationships, one sheet with inline strings and numbers):
xlsx_unordered.xlsx (cells and rows out of order: read as if ordered) and
xlsx_duplicate_cell.xlsx (cell B2 twice: refused). Run: python3 make_xlsx_cases.py (this folder)."""
import zipfile

WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')


def s(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def n(ref, value):
    return f'<c r="{ref}"><v>{value}</v></c>'


def sheet(rows):
    body = "".join(f'<row r="{r}">{"".join(cells)}</row>' for r, cells in rows)
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            f'spreadsheetml/2006/main"><sheetData>{body}</sheetData></worksheet>')


def write(name, rows):
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", RELS)
        z.writestr("xl/worksheets/sheet1.xml", sheet(rows))


# id, a, b for units u1, u2 — rows 3 and 2 swapped, cells of each row in reverse order.
write("xlsx_unordered.xlsx", [(1, [s("C1", "b"), s("A1", "id"), s("B1", "a")]),
                              (3, [n("C3", 6), n("B3", 5), s("A3", "u2")]),
                              (2, [n("C2", 3), s("A2", "u1"), n("B2", 2)])])
write("xlsx_duplicate_cell.xlsx", [(1, [s("A1", "id"), s("B1", "a")]),
                                   (2, [s("A2", "u1"), n("B2", 2), n("B2", 7)])])
