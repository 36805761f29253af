#!/usr/bin/env python3
"""Writes the table test files: one fictional, anonymised survey export of a family-preservation
study (how caregivers, young people and practitioners describe their relationship with the social
worker), saved the ways it arrives in practice, plus a malformed corpus.

Run from this folder: python3 make.py   (needs openpyxl: pip install openpyxl)
"""
import csv
import datetime
import io
import zipfile

import openpyxl

HEADER = ["id", "role", "case", "date", "visits", "consent", "answer"]

ROWS = [
    ("R01", "caregiver", "Núñez family", datetime.date(2024, 3, 4), 6, True,
     "Renée actually listens. She rang back the same day when the boiler went, which nobody had done before."),
    ("R02", "caregiver", "Ó Briain family", datetime.date(2024, 3, 5), 4, True,
     "When Renée first came, I didn't trust her.\nShe said \"we're on the same side\", and I laughed.\n"
     "Now I ring her before I ring my sister."),
    ("R03", "young person", "Núñez family", datetime.date(2024, 3, 5), 6, True,
     "She talks to me and not just to Mum. I like that she remembers my football."),
    ("R04", "social worker", "Müller family", datetime.date(2024, 3, 6), 9, True,
     "Trust took about six weeks. Zoë tested me by cancelling twice; turning up anyway mattered more than the plan."),
    ("R05", "caregiver", "Müller family", datetime.date(2024, 3, 7), 9, False,
     "Honestly it depends on the day. Some visits feel like support, some feel like being checked up on."),
    ("R06", "grandparent", "Santos family", datetime.date(2024, 3, 8), 3, True,
     "José's worker explains things properly, in plain words. The last one used initials for everything."),
    ("R07", "caregiver", "Santos family", datetime.date(2024, 3, 8), 3, False, ""),
    ("R08", "social worker", "Ó Briain family", datetime.date(2024, 3, 11), 4, True,
     "Caseload is the problem. I want to do the slower work with Siobhán but I have eleven other families."),
    ("R09", "young person", "Dubois-Lefèvre family", datetime.date(2024, 3, 12), 5, True,
     "At first I thought she was there to take us away. Now I know she's there so we can stay together."),
    ("R10", "caregiver", "Dubois-Lefèvre family", datetime.date(2024, 3, 12), 5, True,
     "Hélène is kind but the meetings are still scary. Too many professionals round one table."),
    ("R11", "family support worker", "Núñez family", datetime.date(2024, 3, 14), 7, True,
     "Mornings improved once Tomás took on the school run; the relationship with the family is much warmer now."),
    ("R12", "caregiver", "Kowalczyk family", datetime.date(2024, 3, 15), 2, True,
     "Too early to say. She seems fair – she wrote down what I said in my words, not hers."),
]


def iso_rows():
    for r in ROWS:
        yield [r[0], r[1], r[2], r[3].isoformat(), str(r[4]), "true" if r[5] else "false", r[6]]


def write_csv(name, rows, delimiter, encoding, bom, date_format=None):
    out = io.StringIO(newline="")
    w = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    w.writerow(HEADER)
    for row in rows:
        row = list(row)
        if date_format:
            row[3] = datetime.date.fromisoformat(row[3]).strftime(date_format)
        w.writerow(row)
    data = out.getvalue().encode(encoding)
    with open(name, "wb") as f:
        f.write((b"\xef\xbb\xbf" if bom else b"") + data)


def write_xlsx(name):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Responses"
    ws.append(HEADER)
    for r in ROWS:
        ws.append([r[0], r[1], r[2], r[3], r[4], r[5], r[6] or None])
    for cell in ws["D"][1:]:
        cell.number_format = "dd/mm/yyyy"
    notes = wb.create_sheet("Notes")
    notes.append(["This sheet is not imported: only the first worksheet is."])
    wb.save(name)


def main():
    # Excel "CSV UTF-8": comma-separated, with a BOM, CRLF.
    write_csv("survey.csv", iso_rows(), ",", "utf-8", bom=True)
    # Excel "CSV (semicolon)" in a European locale: Windows-1252, semicolons, day-first dates.
    write_csv("survey-excel-eu.csv", iso_rows(), ";", "cp1252", bom=False, date_format="%d/%m/%Y")
    write_xlsx("survey.xlsx")

    # Malformed corpus.
    with open("ragged.csv", "wb") as f:
        f.write("id,role,answer\r\nR01,caregiver\r\nR02,social worker,She came back the next day.,extra note\r\n"
                "R03,young person,It's better now.\r\n".encode("utf-8"))
    with open("binary.csv", "wb") as f:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("photo.png", bytes(range(256)) * 4)
        f.write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + buf.getvalue())
    open("empty.csv", "wb").close()
    with open("survey.csv", "rb") as src, open("renamed-csv.xlsx", "wb") as dst:
        dst.write(src.read())
    # Two cells at opposite corners of the sheet: tiny on disk, 17 billion cells if laid out densely.
    wb = openpyxl.Workbook()
    wb.active["A1"] = "id"
    wb.active["XFD1048576"] = "answer"
    wb.save("far-apart-cells.xlsx")
    with open("survey.xlsx", "rb") as src:
        data = src.read()
    with open("truncated.xlsx", "wb") as f:
        f.write(data[: len(data) // 2])


if __name__ == "__main__":
    main()
