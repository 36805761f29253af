"""Regenerates the .docx test files of tests/import_docx_odt.rs.

    pip install python-docx && python3 make.py

python-docx writes the documents from its Word template; the few features it has no API for
(footnotes, tracked changes, a restarted numbered list, a nested list level) are added as the
WordprocessingML Word itself writes. All people and places are fictional.
"""

import copy
import os

from docx import Document
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn

HERE = os.path.dirname(os.path.abspath(__file__))
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def slim(doc):
    """Drops template parts that only add size (thumbnail, theme, legacy style copies)."""
    for rels in (doc.part.package.rels, doc.part.rels):
        for r_id, rel in list(rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in ("thumbnail", "stylesWithEffects", "customXml", "theme", "webSettings"):
                del rels[r_id]
    styles = doc.styles.element
    for latent in styles.findall(qn("w:latentStyles")):
        styles.remove(latent)


def fixed_properties(doc, title):
    """Stable metadata, so regenerating gives the same text content."""
    slim(doc)
    props = doc.core_properties
    props.author = "Thicket test data"
    props.title = title
    props.last_modified_by = "Thicket test data"
    props.revision = 1


def add_footnotes(doc, notes):
    """Adds word/footnotes.xml with Word's two separator notes and `notes` (id -> text)."""
    body = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>',
    ]
    for note_id, text in notes.items():
        body.append(
            f'<w:footnote w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        )
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {W_NS}>{"".join(body)}</w:footnotes>'
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, xml.encode("utf-8"), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)


def footnote_ref(paragraph, note_id):
    paragraph._p.append(parse_xml(
        f'<w:r {W_NS}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{note_id}"/></w:r>'
    ))


def tracked_change(paragraph, deleted, inserted, change_id):
    """A replacement made with Track Changes on: the deleted words stay in the file."""
    stamp = 'w:author="J. Ferreira" w:date="2024-03-13T09:30:00Z"'
    paragraph._p.append(parse_xml(
        f'<w:del {W_NS} w:id="{change_id}" {stamp}><w:r><w:delText>{deleted}</w:delText></w:r></w:del>'
    ))
    paragraph._p.append(parse_xml(
        f'<w:ins {W_NS} w:id="{change_id + 1}" {stamp}><w:r><w:t>{inserted}</w:t></w:r></w:ins>'
    ))


def turn(doc, stamp, speaker, text):
    """A transcript turn: timestamp, bold speaker label, then the words."""
    p = doc.add_paragraph()
    p.add_run(f"[{stamp}] ")
    p.add_run(f"{speaker}:").bold = True
    p.add_run(f" {text}")
    return p


def interview():
    doc = Document()
    fixed_properties(doc, "Interview 4, Hartley family")
    doc.add_heading("Interview 4 – Hartley family (home visit)", level=0)
    doc.add_paragraph("Recorded at the family home on 12 March 2024. All names are pseudonyms.")
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text = "Participant"
    table.rows[0].cells[1].text = "Role"
    for name, role in [("Zoë Hartley", "mother"), ("José Ferreira", "family preservation worker"), ("Interviewer", "researcher (RK)")]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = name, role
    doc.add_heading("Transcript", level=1)
    turn(doc, "00:00:04", "Interviewer", "Thanks for having us both. Could you start by telling me how the last few weeks have been?")
    p = turn(doc, "00:00:15", "Zoë", "Honestly? Up and down. When the referral came through I thought they were going to take the kids")
    p.add_run(" off me, full stop.")
    turn(doc, "00:00:31", "José", "And that's a really common fear. I said on the first visit that my job is to keep the family together, not to build a case.")
    p = turn(doc, "00:00:44", "Interviewer", "What changed for you, Zoë?")
    p = turn(doc, "00:00:49", "Zoë", "He came back. Every Tuesday, same time, even the week Kai was poorly. ")
    run = p.add_run("And he rang when he said he would.")
    run.add_break(WD_BREAK.LINE)
    p.add_run("That sounds small but nobody had done that before.")
    p = turn(doc, "00:01:10", "José", "We wrote the safety plan")
    footnote_ref(p, 1)
    p.add_run(" together at this table. Zoë chose the wording.")
    p = turn(doc, "00:01:26", "Interviewer", "Did anything about ")
    tracked_change(p, "social services", "children's services", 101)
    p.add_run(" surprise you?")
    turn(doc, "00:01:33", "Zoë", "That José asked what I thought. Not what I'd done wrong, what I thought.")
    turn(doc, "00:01:47", "José", "Her answers shaped the plan. The school and the health visitor are on board now too.")
    turn(doc, "00:02:02", "Interviewer", "Thank you both. We'll stop the recording there.")
    add_footnotes(doc, {1: "Safety plan agreed at the network meeting on 4 March 2024."})
    doc.save(os.path.join(HERE, "interview_hartley.docx"))


