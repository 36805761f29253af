#!/usr/bin/env python3
"""Writes the transcript test files of tests/import_transcripts.rs, with the standard library only.

    python3 make.py

Real transcripts come from captioning tools and transcription services: cues that end mid-sentence,
voice tags, NOTE and STYLE blocks, a BOM and CRLFs, hour-less times; PDF and Word exports with a
speaker line ("Name  00:01") above each turn. The PDF is written object by object (Courier, so line
widths are exact) and the .docx as the WordprocessingML Word writes. All content is fictional, written
for Thicket's tests (a child-protection research study); any resemblance to real people is accidental.
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


# ---------------------------------------------------------------------------
# 1. SubRip from a captioning tool: BOM, CRLF, NAME: prefixes in capitals, cues
#    cut mid-sentence, a 4-second pause, comma decimals.
# ---------------------------------------------------------------------------
SRT = [
    ("00:00:00,500", "00:00:03,200", "RUTH: Thank you for agreeing\nto talk about the kinship placement."),
    ("00:00:03,400", "00:00:06,100", "Could you tell me how it started?"),
    ("00:00:06,900", "00:00:09,800", "MARGARET: It was a Friday night. The social\nworker rang and asked if I could"),
    ("00:00:09,900", "00:00:12,600", "take both boys, just for the weekend."),
    ("00:00:12,800", "00:00:15,900", "That was two years ago now."),
    ("00:00:20,100", "00:00:23,700", "Nobody told me what the plan was.\nI had to ask, every time."),
    ("00:00:24,200", "00:00:26,000", "RUTH: Who did you ask?"),
    ("00:00:26,500", "00:00:30,400", "MARGARET: Whoever picked up the phone\nat the office. It changed every month."),
    ("00:00:31,000", "00:00:33,500", "RUTH: Did that get better\nafter the court hearing?"),
    ("00:00:34,000", "00:00:37,800", "MARGARET: A little. We got one worker,\nKeisha, and she stayed."),
]
srt = "".join(f"{i}\r\n{a} --> {b}\r\n{t.replace(chr(10), chr(13) + chr(10))}\r\n\r\n" for i, (a, b, t) in enumerate(SRT, 1))
write("kinship-carer.srt", b"\xef\xbb\xbf" + srt.encode("utf-8"))

# ---------------------------------------------------------------------------
# 2. WebVTT with voice tags, cue ids, settings, styling, NOTE/STYLE blocks and
#    hour-less times: a supervision session between a team manager and a worker.
# ---------------------------------------------------------------------------
VTT = """WEBVTT - Supervision session 3 (fictional)

NOTE
Recorded with consent. Names are pseudonyms.

STYLE
::cue(v[voice="Team Manager"]) { color: yellow }

1
00:01.000 --> 00:04.200 align:start position:10%
<v Team Manager>Let's start with the Hartley family.</v>

2
00:04.500 --> 00:07.900
<v Team Manager>What worries you most <i>this</i> week?</v>

3
00:08.600 --> 00:11.300 line:85%
<v Social Worker>Honestly, the drinking. Mum says it has</v>

4
00:11.400 --> 00:14.000
<v Social Worker>stopped, but the school &amp; the GP</v>

5
00:14.100 --> 00:16.800
<v Social Worker>both noticed <b>bruises</b> on Tyler.</v>

6
00:17.200 --> 00:19.000
<v Team Manager>Have you spoken to Tyler?</v>

7
00:19.500 --> 00:22.900
<v Social Worker>On Tuesday, at school. He didn't want to say much.</v>

8
01:02.000 --> 01:05.500
<v Social Worker>I'd like a strategy discussion before Friday.</v>

