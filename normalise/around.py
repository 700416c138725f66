"""The text around the table → organisation, title, rights contact, notes, security.

The organisation is the first line printed above the table (its address cut
off), the title is the largest print above the table, the rights contact is
the first e-mail address printed. Every other line outside the table, running
headers and footers aside, is kept: grouped into paragraphs, the one opening
with a security marker (vocab/document.fr.toml) is ``security_measures``, the
rest are ``notes``: nothing printed is dropped.
"""

import re
from dataclasses import dataclass, field

from pydantic import BaseModel

from extract.cells import join_lines
from normalise import vocab
from normalise.text import clean, fold
from schemas.raw import TextLine

_FOOTNOTE = re.compile(r"\s*(?:\*|\(\*\)|\(\d{1,2}\)|\d{1,2}\)|[¹²³⁴⁵⁶⁷⁸⁹])")
_SENTENCE_END = re.compile(r"[.!?] +")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ORG_END = re.compile(r"\s+[—–-]\s+|,\s")
_PARAGRAPH_GAP = 0.9  # of the line height: a wider gap between lines starts a paragraph


class DocumentVocab(BaseModel):
    """vocab/document.fr.toml."""

    security_markers: list[str]
    no: list[str]
    yes: list[str]


def document_vocab() -> DocumentVocab:
    """The document vocabulary (cached by the loader)."""
    return vocab.load("document", DocumentVocab)


@dataclass
class Around:
    """What the text around the table says about the register."""

    organisation: str | None = None
    title: str | None = None
    rights_contact: str | None = None
    notes: list[str] = field(default_factory=list)
    security_measures: str | None = None


def read_around(preamble: list[TextLine], trailer: list[TextLine]) -> Around:
    """Sort the lines outside the table into the register's fields.

    Example: preamble ``["Ministère de la Santé, 14 avenue Duquesne",
    "Registre de la DNS", "Adresse d'exercice des droits : dns-rgpd@sante.gouv.fr"]``
    → organisation "Ministère de la Santé", title "Registre de la DNS",
    rights_contact "dns-rgpd@sante.gouv.fr".
    """
    body = [ln for ln in preamble if not ln.margin]
    result = Around()
    used: set[int] = set()
    if body:
        first = clean(body[0].text)
        result.organisation = _ORG_END.split(first)[0] or None
        if result.organisation == first:  # an address after it stays a note
            used.add(id(body[0]))
        title_lines = _title_lines(body)
        used |= {id(body[i]) for i in title_lines}
        result.title = clean(" ".join(body[i].text for i in title_lines)) or None
    # every other line is kept: running headers and footers too, once each
    rest = [ln for ln in preamble + trailer if id(ln) not in used]
    markers = tuple(document_vocab().security_markers)
    texts = paragraphs(rest, markers)
    result.rights_contact = _first_email(paragraphs(body, markers) + texts)
    for paragraph in texts:
        cut = _security_start(paragraph, markers)
        if cut is None or result.security_measures is not None:
            result.notes.append(paragraph)
            continue
        if paragraph[:cut].strip():
            result.notes.append(paragraph[:cut].strip())
        result.security_measures = paragraph[cut:]
    return result


def _security_start(paragraph: str, markers: tuple[str, ...]) -> int | None:
    """Where the security measures start: the paragraph, or a sentence in it.

    Example: "(*) Les destinataires … Sécurité : chiffrement …" → the index of
    "Sécurité".
    """
    folded = paragraph.lower()  # paragraphs are clean() already: same length
    if folded.startswith(markers):
        return 0
    starts = [m.end() for m in _SENTENCE_END.finditer(folded)]
    return next((i for i in starts if folded.startswith(markers, i)), None)


def _title_lines(body: list[TextLine]) -> list[int]:
    """Indexes of the title: the largest print after the first line, and its wraps."""
    if len(body) < 2:
        return []
    biggest = max(ln.size for ln in body[1:])
    first = next(i for i in range(1, len(body)) if body[i].size == biggest)
    lines = [first]
    while lines[-1] + 1 < len(body) and body[lines[-1] + 1].size == biggest:
        lines.append(lines[-1] + 1)
    return lines


def _first_email(texts: list[str]) -> str | None:
    for text in texts:
        match = _EMAIL.search(text)
        if match:
            return match.group(0).rstrip(".")
    return None


def paragraphs(lines: list[TextLine], markers: tuple[str, ...] = ()) -> list[str]:
    """Consecutive lines of one page, close together and of one size, as paragraphs.

    A line opening with a footnote mark ("*", "(1)", "¹") or with one of
    ``markers`` ("Mesures de sécurité") starts a paragraph of its own even
    when printed right under the one before. Lines are joined as cell lines
    are: "dpo@saint-aubin-" + "liserre.fr" is one address.
    """
    result: list[list[TextLine]] = []
    for line in lines:
        prev = result[-1][-1] if result else None
        opens = _FOOTNOTE.match(line.text) or fold(line.text).startswith(markers)
        if (
            prev is not None
            and not opens
            and prev.page == line.page
            and abs(prev.size - line.size) < 0.5
            and line.bbox[1] - prev.bbox[3]
            < _PARAGRAPH_GAP * (prev.bbox[3] - prev.bbox[1])
        ):
            result[-1].append(line)
        else:
            result.append([line])
    return [clean(join_lines([ln.text for ln in group], set())) for group in result]
