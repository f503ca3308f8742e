#!/usr/bin/python3
"""Writes legacy.xls, an Excel 97-2003 (BIFF8) workbook, with Debian's python3-xlwt 1.3.0
(an independent writer). Run: /usr/bin/python3 validation/core/xlsx/generate_xls.py

cikit refuses .xls files with a clear "save it as .xlsx" error naming the file. Reading them
through Debian's FreeXL 1.0.6 (libfreexl-dev) was evaluated on this workbook and rejected
because FreeXL silently changes values:
  - error cells (#DIV/0!, #N/A; BOOLERR records) come back as the integer 1, like TRUE;
  - a date-formatted number with a fraction (43880.5) comes back as the date text
    "2020-02-19" (the fraction is lost);
  - formulas come back as empty cells (their cached values are not read).
A reader that turns #DIV/0! into 1 would give wrong scores without a warning.
"""
import os
import xlwt

here = os.path.dirname(os.path.abspath(__file__))
wb = xlwt.Workbook(encoding="utf-8")
ws = wb.add_sheet("城市数据")
ws.write(0, 0, "城市数据 title row")
for j, h in enumerate(["id", "num", "int", "flag", "day", "err", "txt"]):
    ws.write(1, j, h)
date = xlwt.easyxf(num_format_str="YYYY-MM-DD")
ws.write(2, 0, "a"); ws.write(2, 1, 0.1); ws.write(2, 2, 3); ws.write(2, 3, True)
ws.write(2, 4, 43997, date); ws.row(2).set_cell_error(5, "#DIV/0!"); ws.write(2, 6, "中文")
ws.write(3, 0, "b"); ws.write(3, 1, 1234567.891); ws.write(3, 2, -7); ws.write(3, 3, False)
ws.write(3, 4, 43880.5, date); ws.row(3).set_cell_error(5, 0x2A)  # 0x2A = #N/A
ws.write(3, 6, xlwt.Formula("B4*2"))
wb.add_sheet("notes").write(0, 0, "note")
wb.save(os.path.join(here, "legacy.xls"))
