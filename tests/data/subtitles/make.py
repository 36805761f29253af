#!/usr/bin/env python3
"""Writes the subtitle test files (fictional, anonymised family-preservation study material).

Run from this folder: python3 make.py
"""

SRT_CUES = [
    ("00:00:01,200", "00:00:04,800", "Interviewer: Thanks for having me again.\nIs it all right if I record?"),
    ("00:00:05,100", "00:00:06,900", "Zoë: Yes, that's fine."),
    ("00:00:07,300", "00:00:11,600", "Interviewer: Last time you said the visits\nfelt like inspections. Has that changed?"),
    ("00:00:12,000", "00:00:15,400", "Zoë: A bit. Since Renée took over\nit feels more like she's on our side."),
    ("00:00:15,800", "00:00:19,900", "She asks what's worked this week,\nnot just what's gone wrong."),
    ("00:00:20,300", "00:00:23,000", "José: I'm still not sure, to be honest."),
    ("00:00:23,400", "00:00:27,600", "She's nice, but the plan is the plan.\n<i>They</i> decide, we sign."),
    ("00:00:28,000", "00:00:30,500", "- Zoë: That's not fair, José.\n- José: It's how it feels."),
    ("00:00:31,000", "00:00:34,700", "Interviewer: What would make it feel\nmore like your plan too?"),
    ("00:00:35,200", "00:00:39,800", "José: Being asked before the meeting,\nnot told in it. [laughs] That'd be a start."),
    ("00:00:40,300", "00:00:44,100", "Zoë: And the kids. Mia wants to say\nwhat she thinks about contact."),
    ("00:00:44,500", "00:00:47,000", "Interviewer: Has anyone asked Mia directly?"),
    ("00:00:47,400", "00:00:51,900", "Zoë: Renée did, last Tuesday.\nFirst time anyone has."),
    ("00:01:02,050", "00:01:05,000", "Interviewer: Thank you both. Let's stop there."),
]

VTT = """WEBVTT - Family group conference, Núñez family (fictional)
Kind: captions
Language: en-GB

NOTE
Transcribed from the audio recording.
All names are pseudonyms.

STYLE
::cue(v[voice="Siobhán"]) { color: yellow }

REGION
id:bottom
width:80%

opening
00:00.500 --> 00:04.000 line:85% align:center
<v Siobhán>Welcome, everyone. This meeting is for the family
to make the plan.</v>

00:04.200 --> 00:07.900
<v Siobhán>Renée will start with what children&apos;s services are worried about.

worry-1
00:00:08.300 --> 00:00:13.000 position:10%,line-left
<v Renée>Thank you. The main worry is the mornings:
the children arriving late &amp; hungry.

worry-2
00:00:13.400 --> 00:00:16.000
<v Renée>That's happened <b>eleven</b> times this term.

00:00:16.500 --> 00:00:20.100
<v Tomás>I can do the school run. I'm retired, I've got the car.

00:00:20.600 --> 00:00:23.300
<v Siobhán>Tomás, would that be every day?

00:00:23.700 --> 00:00:27.900
<v Tomás>Every day except Thursdays. <i>That's my hospital day.</i>

00:00:28.400 --> 00:00:32.000
<v.sw Renée>That would really help. Who covers Thursdays?

00:00:32.500 --> 00:00:35.800
<v Tomás>Marisol's sister lives round the corner.<00:00:34.000> She'd do it.

00:00:36.200 --> 00:00:39.000
<v Siobhán>Let's write that down as the first part of the plan.

NOTE the family then met in private time; nothing was recorded

00:15:02.000 --> 00:15:06.500
<v Renée>I'm happy with the plan if the school sees the change within a month.

00:15:07.000 --> 00:15:10.000
<v Siobhán>Then we'll review it together on the 14th.

00:15:10.400 --> 00:15:12.000
<v Tomás><c.quiet>Thank you.</c>
"""


def srt(cues):
    blocks = [f"{i}\n{start} --> {end}\n{text}\n" for i, (start, end, text) in enumerate(cues, 1)]
    return "\n".join(blocks)


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


def main():
    text = srt(SRT_CUES)
    # As Windows subtitle tools save it: UTF-8 with a BOM and CRLF line endings.
    write("interview.srt", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    # The same interview as UTF-16 (little endian, with BOM), as some transcription services export it.
    write("interview-utf16.srt", b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le"))
    write("family-group-conference.vtt", VTT.encode("utf-8"))

    # Malformed corpus.
    write("empty.srt", b"")
    write("empty.vtt", b"")
    write("no-header.vtt", VTT.split("\n\n", 1)[1].encode("utf-8"))
    bad = srt(SRT_CUES[:3]).replace("00:00:07,300 --> 00:00:11,600", "00:00:07,3OO --> 00:00:1l,600")
    write("garbage-timestamps.srt", bad.encode("utf-8"))


if __name__ == "__main__":
    main()
