#!/usr/bin/env python3
"""Regenerates the RTF test files (fictional, anonymised content written for Thicket's tests).

- home_visit_interview.rtf: a Word document built with python-docx, converted to RTF by
  LibreOffice (`soffice --headless --convert-to rtf`): a real producer's RTF with a font table,
  style sheet, info, list tables, \\listtext markers, a table and \\uN escapes.
- wordpad_fieldnote.rtf: a field note in the style WordPad (RichEdit) writes, written by hand
  here: \\ansicpg1252, \\'hh bytes, \\uN with \\uc1, a {\\*\\generator} destination.
- bad/: damaged files for the malformed-input tests (truncated, unbalanced, not RTF, empty).

Needs: pip install python-docx; LibreOffice (apt-get install libreoffice-writer-nogui).
Run from this folder: python3 make.py
"""
import os
import subprocess
import tempfile

from docx import Document
from docx.shared import Pt

HERE = os.path.dirname(os.path.abspath(__file__))


def labelled(doc, label, text):
    """A transcript paragraph whose speaker label is bold, as transcribers type it."""
    p = doc.add_paragraph()
    p.add_run(label).bold = True
    p.add_run(" " + text)


def interview_docx(path):
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    doc.add_heading("Family Preservation Study – Home Visit Interview 7", level=1)
    doc.add_paragraph(
        "Recorded at the family’s home on 14 March 2024. All names are pseudonyms; "
        "the children were at school during the interview."
    )
    doc.add_heading("Transcript", level=2)
    turns = [
        ("[00:00:05] Interviewer:", "Thank you both for having me. Could you start by telling me how the first weeks with the family support team went?"),
        ("[00:00:19] Zoë:", "Honestly? I was terrified. When the letter came I thought they’d come to take the kids, and I couldn’t sleep for days."),
        ("[00:00:41] José:", "I was angry more than scared. Nobody explained what “preservation” meant, it just sounded like another inspection."),
        ("[00:01:02] Interviewer:", "What changed that for you, if anything did?"),
        ("[00:01:10] Zoë:", "Renée, our worker. She sat on the floor with Mateo and built the Lego garage with him before she asked me a single question."),
        ("[00:01:33] José:", "She came back when she said she would. Every Tuesday, half past four, even the week of the snow."),
        ("[00:01:52] Interviewer:", "And the parenting sessions at the family centre, how did those feel?"),
        ("[00:02:04] Zoë:", "Awkward at first – the other mums all knew each other. By the third week I was the one bringing the biscuits."),
        ("[00:02:27] José:", "I still don’t like the role-play bits. But the budgeting session helped; we cleared the gas arrears by February."),
    ]
    for label, text in turns:
        labelled(doc, label, text)
    doc.add_heading("Support received", level=2)
    for item in [
        "Weekly home visits from the family support worker",
        "Six parenting sessions at the family centre",
        "Referral to the debt advice service",
    ]:
        doc.add_paragraph(item, style="List Bullet")
    doc.add_heading("Agreed next steps", level=2)
    for item in [
        "Review meeting with the school nurse in April",
        "José to attend the fathers’ group on Thursdays",
        "Zoë to contact the housing officer about the damp",
    ]:
        doc.add_paragraph(item, style="List Number")
    doc.add_heading("Contact log", level=2)
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["Date", "Contact", "Notes"]):
        cell.text = text
    for row in [
        ("06/02/2024", "Home visit", "Both parents present; Mateo showed his reading book"),
        ("13/02/2024", "Phone call", "Zoë rang to rearrange; car broken down"),
        ("20/02/2024", "Home visit", "Gas arrears cleared; mood noticeably lighter"),
    ]:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    doc.add_paragraph("Interview ended at 00:02:45. Field notes written up the same evening.")
    doc.save(path)


def convert(src, fmt, out_dir):
    subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", out_dir, src], check=True,
                   stdout=subprocess.DEVNULL)


WORDPAD = (
    r"{\rtf1\ansi\ansicpg1252\deff0\nouicompat\deflang2057{\fonttbl{\f0\fnil\fcharset0 Calibri;}"
    r"{\f1\fnil\fcharset2 Symbol;}}" "\r\n"
    r"{\*\generator Riched20 10.0.19041}\viewkind4\uc1 " "\r\n"
    r"\pard\sa200\sl276\slmult1\b\f0\fs22\lang2057 Field note \endash  contact centre, 21 March 2024\b0\par" "\r\n"
    r"Observed a supervised contact between Ren\'e9e (mother) and her two children. The room was warm; "
    r"the children went straight to the dolls\rquote  house.\par" "\r\n"
    r"\i Reflection:\i0  the caf\'e9 staff knew the family by name, which seemed to settle Ren\'e9e.\line "
    r"Follow up with the social worker about the na\u239?ve remark on \ldblquote proper meals\rdblquote .\par" "\r\n"
    r"\pard{\pntext\f1\'B7\tab}{\*\pn\pnlvlblt\pnf1\pnindent0{\pntxtb\'B7}}\fi-360\li720\sa200 "
    r"Children arrived 10:05, collected 11:30\par" "\r\n"
    r"{\pntext\f1\'B7\tab}Mother brought fruit and a colouring book\par" "\r\n"
    r"\pard\sa200\sl276\slmult1 Names are pseudonyms. \u8212?Z.\par" "\r\n"
    "}\r\n\x00"
)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        docx = os.path.join(tmp, "home_visit_interview.docx")
        interview_docx(docx)
        convert(docx, "rtf", HERE)
    with open(os.path.join(HERE, "wordpad_fieldnote.rtf"), "wb") as f:
        f.write(WORDPAD.encode("ascii"))
    bad = os.path.join(HERE, "bad")
    os.makedirs(bad, exist_ok=True)
    real = open(os.path.join(HERE, "home_visit_interview.rtf"), "rb").read()
    # Cut in the middle of the transcript, as an interrupted download or copy leaves it.
    with open(os.path.join(bad, "truncated.rtf"), "wb") as f:
        f.write(real[: len(real) * 2 // 3])
    with open(os.path.join(bad, "unbalanced.rtf"), "wb") as f:
        f.write(rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\f0 Visit notes.}\par Mother: the rest was lost.\par}" b"\n")
    with open(os.path.join(bad, "not_rtf.rtf"), "wb") as f:
        f.write("Interviewer: this is a plain text file renamed to .rtf\nZoë: oh dear\n".encode("utf-8"))
    open(os.path.join(bad, "empty.rtf"), "wb").close()


if __name__ == "__main__":
    main()
