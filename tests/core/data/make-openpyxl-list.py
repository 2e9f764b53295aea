#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes openpyxl-list.xlsx, a supplier list as python3-openpyxl writes
# it: a title above the header, Vietnamese headers, numbers and a year as
# numeric cells, a date cell, inline Korean, and a second sheet.
# Run once with Debian's python3-openpyxl (3.0.9); the output is
# committed, so the tests do not need openpyxl.
import datetime
import sys

import openpyxl

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Danh sách"
ws.append(["DANH SÁCH DOANH NGHIỆP ĐỀ XUẤT – ĐỢT 2026"])
ws.append([])
ws.append(["Tên doanh nghiệp", "Tên tiếng Hàn", "Mã số thuế", "Tỉnh/thành",
           "Năm thành lập", "Số lao động", "Doanh thu (VNĐ)", "Ngày nhận hồ sơ"])
ws.append(["Công ty TNHH Điện tử Hưng Thịnh", "흥틴 전자", "0101234567", "Hà Nội",
           2009, 1250, 152000000000, datetime.date(2026, 3, 2)])
ws.append(["Công ty CP Khuôn mẫu Sao Mai", None, "0201112223", "Hải Phòng",
           1998, 80, 9500000000.0, datetime.date(2026, 3, 5)])
ws.append(["Công ty TNHH Cơ khí Đông Á", "동아 기계", "0301234567-001", "Bắc Ninh",
           2015, 320, None, None])
ws.append(["Công ty Nhựa Tân Tiến", None, "12345", "Hà Nội", 2020, 15, None, None])
ws.append(["Công ty Cơ khí Việt Hàn", None, "0401234567", "Đà Nẵng", 2012, -5, None, None])
other = wb.create_sheet("Ghi chú")
other.append(["Nguồn", "Sở Công Thương"])
wb.save(sys.argv[1] if len(sys.argv) > 1 else "openpyxl-list.xlsx")
