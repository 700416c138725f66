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
    exclusions: list[str] = []


@dataclass(frozen=True)
class _Group:
    """One "label : items" group of a cell (label may be empty)."""

    label: str
    items: list[str]
    bracketed: bool = False  # "head (items)": the head is both label and item


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
    for group in cell_to_groups(_without_exclusions(clean(text))):
        found, unknown = _group_categories(group)
        values.extend(found)
        issues.extend(_unknown_issue(item) for item in unknown)
    return Parsed(values=values, issues=issues)


@cache
def _exclusion() -> re.Pattern[str]:
    """From "à l'exception de …" to the end of the list item group (";")."""
    words = vocab.load("data_categories", CategoriesVocab).exclusions
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf",?\s*(?<![\w'])(?:{alts})(?![\w])[^;]*", re.IGNORECASE)


def _without_exclusions(text: str) -> str:
    """ "titres d'identité, à l'exception du NIR" → "titres d'identité"."""
    if not vocab.load("data_categories", CategoriesVocab).exclusions:
        return text
    return _exclusion().sub("", text)


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
    found = [DataCategory(text=_group_text(group, items), category=kind,
                          sensitive=kind in _sensitive())
             for kind, items in by_kind.items()]
    return found, unknown


def _group_text(group: _Group, items: list[str]) -> str:
    """The items as printed: "Identité : nom, prénom" or "identité (nom, prénom)"."""
    if group.bracketed:
        inner = [i for i in items if i != group.label]
        return f"{group.label} ({', '.join(inner)})" if inner else group.label
    prefix = f"{group.label} : " if group.label else ""
    return prefix + ", ".join(items)


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
    groups = [h for g in groups for h in _head_groups(g, text)]
    return [g for g in groups if g.items or g.label]


_HEAD = re.compile(r"(?:^|[;,―—–•]\s*|\s[-]\s+)"
                   r"(?P<head>[^;,()\[\]]{3,80}?)\s*\((?P<inner>[^()]*)\)")


def _bare(item: str) -> str:
    return item.strip(" -―—–•")


def _head_groups(group: _Group, text: str) -> list[_Group]:
    """ "à l'identité (civilité, nom, numéro)": a head before a bracketed list
    labels that list, as "Identité : civilité, nom, numéro" would (arrêtés,
    art. 2). Only for groups without a label of their own."""
    if group.label or not group.items:
        return [group]
    found = [m for m in _HEAD.finditer(text) if "," in m["inner"] or ";" in m["inner"]]
    # A head of several kinds ("date de naissance et diplômes (BAFA)") labels nothing.
    heads = {_bare(m["head"]): split_items(m["inner"]) for m in found
             if len({k for k, _ in item_kinds(m["head"])}) <= 1}
    inner = {i for items in heads.values() for i in items}
    rest = [i for i in group.items if i not in inner and _bare(i) not in heads]
    listed = {_bare(i) for i in group.items}
    out = [_Group(head, [head, *items], bracketed=True) for head, items in heads.items()
           if head in listed]
    return ([_Group("", rest)] if rest else []) + out if out else [group]


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
