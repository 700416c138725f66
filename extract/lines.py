"""Characters → words → lines: the text model every layout rule works on."""

from collections.abc import Iterable
from dataclasses import replace

from extract.geometry import Char, Line, Word

_WORD_GAP = 0.2  # of the font size: a wider gap between glyphs is a space
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SAME_LINE = 0.5  # of the smaller height: vertical overlap that shares a line


def chars_to_words(chars: Iterable[Char]) -> list[Word]:
    """Join characters printed next to each other into words.

    A word ends at a space in the text layer, at a gap wider than a fifth of
    the font size, or where the text jumps to another line or back leftwards.
    A footnote marker printed small and raised stays glued to its word, digits
    as superscripts (``ARS`` + raised ``1`` + ``,`` → ``ARS¹,``).

    Example: chars ``R, T`` at x 10–16 and 16–22 → one word ``"RT"``.
    """
    words: list[Word] = []
    current: list[Char] = []
    base: Char | None = None  # the last character printed at its line's size
    raised = False
    for char in chars:
        if current and base is not None and _superscript(base, current[-1], char):
            current.append(replace(char, text=char.text.translate(_SUPERSCRIPTS)))
            raised = True
            continue
        if current and _breaks(current[-1], char, base if raised else None):
            words.append(_word(current))
            current = []
        current.append(char)
        base, raised = char, False
    if current:
        words.append(_word(current))
    return words


def _superscript(base: Char, prev: Char, char: Char) -> bool:
    """Small, raised and right after the word: a footnote marker (¹, *)."""
    return (
        char.size < 0.8 * base.size
        and base.top < char.bottom < base.bottom - 0.2 * base.size
        and -0.1 * base.size < char.x0 - prev.x1 < _WORD_GAP * base.size
    )


def _breaks(prev: Char, char: Char, base: Char | None = None) -> bool:
    """Whether ``char`` starts a new word; after a raised marker, only a real gap
    does (pdfium puts a space where the baseline comes back down)."""
    if base is not None:
        gap = char.x0 - prev.x1
        return (
            gap > 0.1 * base.size
            or gap < -0.5 * base.size
            or abs(char.bottom - base.bottom) > 0.5 * base.size
        )
    if char.space_before:
        return True
    if char.x0 == prev.x0 and char.x1 == prev.x1:
        return False  # the letters of one ligature glyph ("ﬁ") share its box
    gap = char.x0 - prev.x1
    if gap > _WORD_GAP * max(prev.size, char.size) or gap < -0.5 * prev.size:
        return True
    return abs(char.bottom - prev.bottom) > 0.5 * max(prev.size, char.size)


def _word(chars: list[Char]) -> Word:
    """One pass over the characters (this runs for every word of every page)."""
    first = chars[0]
    x0, top, x1, bottom, size = first.x0, first.top, first.x1, first.bottom, first.size
    bold = 0
    for c in chars:
        if c.x0 < x0:
            x0 = c.x0
        if c.top < top:
            top = c.top
        if c.x1 > x1:
            x1 = c.x1
        if c.bottom > bottom:
            bottom = c.bottom
        if c.size > size:
            size = c.size
        bold += c.bold
    text = "".join(c.text for c in chars)
    return Word(text, x0, top, x1, bottom, size, bold * 2 > len(chars))


def words_to_lines(words: Iterable[Word]) -> list[Line]:
    """Group words sharing a baseline into lines, top to bottom, left to right.

    Two words share a line when they overlap vertically by half the smaller
    height, so a raised footnote marker stays on its line.
    """
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top + w.bottom, w.x0)):
        for line in reversed(lines[-3:]):
            if _overlap(line[-1], word) >= _SAME_LINE:
                line.append(word)
                break
        else:
            lines.append([word])
    return [_line(sorted(ws, key=lambda w: w.x0)) for ws in lines]


def _overlap(a: Word, b: Word) -> float:
    shared = min(a.bottom, b.bottom) - max(a.top, b.top)
    return shared / max(min(a.bottom - a.top, b.bottom - b.top), 1e-6)


def _line(words: list[Word]) -> Line:
    return Line(
        words=words,
        x0=min(w.x0 for w in words),
        top=min(w.top for w in words),
        x1=max(w.x1 for w in words),
        bottom=max(w.bottom for w in words),
    )


def split_line(line: Line, gap: float) -> list[Line]:
    """Cut a line where two words are further apart than ``gap`` points.

    On a borderless page one printed line crosses several columns; the cuts
    are where the whitespace between columns is.
    """
    pieces: list[list[Word]] = [[line.words[0]]]
    for word in line.words[1:]:
        if word.x0 - pieces[-1][-1].x1 > gap:
            pieces.append([word])
        else:
            pieces[-1].append(word)
    return [_line(ws) for ws in pieces]