def restart_numbering(doc, paragraph):
    """Gives `paragraph` (List Number) its own w:num that restarts level 0 at 1, as Word's
    "Restart at 1" does, so the list after it counts from 1 again."""
    numbering = doc.part.numbering_part.element
    style_num = "5"  # the template's List Number style uses w:numId 5
    abstract = numbering.xpath(f'w:num[@w:numId="{style_num}"]/w:abstractNumId/@w:val')[0]
    num = parse_xml(
        f'<w:num {W_NS} w:numId="20"><w:abstractNumId w:val="{abstract}"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )
    numbering.append(num)
    set_num(paragraph, "20", 0)


def add_multilevel_list(doc):
    """A two-level numbered list (1., 2. with a., b. below), as Word makes one when an item
    is indented with Tab; returns its w:numId."""
    numbering = doc.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%{i + 1}."/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        for i, fmt in enumerate(["decimal", "lowerLetter"])
    )
    abstract = parse_xml(
        f'<w:abstractNum {W_NS} w:abstractNumId="30"><w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>'
    )
    # Abstract definitions come before every w:num in the schema.
    numbering.find(qn("w:num")).addprevious(abstract)
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="21"><w:abstractNumId w:val="30"/></w:num>'))
    return "21"


def set_num(paragraph, num_id, level):
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def case_notes():
    doc = Document()
    fixed_properties(doc, "Case notes, Hartley family")
    doc.add_heading("Case notes: Hartley family", level=1)
    p = doc.add_paragraph("Allocated worker:\tJosé Ferreira")
    p.add_run(" (secret draft note)").font.hidden = True
    doc.add_paragraph("Case opened after a referral from Greenfield Primary School about Kai’s attendance & lateness.")
    doc.add_heading("Contacts", level=2)
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["Date", "Worker", "Contact", "Outcome"]):
        cell.text = text
    rows = [
        ("05/03/2024", "J. Ferreira", "Home visit", "Plan discussed with Zoë; Kai present"),
        ("07/03/2024", "J. Ferreira", "Phone call", "School confirmed attendance improving"),
        ("12/03/2024", "R. Khan", "Research interview", ""),
    ]
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    last = table.rows[1].cells[3]
    last.add_paragraph("Next visit booked.")
    doc.add_heading("Strengths observed", level=2)
    for text in ["Warm, affectionate contact between Zoë and both children", "Grandmother (Mrs Öztürk) helps with school runs", "Zoë keeps a calendar of appointments"]:
        doc.add_paragraph(text, style="List Bullet")
    doc.add_heading("Agreed actions", level=2)
    multilevel = add_multilevel_list(doc)
    for text, level in [
        ("Zoë to walk Kai to school on Mondays and Thursdays", 0),
        ("José to refer the family to the housing officer", 0),
        ("Ask about the damp in the children’s bedroom", 1),
        ("Review at the next network meeting", 0),
    ]:
        set_num(doc.add_paragraph(text, style="List Paragraph"), multilevel, level)
    doc.add_paragraph("Documents requested")
    for text in ["Kai’s attendance record", "Tenancy agreement"]:
        doc.add_paragraph(text, style="List Number")
    doc.add_paragraph("Questions for supervision")
    first = doc.add_paragraph("Is weekly contact still proportionate?", style="List Number")
    restart_numbering(doc, first)
    second = doc.add_paragraph("Should the case step down to early help in May?", style="List Number")
    set_num(second, "20", 0)
    p = doc.add_paragraph()
    p.add_run().add_break(WD_BREAK.PAGE)
    p.add_run("Recorded by J. Ferreira, 13 March 2024.")
    doc.save(os.path.join(HERE, "case_notes_hartley.docx"))


if __name__ == "__main__":
    interview()
    case_notes()
