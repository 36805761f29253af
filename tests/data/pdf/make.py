#!/usr/bin/env python3
"""Regenerates the PDF test files in this folder.

Needs: pip install fpdf2 (with Pillow), LibreOffice (`soffice`), the DejaVu fonts
(apt-get install fonts-dejavu-core) and qpdf. Run from anywhere: python3 make.py

All content is fictional, written for Thicket's tests (a child-protection
family-preservation study); any resemblance to real people is accidental.
"""
import os
import shutil
import subprocess
import tempfile

from fpdf import FPDF
from PIL import Image, ImageDraw

HERE = os.path.dirname(os.path.abspath(__file__))
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

# ---------------------------------------------------------------------------
# 1. An interview transcript made with fpdf2: one paragraph per turn, 6 pt
#    between paragraphs, a running footer, and explicit page breaks.
# ---------------------------------------------------------------------------

INTERVIEW_PAGES = [
    [
        ("h", "Family Preservation Study – Interview 7"),
        ("p", "Date: 14 March 2024\nLocation: the family home, north Leeds\nPresent: Dana Whitfield (researcher), Zoë Okafor (mother), José Ferreira (family support worker)"),
        ("p", "Dana: Thank you both for making the time. Could you start by telling me how the support from the family preservation team began?"),
        ("p", "Zoë: It started after the school rang children's services about Kai's attendance. I was frightened at first, honestly. I thought they had come to take the children, because that is what you hear on the estate."),
        ("p", "José: That fear comes up in almost every first visit. I try to say very early on that my job is to keep the family together, and then I have to prove it, week after week."),
    ],
    [
        ("p", "Dana: What did proving it look like in practice?"),
        ("p", "Zoë: He turned up when he said he would. That sounds small, but the last social worker cancelled three times in a month. José came on a Tuesday morning and helped me fill in the housing form at the kitchen table."),
        ("p", "José: The housing form was the thing keeping her awake at night, so that was where we started. The parenting work came later, once there was some trust between us."),
        ("p", "Dana: Zoë, was there a moment when that trust changed?"),
    ],
    [
        ("p", "Zoë: When Kai had his meltdown at the review meeting. Everyone was looking at me, and José said, calmly, that it was a normal reaction for a nine-year-old in a room full of strangers. Nobody had ever stuck up for me like that in a meeting."),
        ("p", "José: I remember that. I was worried the chair would read it as a safeguarding concern, so I wanted to name it before anyone else did."),
        ("p", "Dana: How do you both see the next six months?"),
    ],
    [
        ("p", "Zoë: Kai is going to school four days out of five now. I want to get that to five, and I want to start the college course in September."),
        ("p", "José: My plan is to step back gradually. We have agreed that I will visit fortnightly from April, and the case will close in the summer if things stay as they are."),
        ("p", "Dana: Thank you. That is everything I wanted to ask."),
    ],
]


class Transcript(FPDF):
    def footer(self):
        self.set_y(-15)
        self.set_font("DejaVu", size=9)
        self.cell(0, 10, f"Interview 7 · page {self.page_no()} of {{nb}}", align="C")


def interview_fpdf(path):
    pdf = Transcript(format="A4")
    pdf.add_font("DejaVu", "", FONT)
    pdf.add_font("DejaVu", "B", FONT_BOLD)
    pdf.set_margins(25, 25, 25)
    pdf.set_auto_page_break(True, margin=25)
    for page in INTERVIEW_PAGES:
        pdf.add_page()
        for kind, text in page:
            if kind == "h":
                pdf.set_font("DejaVu", "B", 16)
                pdf.multi_cell(0, 9, text)
                pdf.ln(6)
            else:
                pdf.set_font("DejaVu", "", 11)
                pdf.multi_cell(0, 6, text)
                pdf.ln(4)
    pdf.output(path)


# ---------------------------------------------------------------------------
# 2. A timestamped focus group exported from LibreOffice Writer: headings,
#    a bulleted list, a table and page breaks, written as a flat ODT.
# ---------------------------------------------------------------------------

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
  office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls>
  <style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
 </office:font-face-decls>
 <office:styles>
  <style:style style:name="Standard" style:family="paragraph">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="115%"/>
   <style:text-properties style:font-name="DejaVu Serif" fo:font-size="11pt" fo:language="en" fo:country="GB"/>
  </style:style>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.3cm"/>
   <style:text-properties fo:font-size="16pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.2cm"/>
   <style:text-properties fo:font-size="13pt" fo:font-weight="bold"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="Break" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:break-before="page"/>
  </style:style>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1"/>
 </office:master-styles>
 <office:body>
  <office:text>
"""
FODT_TAIL = """  </office:text>
 </office:body>