9
01:06.000 --> 01:08.000
<v Team Manager>Agreed. I'll book it today.</v>
"""
write("supervision.vtt", VTT.encode("utf-8"))

# ---------------------------------------------------------------------------
# 3. WebVTT with no speakers at all (automatic captions of a reflective voice
#    memo): short cues, one long pause.
# ---------------------------------------------------------------------------
CAPTIONS = [
    ("00:00:00.000", "00:00:02.400", "Voice memo after the home visit"),
    ("00:00:02.400", "00:00:05.000", "to the Osei family. The flat was"),
    ("00:00:05.100", "00:00:07.700", "cleaner than last time and the baby"),
    ("00:00:07.800", "00:00:10.200", "was asleep in the Moses basket."),
    ("00:00:10.300", "00:00:13.100", "Mum was tired but she engaged well."),
    ("00:00:17.900", "00:00:20.600", "Things to follow up: the health visitor"),
    ("00:00:20.700", "00:00:23.000", "appointment and the housing letter."),
]
captions = "WEBVTT\n\n" + "".join(f"{a} --> {b}\n{t}\n\n" for a, b, t in CAPTIONS)
write("home-visit-memo.vtt", captions.encode("utf-8"))

# ---------------------------------------------------------------------------
# 4. A transcription service's PDF export: "Name  00:01" on a line of its own,
#    the turn's text hard-wrapped below it, one word hyphenated at a line end,
#    two pages.
# ---------------------------------------------------------------------------
TURNS = [
    ("Nora Vandermeer", "00:01", "Thanks for meeting me again. Last time we talked about the first child protection conference. Can we pick up from there?"),
    ("DC01", "00:12", "Yes. So after the conference we had the core group meetings every six weeks, and sometimes I dreaded them, because it felt like everybody in the room already knew what they thought of me before I opened my mouth."),
    ("Nora Vandermeer", "00:41", "What made it feel that way?"),
    # Wrapped by hand, as a justified export hyphenates: "some-" + "times" (the document also has "sometimes")
    # and "child-" + "protection" (a compound: it keeps its hyphen).
    ("DC01", "00:45", [
        "The reports. They were sent to me the night before, or even worse, some-",
        "times on the morning of the meeting, and I would read things about my",
        "own family that I had never heard anyone say to my face. That child-",
        "protection process felt like it was happening to somebody else.",
    ]),
    ("Nora Vandermeer", "01:20", "Did anyone go through the reports with you beforehand?"),
    ("DC01", "01:26", "Not at first. Later the new worker started coming round two days before, and we would read them together at the kitchen table. That made a real difference."),
    ("Nora Vandermeer", "02:02", "Why do you think it made a difference?"),
    ("DC01", "02:05", "Because I could disagree in my own kitchen, and then in the meeting I was not ambushed any more."),
]
CHARS_PER_LINE = 72
FONT_SIZE = 10
LEADING = 13
TURN_GAP = 20


def wrap(text, width):
    """Greedy word wrap at `width` chars (Courier: every char is 0.6 em wide)."""
    lines, line = [], ""
    for word in text.split():
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def pdf_escape(s):
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def page_streams():
    """Content streams, one per page: each turn is a speaker line then its wrapped text."""
    pages, ops, y = [], [], 800
    for n, (name, time, text) in enumerate(TURNS):
        lines = text if isinstance(text, list) else wrap(text, CHARS_PER_LINE)
        needed = LEADING * (len(lines) + 1) + TURN_GAP
        if y - needed < 60:
            pages.append(ops)
            ops, y = [], 800
        ops.append(f"BT /F1 {FONT_SIZE} Tf 72 {y} Td ({pdf_escape(name)}) Tj ET")
        ops.append(f"BT /F1 {FONT_SIZE} Tf {72 + 6 * (len(name) + 2)} {y} Td ({time}) Tj ET")
        y -= LEADING
        for line in lines:
            ops.append(f"BT /F1 {FONT_SIZE} Tf 72 {y} Td ({pdf_escape(line)}) Tj ET")
            y -= LEADING
        y -= TURN_GAP - LEADING
        if n == 3:
            pages.append(ops)
            ops, y = [], 800
    pages.append(ops)
    return ["\n".join(p).encode("latin-1") for p in pages]


def pdf(streams):
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None, b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>"]
    kids = []
    for stream in streams:
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content)
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


write("otter-interview.pdf", pdf(page_streams()))

# ---------------------------------------------------------------------------
# 5. The same service's Word export: a paragraph "DC01  02:05" (name, two spaces,
#    time) above the paragraphs of the turn.
# ---------------------------------------------------------------------------
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def para(text, bold=False):
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p><w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


body = [para("Interview 4 – kinship carer (fictional)")]
for name, time, text in TURNS[4:]:
    body.append(para(f"{name}  {time}", bold=True))
    body.append(para(text))
document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{"".join(body)}</w:body></w:document>'
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""
with zipfile.ZipFile(os.path.join(HERE, "otter-interview.docx"), "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS), ("word/document.xml", document)]:
        info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
