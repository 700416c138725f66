"""Data categories and data subjects: list cells → the CNIL vocabulary.

"Données de connexion : logs, adresse IP" → connexion; "NIR" → nir,
sensitive. A cell is cut into groups ("label : items"), each item into its
data kinds; vocab/data_categories.fr.toml maps keywords to categories. A
spaCy PhraseMatcher over the French tokenizer does the keyword look-up: it
finds every multi-word keyword ("date et heure de connexion", "numéro de
sécurité sociale") in one pass, with "d'enfants" split as French needs.
Cutting the cell into groups and items stays in regex: it hangs on
punctuation and capitals only.
"""

import re
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from normalise import vocab
from normalise.nlp import french
from normalise.parsed import Parsed
from normalise.party_split import list_to_pieces
from normalise.text import clean, strip_accents
from schemas.issues import Issue
from schemas.register import CategoryName, DataCategory


class CategoryRule(BaseModel):
    """One category, its keywords, and the generic ones that yield to a label."""

    name: CategoryName
    sensitive: bool = False
    keywords: list[str]
    weak: list[str] = []


class CategoriesVocab(BaseModel):
    """data_categories.fr.toml."""

    category: list[CategoryRule]


@dataclass(frozen=True)
class _Group:
    """One "label : items" group of a cell (label may be empty)."""

    label: str
    items: list[str]


_ITEM_SEP = re.compile(r"\s*[,;()\[\]]\s*|\s+[-–•]\s+|\.\s+|\.$")
_SEGMENT_WORDS = {"et", "ou", "/"}


def matchable(text: str) -> str:
    """Lower case, no accents, a plural "s" dropped: "Données" → "donnee"."""
    text = strip_accents(clean(text).lower())
    return re.sub(r"\b(\w{3,}?)s\b", r"\1", text)


@cache
def _matcher() -> tuple[PhraseMatcher, dict[str, tuple[CategoryName, bool]]]:
    """The PhraseMatcher, and match label → (category, weak)."""
    nlp = french()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    labels: dict[str, tuple[CategoryName, bool]] = {}
    for rule in vocab.load("data_categories", CategoriesVocab).category:
        for weak, words in ((False, rule.keywords), (True, rule.weak)):
            label = f"{rule.name}:{'weak' if weak else 'strong'}"
            labels[label] = (rule.name, weak)
            matcher.add(label, [nlp.make_doc(matchable(w)) for w in words])
    return matcher, labels


@cache
def _sensitive() -> frozenset[str]:
    rules = vocab.load("data_categories", CategoriesVocab).category
    return frozenset(r.name for r in rules if r.sensitive)


def item_kinds(item: str) -> list[tuple[CategoryName, bool]]:
    """The data kinds one item names, as (category, weak), in order.

    Within a stretch between "et"/"ou", the longest keyword wins:
    "nom et localisation de son établissement" → etat_civil,
    vie_professionnelle (not localisation).
    """
    matcher, labels = _matcher()
    doc = french().make_doc(matchable(item))
    spans = filter_spans([Span(doc, s, e, label=m) for m, s, e in matcher(doc)])
    best: dict[int, Span] = {}
    for span in spans:
        segment = _segment_of(doc, span.start)
        if segment not in best or len(span) > len(best[segment]):
            best[segment] = span
    return [labels[best[k].label_] for k in sorted(best)]


def _segment_of(doc: Doc, index: int) -> int:
    return sum(1 for t in doc[:index] if t.text in _SEGMENT_WORDS)


def parse_data_categories(text: str) -> Parsed[DataCategory]:
    """Data categories printed in one cell.

    Args:
        text: the cell, as printed.

    Returns:
        One DataCategory per group and category, in order; an Issue for each
        item no keyword (nor its group label) places.

    Example: ``parse_data_categories("Données de journalisation : logs,
    adresse IP")`` → ``[DataCategory(text="Données de journalisation : logs,
    adresse IP", category="connexion")]``.
    """
    values: list[DataCategory] = []
    issues: list[Issue] = []
    for group in cell_to_groups(clean(text)):
        found, unknown = _group_categories(group)
        values.extend(found)
        issues.extend(_unknown_issue(item) for item in unknown)
    return Parsed(values=values, issues=issues)


