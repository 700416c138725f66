"""Sanity check of the generated gold against what the PDFs print.

For every ``samples/generated/<name>.gold.json``: each word of each gold cell
must be printed on the activity's gold pages, either whole or cut at a line
end (``traite-`` + ``ment``, ``médico-`` + ``social``); no soft hyphen may be
left in the text layer; the heading, the rights contact and the footnotes must
be printed. Prints one line per register and exits 1 on any miss.

Usage: ``python samples/make/check.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pdfplumber

GEN = Path(__file__).resolve().parent.parent / "generated"


def page_words(pdf_path: Path) -> list[set[str]]:
    """The set of printed words of each page (pdfplumber's words, split on spaces)."""
    with pdfplumber.open(pdf_path) as pdf:
        return [
            {
                w["text"]
                for w in p.extract_words(keep_blank_chars=False, use_text_flow=True)
            }
            for p in pdf.pages
        ]


# Footnote markers written "¹" in the gold are raised plain digits in the PDF.
_SUPERSCRIPTS = str.maketrans("¹²³", "123")


def printed(word: str, words: set[str]) -> bool:
    """A gold word is printed whole, or as a prefix ending in '-' plus the rest."""
    word = word.translate(_SUPERSCRIPTS)
    if word in words:
        return True
    for k in range(1, len(word)):
        head, rest = word[:k], word[k:]
        cut = head if head.endswith("-") else head + "-"
        if cut in words and (rest in words or printed(rest, words)):
            return True
        if (
            head in words and rest in words
        ):  # a word cut without hyphen (narrow LibreOffice cell)
            return True
    return False


def check(gold_path: Path) -> list[str]:
    """Misses of one register, as readable lines."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    pages = page_words(GEN / gold["file"])
    misses = []
    if any("\u00ad" in w for p in pages for w in p):
        misses.append("soft hyphen printed in the text layer")
    everywhere = set().union(*pages)
    for text in [gold["title"], gold["rights_contact"], *gold["footnotes"]]:
        misses += [
            f"register text: {w!r}" for w in text.split() if not printed(w, everywhere)
        ]
    previous: dict[str, str] = {}
    for act in gold["activities"]:
        words = set().union(*(pages[p - 1] for p in act["pages"]))
        for label, text in act["cells"].items():
            # A merged cell's value carried from the row above is printed
            # on that row's pages.
            pool = everywhere if previous.get(label) == text else words
            bad = [w for w in text.split() if not printed(w, pool)]
            if bad:
                misses.append(f"{act['title'][:40]} / {label}: {bad[:5]}")
        previous = act["cells"]
    return misses


def main() -> int:
    """Check every generated register; 0 when all words are found."""
    failed = 0
    for gold_path in sorted(GEN.glob("*.gold.json")):
        misses = check(gold_path)
        acts = len(json.loads(gold_path.read_text(encoding="utf-8"))["activities"])
        print(f"{gold_path.name}: {acts} activities, {len(misses)} misses")
        for m in misses:
            print("   ", m)
        failed += bool(misses)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
