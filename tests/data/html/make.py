#!/usr/bin/env python3
"""Regenerates the HTML test files (fictional, anonymised content written for Thicket's tests).

- focus_group_libreoffice.html: a Word document built with python-docx, exported to HTML by
  LibreOffice (`soffice --headless --convert-to html`): a real producer's export, with a head
  full of meta tags and styles, bold speaker labels, lists and a table.
- case_notes_1252.htm: a hand-written page in the style of an older case-management system
  export: windows-1252 bytes declared by <meta http-equiv>, entities, script and style, a
  comment, unclosed <p> and <li>, nested lists, a table and a <b>Name:</b> transcript.
- legacy_no_charset.htm: windows-1252 bytes with no charset declaration (legacy detection).
- bad/: files for the malformed-input tests (binary, only tags, empty).

Needs: pip install python-docx; LibreOffice (apt-get install libreoffice-writer-nogui).
Run from this folder: python3 make.py
"""
import os
import subprocess
import tempfile

from docx import Document

HERE = os.path.dirname(os.path.abspath(__file__))


def labelled(doc, label, text):
    p = doc.add_paragraph()
    p.add_run(label).bold = True
    p.add_run(" " + text)


def focus_group_docx(path):
    doc = Document()
    doc.add_heading("Practitioner Focus Group 2 – Keeping Families Together", level=1)
    doc.add_paragraph(
        "Held at the Riverside family centre, 9 May 2024. Four participants; all names are pseudonyms."
    )
    turns = [
        ("Facilitator:", "Let’s start with the referral itself. What happens in the first week?"),
        ("Siobhán:", "The first week is about getting through the door. If the parents think we’re the removal team, nothing else works."),
        ("Amara:", "I always say who I am on the doorstep, and that I’m not there to take anyone. Then I ask what a good day looks like for them."),
        ("Héloïse:", "From the parent advocate side, the first week is when people ring me crying. They’ve been sent a letter full of jargon."),
        ("Facilitator:", "So the letter is part of the problem?"),
        ("Siobhán:", "Very much. We rewrote ours last year – plain English, a photo of the worker, a mobile number that actually gets answered."),
        ("Amara:", "And we stopped writing “concerns” in bold at the top. It was the only word anyone remembered."),
        ("Héloïse:", "Parents noticed. One dad told me it was the first letter from the council he’d read to the end."),
        ("Facilitator:", "What still gets in the way?"),
        ("Siobhán:", "Caseloads. I’ve got twenty-two families and a duty week every month."),
        ("Amara:", "Turnover too. Some families have had four workers in a year, and they stop telling us anything."),
        ("Héloïse:", "And the waiting lists for the parenting groups: eleven weeks at the moment."),
    ]
    for label, text in turns:
        labelled(doc, label, text)
    doc.add_heading("Themes noted by the facilitator", level=2)
    for item in ["First contact and trust", "Written communication", "Workforce pressures"]:
        doc.add_paragraph(item, style="List Bullet")
    doc.add_heading("Participants", level=2)
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["Pseudonym", "Role", "Years in post"]):
        cell.text = text
    for row in [
        ("Siobhán", "Senior social worker", "9"),
        ("Amara", "Family support worker", "4"),
        ("Héloïse", "Parent advocate", "2"),
    ]:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    doc.add_paragraph("Recording stopped after 52 minutes.")
    doc.save(path)


CASE_NOTES = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<HTML>
<HEAD>
<META http-equiv="Content-Type" content="text/html; charset=windows-1252">
<TITLE>Case notes &ndash; Family F-0417</TITLE>
<STYLE type="text/css">
  body { font-family: Verdana; } td.label { font-weight: bold; }
</STYLE>
<SCRIPT language="JavaScript">
  function printPage() { if (a < b && c > d) { document.write("<p>not text</p>"); } }
</SCRIPT>
</HEAD>
<BODY onload="init()">
<!-- exported by CaseView 4.2; do not edit -->
<H2>Case notes: Family F-0417</H2>
<TABLE border=1 cellpadding=2>
<TR><TD class=label>Worker</TD><TD>Ren\xe9e Douglas</TD></TR>
<TR><TD class=label>Allocated</TD><TD>03/01/2024</TD></TR>
<TR><TD class=label>Status</TD><TD>Open &ndash; family preservation</TD></TR>
</TABLE>
<P>Phone call with the children\x92s grandmother, 12 January 2024. Notes typed up from my pad the same afternoon;
   quotes are close to verbatim.
<P><B>Ren\xe9e:</B> Thanks for ringing back, Mrs Kowalczyk. I wanted to check how the weekend went.
<P><B>Mrs Kowalczyk:</B> Better than the last one. Kacper slept through &amp; Lena ate her tea without a fuss.
<P><B>Ren\xe9e:</B> That\x92s good to hear. Did their mum manage the Saturday visit?
<P><B>Mrs Kowalczyk:</B> She came at ten, like she said. She was a bit quiet, but she stayed the whole morning.
<P><B>Ren\xe9e:</B> And you &ndash; how are you coping with the school runs?
<P><B>Mrs Kowalczyk:</B> My knee\x92s bad, I won\x92t lie. The neighbour helps on Tuesdays&hellip;
<H3>Actions</H3>
<UL>
<LI>Ask the school about breakfast club for Kacper
<LI>Refer Mrs Kowalczyk to the kinship carers\x92 group
  <UL><LI>Check the Thursday session has a crèche</UL>
<LI>Next home visit: Friday 19 January
</UL>
<P>Signed: R. Douglas &nbsp;&nbsp; (family support worker)
</BODY>
</HTML>
"""

LEGACY = """<html><body>
<h3>Observation \x96 contact session, 5 February 2024</h3>
<p>The caf\xe9 at the contact centre was busy. Zo\xeb arrived early and set out the crayons; Jos\xe9 came ten minutes late,
apologising \x93for the buses\x94.</p>
<p>Both children were na\xefve about the recording \x96 they asked if the microphone was a toy.</p>
</body></html>
"""


def main():
    with tempfile.TemporaryDirectory() as tmp:
        docx = os.path.join(tmp, "focus_group_libreoffice.docx")
        focus_group_docx(docx)
        subprocess.run(["soffice", "--headless", "--convert-to", "html", "--outdir", HERE, docx], check=True,
                       stdout=subprocess.DEVNULL)
    with open(os.path.join(HERE, "case_notes_1252.htm"), "wb") as f:
        f.write(CASE_NOTES.encode("latin-1"))
    with open(os.path.join(HERE, "legacy_no_charset.htm"), "wb") as f:
        f.write(LEGACY.encode("latin-1"))
    bad = os.path.join(HERE, "bad")
    os.makedirs(bad, exist_ok=True)
    with open(os.path.join(bad, "binary.html"), "wb") as f:
        # A PNG renamed to .html: NUL bytes in the first few bytes.
        f.write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00<html>")
    with open(os.path.join(bad, "only_tags.html"), "wb") as f:
        f.write(b"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>p{}</style></head>"
                b"<body><div><p></p><br><img src=\"photo.jpg\" alt=\"\"></div><!-- nothing here --></body></html>\n")
    open(os.path.join(bad, "empty.html"), "wb").close()


if __name__ == "__main__":
    main()
