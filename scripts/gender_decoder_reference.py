#!/usr/bin/env python3
"""Count gender-coded words in job ads the way the Gender Decoder does.

A reference for `hirekit lint`'s gender coding, written for this project
(no code is taken from the Gender Decoder). It applies the word lists of
Gaucher, Friesen & Kay (2011) as Kat Matfield's Gender Decoder applies them:

- the lists are the rows of data/lint/gender-coded.csv whose source is
  `decoder` or `both` (the Decoder's own lists; the paper-only stems
  "masculine" and "feminine" are left out, as the Decoder leaves them out);
- the text is cut into words: characters outside ASCII and the punctuation
  . , “ ” ‘ ’ < > * ? ! " [ ] @ ' : ; ( ) / & and every whitespace
  character become spaces; words are lower-cased;
- a word with a hyphen is split at its hyphens, unless it starts with a
  hyphenated stem ("self-confident", "co-operative");
- every word is compared with every stem of a list, and each (word, stem)
  pair where the word starts with the stem is one hit: a word that starts
  with two stems of a list ("dominant": "domina" and "dominant") is two
  hits, as in the Decoder;
- the verdict is the Decoder's: feminine minus masculine hits; 0 is
  "neutral" (or "empty" with no hit at all), 1 to 3 "feminine-coded", more
  "strongly feminine-coded", and the same below 0 for masculine.

The Decoder's exception list (non_coded_exceptions: "sharepoint") is not
applied: the Decoder's analysis does not apply it either.

Usage: scripts/gender_decoder_reference.py DIR [--csv OUT]
prints one CSV row per ad file in DIR (sorted by name): file, masculine,
feminine, verdict, masculine_words, feminine_words (words joined by `|`).
"""

import csv
import io
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
STEMS = os.path.join(HERE, "..", "data", "lint", "gender-coded.csv")
PUNCTUATION = re.compile("[.\t,“”‘’<>*?!\"\\[\\]@':;()/&]")
AD_SUFFIXES = (".md", ".txt", ".html", ".htm", ".markdown")


def load_stems(path=STEMS):
    """The Decoder's masculine and feminine stems, in file order."""
    with open(path, encoding="utf-8") as f:
        rows = [line for line in f if not line.startswith("#")]
    masculine, feminine = [], []
    for row in csv.DictReader(io.StringIO("".join(rows))):
        if row["source"].strip() not in ("decoder", "both"):
            continue
        stem = row["stem"].strip().lower()
        (masculine if row["gender"].strip() == "masculine" else feminine).append(stem)
    return masculine, feminine


def words(text, hyphenated):
    """The ad's words, cut as the Decoder cuts them."""
    ascii_only = "".join(c if ord(c) < 128 else " " for c in text)
    spaced = re.sub(r"\s", " ", ascii_only)
    spaced = PUNCTUATION.sub(" ", spaced)
    out = []
    for word in spaced.lower().split(" "):
        if not word:
            continue
        if "-" in word and not any(word.startswith(h) for h in hyphenated):
            out.extend(word.split("-"))
        else:
            out.append(word)
    return out


def hits(word_list, stems):
    """Every (word, stem) pair where the word starts with the stem."""
    return [w for w in word_list if w for s in stems if w.startswith(s)]


def verdict(masculine, feminine):
    score = len(feminine) - len(masculine)
    if score == 0:
        return "neutral" if feminine else "empty"
    if score > 3:
        return "strongly feminine-coded"
    if score > 0:
        return "feminine-coded"
    if score < -3:
        return "strongly masculine-coded"
    return "masculine-coded"


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder = argv[1]
    out_path = argv[3] if len(argv) > 3 and argv[2] == "--csv" else None
    masculine, feminine = load_stems()
    hyphenated = [s for s in masculine + feminine if "-" in s]
    rows = [("file", "masculine", "feminine", "verdict", "masculine_words", "feminine_words")]
    for name in sorted(os.listdir(folder)):
        if not name.endswith(AD_SUFFIXES):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            text = f.read()
        ws = words(text, hyphenated)
        m, fem = hits(ws, masculine), hits(ws, feminine)
        rows.append((name, len(m), len(fem), verdict(m, fem), "|".join(m), "|".join(fem)))
    out = open(out_path, "w", encoding="utf-8", newline="") if out_path else sys.stdout
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows(rows)
    if out_path:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