</office:document>
"""

FOCUS_GROUP = [
    ("h1", "Focus group 2: family support workers"),
    ("p", "Recorded at the Harehills family hub on 9 May 2024. Transcribed verbatim; names are pseudonyms."),
    ("h2", "Ground rules agreed"),
    ("ul", ["Everything said stays in the room.", "One person speaks at a time.", "Anyone can stop the recording."]),
    ("p", "[00:00:41] Priya: Shall we begin with caseloads? I know that is the sore point for everyone here."),
    ("p", "[00:00:52] Siobhán: Mine is fourteen families at the moment. The guidance says twelve, but nobody believes the guidance."),
    ("p", "[00:01:10] Mehmet: Fourteen would be a luxury. I have sixteen, and two of those are in pre-proceedings, which eats the whole week."),
    ("break", "[00:01:37] Priya: What does a good first visit look like, then, when you are that stretched?"),
    ("p", "[00:01:49] Siobhán: You sit down, you accept the cup of tea, and you listen before you say anything about the plan. Parents can tell in about two minutes whether you are there to tick boxes."),
    ("p", "[00:02:20] Mehmet: And you bring something practical. A food bank voucher, a bus pass, help with a form. It shows you are on their side."),
    ("table", [["Worker", "Families", "In pre-proceedings"], ["Siobhán", "14", "1"], ["Mehmet", "16", "2"]]),
    ("break", "[00:03:05] Priya: Last question. What would you change tomorrow if you could?"),
    ("p", "[00:03:14] Mehmet: Time. Give me an afternoon a week that is not already booked."),
    ("p", "[00:03:26] Siobhán: Continuity. Families should not have to tell their story to a fourth worker in a year."),
    ("p", "[00:03:40] Priya: Thank you all. I will stop the recording there."),
]


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def focus_group_fodt():
    out = [FODT_HEAD]
    for kind, content in FOCUS_GROUP:
        if kind == "h1":
            out.append(f'<text:h text:style-name="Heading_20_1" text:outline-level="1">{xml_escape(content)}</text:h>\n')
        elif kind == "h2":
            out.append(f'<text:h text:style-name="Heading_20_2" text:outline-level="2">{xml_escape(content)}</text:h>\n')
        elif kind == "p":
            out.append(f'<text:p text:style-name="Standard">{xml_escape(content)}</text:p>\n')
        elif kind == "break":
            out.append(f'<text:p text:style-name="Break">{xml_escape(content)}</text:p>\n')
        elif kind == "ul":
            out.append("<text:list>\n")
            for item in content:
                out.append(f'<text:list-item><text:p text:style-name="Standard">{xml_escape(item)}</text:p></text:list-item>\n')
            out.append("</text:list>\n")
        elif kind == "table":
            out.append('<table:table table:name="Caseloads"><table:table-column table:number-columns-repeated="3"/>\n')
            for row in content:
                out.append("<table:table-row>")
                for cell in row:
                    out.append(f'<table:table-cell office:value-type="string"><text:p text:style-name="Standard">{xml_escape(cell)}</text:p></table:table-cell>')
                out.append("</table:table-row>\n")
            out.append("</table:table>\n")
    out.append(FODT_TAIL)
    return "".join(out)


def focus_group_libreoffice(path):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "focus_group_libreoffice.fodt")
        with open(src, "w", encoding="utf-8") as f:
            f.write(focus_group_fodt())
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", "pdf", "--outdir", tmp, src],
                       check=True, stdout=subprocess.DEVNULL)
        shutil.copy(os.path.join(tmp, "focus_group_libreoffice.pdf"), path)


# ---------------------------------------------------------------------------
# 3. Odd but valid files: a page with no text between two with text, a
#    scanned page (image only), and encrypted copies.
# ---------------------------------------------------------------------------

def blank_middle_page(path):
    pdf = FPDF(format="A5")
    pdf.add_font("DejaVu", "", FONT)
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, "Visit note, 3 June 2024. Renée was at home with both children.")
    pdf.add_page()  # left blank, as in a printed report
    pdf.add_page()
    pdf.multi_cell(0, 6, "Follow-up: the health visitor will call on Friday.")
    pdf.output(path)


def scanned(path):
    # What a scanner produces: each page is one picture, with no text layer.
    img = Image.new("L", (420, 595), 255)
    draw = ImageDraw.Draw(img)
    for y in range(60, 560, 18):
        draw.line((40, y, 380 - (y * 7) % 90, y), fill=40, width=5)
    pdf = FPDF(format="A5")
    for _ in range(2):
        pdf.add_page()
        pdf.image(img, x=0, y=0, w=148, h=210)
    pdf.rect(10, 10, 20, 20)
    pdf.output(path)


def encrypted(path, user_password):
    pdf = FPDF(format="A5")
    pdf.add_font("DejaVu", "", FONT)
    pdf.set_font("DejaVu", size=11)
    pdf.set_encryption(owner_password="case-file-owner", user_password=user_password,
                       encryption_method="AES_128")
    pdf.add_page()
    pdf.multi_cell(0, 6, "Dana: Is this recording?\n\nMarta: Yes, the red light is on.\n\n"
                          "Dana: Good.\n\nMarta: Go ahead.\n\nDana: Thank you.\n\nMarta: You are welcome.")
    pdf.output(path)


def main():
    p = lambda name: os.path.join(HERE, name)
    interview_fpdf(p("interview_fpdf.pdf"))
    focus_group_libreoffice(p("focus_group_libreoffice.pdf"))
    blank_middle_page(p("blank_middle_page.pdf"))
    scanned(p("scanned.pdf"))
    encrypted(p("encrypted.pdf"), user_password="s3cret")
    encrypted(p("owner_password_only.pdf"), user_password=None)
    # Broken files.
    with open(p("interview_fpdf.pdf"), "rb") as f:
        whole = f.read()
    with open(p("truncated.pdf"), "wb") as f:
        f.write(whole[: len(whole) // 2])
    open(p("empty.pdf"), "wb").close()
    with open(p("renamed_text.pdf"), "w", encoding="utf-8") as f:
        f.write("Dana: This is a plain text file that someone renamed to .pdf.\n")


if __name__ == "__main__":
    main()