def _unknown_issue(item: str) -> Issue:
    return Issue(code="data-category-unknown", stage="normalise", text=item,
                 message=f"no data category for {item!r}")


def _group_categories(group: _Group) -> tuple[list[DataCategory], list[str]]:
    """Categories of one group, with the items they came from; unplaced items."""
    label_kinds = [k for k, _ in item_kinds(group.label)] if group.label else []
    label_kind = label_kinds[0] if label_kinds else None
    by_kind: dict[CategoryName, list[str]] = {}
    unknown = []
    for item in group.items:
        kinds = [label_kind if weak and label_kind else kind
                 for kind, weak in item_kinds(item)]
        kinds = kinds or ([label_kind] if label_kind else [])
        if not kinds:
            unknown.append(item)
        for kind in dict.fromkeys(kinds):
            by_kind.setdefault(kind, []).append(item)
    prefix = f"{group.label} : " if group.label else ""
    found = [DataCategory(text=prefix + ", ".join(items), category=kind,
                          sensitive=kind in _sensitive())
             for kind, items in by_kind.items()]
    return found, unknown


def cell_to_groups(text: str) -> list[_Group]:
    """Cut a cell into "label : items" groups.

    Labels run together when the PDF lines were joined ("… nom, prénom
    Coordonnées : adresse email …"): a label then starts at the last
    capitalised word that follows a lower-case one.

    Example: ``cell_to_groups("Identification : nom, prénom")`` →
    ``[_Group("Identification", ["nom", "prénom"])]``.
    """
    colons = [m for m in re.finditer(r"\s*:\s+", text)
              if _outside_parens(text, m.start())]
    groups, cursor, label = [], 0, ""
    for i, colon in enumerate(colons):
        region = text[cursor:colon.start()]
        start = cursor + (_label_start(region) if i else _first_label_start(region))
        if text[cursor:start].strip() or label:
            groups.append(_Group(label, split_items(text[cursor:start])))
        label, cursor = text[start:colon.start()].strip(" ;,.-"), colon.end()
    groups.append(_Group(label, split_items(text[cursor:])))
    return [g for g in groups if g.items or g.label]


def _outside_parens(text: str, at: int) -> bool:
    return text[:at].count("(") <= text[:at].count(")")


def _first_label_start(region: str) -> int:
    """The first label starts after the last sentence or list break before it."""
    breaks = [m.end() for m in re.finditer(r"[;.]\s+", region)]
    return breaks[-1] if breaks else 0


def _label_start(region: str) -> int:
    """Where a label glued after the previous group's items starts."""
    tail_at = max((m.end() for m in re.finditer(r"[,;)]", region)), default=0)
    tokens = list(re.finditer(r"\S+", region[tail_at:]))
    starts = [b.start() for a, b in zip(tokens, tokens[1:], strict=False)
              if _titlecase(b.group()) and not _titlecase(a.group())]
    return tail_at + starts[-1] if starts else tail_at


def _titlecase(token: str) -> bool:
    """"Données" yes; "IP", "prénom" no."""
    return bool(re.match(r"[A-ZÀ-Ý][a-zà-ÿ]", token))


def split_items(text: str) -> list[str]:
    """"nom, prénom (usuel) ; adresse" → ["nom", "prénom", "usuel", "adresse"]."""
    return [i.strip(" .:") for i in _ITEM_SEP.split(text) if i and i.strip(" .:")]


def parse_data_subjects(text: str) -> list[str]:
    """The data subjects a cell lists, as printed.

    Splits on ";", bullets and glued lines; on commas only when every part is
    short ("Élèves, parents, enseignants").

    Example: ``parse_data_subjects("Élèves ; responsables légaux")`` →
    ``["Élèves", "responsables légaux"]``.
    """
    out: list[str] = []
    for piece in list_to_pieces(clean(text), commas=False):
        parts = [p for p in re.split(r",\s+|\s+et\s+", piece) if p.strip()]
        short = len(parts) > 1 and "(" not in piece
        short = short and all(len(p.split()) <= 4 for p in parts)
        out.extend(parts if short else [piece])
    return [s.strip(" .;,") for s in out if s.strip(" .;,")]
