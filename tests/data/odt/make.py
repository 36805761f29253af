"""Regenerates the .odt test files of tests/import_docx_odt.rs.

    pip install odfpy && python3 make.py

odfpy writes the OpenDocument XML; comments, footnotes and tracked changes are built from
its element classes as LibreOffice writes them. All people and places are fictional.
"""

import os

from odf import teletype
from odf.dc import Creator, Date
from odf.namespaces import TEXTNS, XMLNS
from odf.office import Annotation, ChangeInfo
from odf.opendocument import OpenDocumentText
from odf.style import ListLevelProperties, Style, TextProperties
from odf.table import CoveredTableCell, Table, TableColumn, TableHeaderRows, TableRow, TableCell
from odf.text import (
    H, P, Change, ChangeEnd, ChangeStart, ChangedRegion, Deletion, Insertion, LineBreak, List,
    ListItem, ListLevelStyleBullet, ListLevelStyleNumber, ListStyle, Note, NoteBody, NoteCitation,
    S, Span, Tab, TrackedChanges,
)

HERE = os.path.dirname(os.path.abspath(__file__))


def styles(doc):
    """A bold text style and two list styles (bullets; numbers with letters below)."""
    bold = Style(name="Bold", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(bold)
    bullets = ListStyle(name="Bullets")
    for level in (1, 2):
        b = ListLevelStyleBullet(level=level, bulletchar="•")
        b.addElement(ListLevelProperties(spacebefore=f"{0.6 * level}cm", minlabelwidth="0.6cm"))
        bullets.addElement(b)
    doc.automaticstyles.addElement(bullets)
    numbers = ListStyle(name="Numbers")
    for level, fmt in ((1, "1"), (2, "a")):
        n = ListLevelStyleNumber(level=level, numformat=fmt, numsuffix=".")
        n.addElement(ListLevelProperties(spacebefore=f"{0.6 * level}cm", minlabelwidth="0.6cm"))
        numbers.addElement(n)
    doc.automaticstyles.addElement(numbers)
    return bold


def turn(doc, bold, speaker, text):
    """A transcript turn: bold speaker label, then the words."""
    p = P()
    p.addElement(Span(stylename=bold, text=f"{speaker}:"))
    teletype.addTextToElement(p, f" {text}")
    doc.text.addElement(p)
    return p


def comment(author, text):
    a = Annotation()
    a.addElement(Creator(text=author))
    a.addElement(Date(text="2024-04-02T14:05:00"))
    a.addElement(P(text=text))
    return a


def footnote(note_id, citation, text):
    note = Note(id=note_id, noteclass="footnote")
    note.addElement(NoteCitation(text=citation))
    body = NoteBody()
    body.addElement(P(text=text))
    note.addElement(body)
    return note


def bullet_list(items, stylename):
    lst = List(stylename=stylename)
    for text in items:
        item = ListItem()
        item.addElement(P(text=text))
        lst.addElement(item)
    return lst


def changed_region(change_id):
    """A tracked change's record, with the ids LibreOffice writes."""
    return ChangedRegion(qattributes={(XMLNS, "id"): change_id, (TEXTNS, "id"): change_id})


def focus_group():
    doc = OpenDocumentText()
    bold = styles(doc)
    changes = TrackedChanges()
    region = changed_region("ct1")
    deletion = Deletion()
    info = ChangeInfo()
    info.addElement(Creator(text="R. Khan"))
    info.addElement(Date(text="2024-04-02T15:00:00"))
    deletion.addElement(info)
    deletion.addElement(P(text="Draft: this focus group was held in the council offices."))
    region.addElement(deletion)
    changes.addElement(region)
    inserted = changed_region("ct2")
    insertion = Insertion()
    info = ChangeInfo()
    info.addElement(Creator(text="R. Khan"))
    info.addElement(Date(text="2024-04-02T15:01:00"))
    insertion.addElement(info)
    inserted.addElement(insertion)
    changes.addElement(inserted)
    doc.text.addElement(changes)

    doc.text.addElement(H(outlinelevel=1, text="Focus group 2 – parents’ experiences of family preservation"))
    intro = P()
    intro.addElement(Change(changeid="ct1"))
    teletype.addTextToElement(intro, "Held at the Riverside family centre on 2 April 2024 ")
    intro.addElement(ChangeStart(changeid="ct2"))
    teletype.addTextToElement(intro, "(two hours, with a crèche)")
    intro.addElement(ChangeEnd(changeid="ct2"))
    teletype.addTextToElement(intro, ". Names are pseudonyms.")
    doc.text.addElement(intro)
    doc.text.addElement(H(outlinelevel=2, text="Ground rules"))
    doc.text.addElement(bullet_list([
        "What is said in the room stays in the room",
        "Nobody has to answer every question",
        "Phones on silent, please",
    ], "Bullets"))
    doc.text.addElement(H(outlinelevel=2, text="Discussion"))
    turn(doc, bold, "Facilitator", "Let’s start with the first visit. What did you expect when the worker knocked?")
    p = turn(doc, bold, "Siobhán", "I expected the worst. I’d hoovered twice and hidden the post.")
    p.addElement(comment("R. Khan", "Follow up on shame and housework."))
    turn(doc, bold, "Zoë", "Same. I thought she’d be counting the tins in the cupboard.")
    p = turn(doc, bold, "Mohammed", "My wife did the talking. I thought it was about her, not me")
    p.addElement(footnote("ftn1", "1", "Mohammed later asked to be interviewed on his own."))
    teletype.addTextToElement(p, ".")
    turn(doc, bold, "Facilitator", "And what actually happened?")
    p = turn(doc, bold, "Siobhán", "She sat on the floor with my youngest and played Lego for twenty minutes.")
    p.addElement(LineBreak())
    teletype.addTextToElement(p, "Then she asked what a good week looks like for us.")
    turn(doc, bold, "Zoë", "Mine brought a folder  with  the plan in it, and we crossed bits out together.")
    turn(doc, bold, "Mohammed", "The second worker asked me directly. That was the first time anyone had.")
    turn(doc, bold, "Facilitator", "Did the plan feel like yours?")
    turn(doc, bold, "Siobhán", "By the third version, yes.")
    turn(doc, bold, "Zoë", "Mostly. The school bits still feel like they’re done to us.")
    turn(doc, bold, "Mohammed", "Yes, because we wrote it at our kitchen table.")
    doc.save(os.path.join(HERE, "focus_group_parents.odt"))


def visit_record():
    doc = OpenDocumentText()
    styles(doc)
    doc.text.addElement(H(outlinelevel=1, text="Home visit record – Okonkwo family"))
    p = P()
    teletype.addTextToElement(p, "Visit no.\t3")
    p.addElement(S(c=3))
    teletype.addTextToElement(p, "(unannounced)")
    doc.text.addElement(p)
    table = Table(name="Household")
    table.addElement(TableColumn(numbercolumnsrepeated=3))
    header = TableHeaderRows()
    row = TableRow()
    for text in ("Name", "Age", "Notes"):
        cell = TableCell()
        cell.addElement(P(text=text))
        row.addElement(cell)
    header.addElement(row)
    table.addElement(header)
    for cells in (("Adaeze Okonkwo", "34", "Mother; works nights at the care home"),
                  ("Chidi Okonkwo", "9", "Year 4 at St Mary’s")):
        row = TableRow()
        for text in cells:
            cell = TableCell()
            cell.addElement(P(text=text))
            row.addElement(cell)
        table.addElement(row)
    row = TableRow()
    cell = TableCell(numbercolumnsspanned=2)
    cell.addElement(P(text="Grandmother visits at weekends"))
    row.addElement(cell)
    covered = CoveredTableCell()
    covered.addElement(P(text="hidden by the merge"))
    row.addElement(covered)
    cell = TableCell()
    cell.addElement(P(text="Not part of the plan"))
    cell.addElement(P(text="(yet)"))
    row.addElement(cell)
    table.addElement(row)
    doc.text.addElement(table)
    doc.text.addElement(H(outlinelevel=2, text="Agreed next steps"))
    steps = List(stylename="Numbers")
    for text, subs in (("Adaeze to register with the GP", []),
                       ("Worker to chase the housing repair", ["Boiler", "Window lock in Chidi’s room"]),
                       ("Review in two weeks", [])):
        item = ListItem()
        item.addElement(P(text=text))
        if subs:
            sub = List()
            for s in subs:
                sub_item = ListItem()
                sub_item.addElement(P(text=s))
                sub.addElement(sub_item)
            item.addElement(sub)
        steps.addElement(item)
    doc.text.addElement(steps)
    doc.text.addElement(H(outlinelevel=2, text="Worries raised"))
    worries = List(stylename="Bullets")
    item = ListItem()
    item.addElement(P(text="Rent arrears since January"))
    item.addElement(P(text="A letter from the landlord is due this month."))
    worries.addElement(item)
    item = ListItem()
    item.addElement(P(text="Chidi’s asthma inhaler ran out"))
    worries.addElement(item)
    doc.text.addElement(worries)
    end = P()
    teletype.addTextToElement(end, "Next visit: Tuesday 16 April, 10:00.")
    doc.text.addElement(end)
    doc.save(os.path.join(HERE, "visit_record_okonkwo.odt"))


if __name__ == "__main__":
    focus_group()
    visit_record()
