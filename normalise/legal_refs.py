"""Legal references in free text: "article R. 1111-42 du code de la santé publique".

The parser runs on every cell of a register and on the text around the table,
so it finds references by their grammar and never by a loose guess:

1. ``legal_acts.find_mentions``: what names an act: a code ("code de la santé
   publique", "CSP"), a numbered or dated act ("décret n° 2019-1088 du
   25 octobre 2019", "arrêté du 17 juillet 2017"), a well-known name ("RGPD",
   "loi Informatique et Libertés"), a pointer ("du même code", "du présent
   arrêté").
2. ``legal_articles.find_groups``: article citations ("articles L. 221-1 à
   L. 221-5", "art. 6.1.e", "e du 1 de l'article 6").
3. here: each group belongs to the act printed right after it ("… du CSP"),
   to the act its possessive points back to ("…, notamment son article 2"),
   or to the act printed right before it ("Code civil, articles 34 à
   101-2"). An article of a code with no act named keeps ``code: null``; an
   unprefixed article with no act named is a cross-reference inside the
   citing text ("l'article 2") and no reference. An act cited by an article
   is not listed again on its own.

Why regular expressions and not spaCy's PhraseMatcher: references are made of
punctuation-bound tokens ("R.4127-96", "2016/679", "6.1.e", "n°2021-1362")
that the French tokenizer splits differently depending on the spacing around
them, while the grammar is about exact characters. Regexes over two aligned
views of the text (case kept / folded without accents) match those forms
exactly, keep character spans for provenance, and run in well under a
millisecond per cell; every word they use is filled in from
``vocab/codes.fr.toml`` and ``vocab/legal_acts.fr.toml``.
"""

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from normalise.legal_acts import Mention, find_mentions, find_unparsed_acts
from normalise.legal_articles import Article, Group, Parts, find_groups
from normalise.legal_vocab import Views, acts_vocab, words_re
from normalise.parsed import Parsed
from schemas.issues import Issue
from schemas.register import LegalReference

_EU_KINDS = {"eu_regulation", "eu_directive"}


@dataclass(frozen=True)
class _Links:
    after: re.Pattern[str]
    possessive: re.Pattern[str]
    before: re.Pattern[str]


@cache
def _links() -> _Links:
    art = acts_vocab().article
    return _Links(
        # "art. 6.1.e) RGPD": a closing bracket may end the article.
        after=re.compile(
            rf"\)?\s*,?\s*(?:(?:{words_re(art.links)})(?:(?<=')|(?![\w]))\s*)?"
        ),
        possessive=re.compile(rf"(?<![\w])(?:{words_re(art.possessives)})\s*$"),
        # "CSS) article", "Code civil, art.", "Loi n° 2011-1862 du … - art. 32"
        before=re.compile(r"\)?\s*[,:(–—-]?\s*"),
    )


def parse_legal_references(text: str) -> Parsed[LegalReference]:
    """Every legal reference printed in a text, in text order.

    Args:
        text: a cell or a paragraph, as printed.

    Returns:
        The references, and an Issue for a pointer to an act never named.

    Example:
        ``parse_legal_references("articles L. 1111-7 et R. 1111-1 du CSP")``
        gives two code_article references, ``L1111-7`` and ``R1111-1``, both
        with code "Code de la santé publique".
    """
    views = Views.of(text)
    if not views.raw:
        return Parsed()
    mentions = find_mentions(views)
    refs: list[tuple[int, LegalReference]] = []
    issues: list[Issue] = []
    cited: set[Mention] = set()
    for group in find_groups(views):
        target = _target(views, group, mentions)
        act = _antecedent(target, mentions) if target and target.anaphora else target
        if target is not None and act is None and target.anaphora != "code":
            start, end = min(group.start, target.start), max(group.end, target.end)
            issues.append(_issue(views, start, end, "points back to an unnamed act"))
            continue
        cited.update(m for m in (target, act) if m is not None)
        refs.extend((group.start, r) for r in _group_refs(views, group, target, act))
    issues.extend(
        _issue(views, start, end, "an act number that could not be read")
        for start, end in find_unparsed_acts(views, mentions)
    )
    refs.extend(
        (m.start, _act_ref(views.raw[m.start : m.end], m))
        for m in mentions
        if m not in cited and _stands_alone(m)
    )
    return Parsed(
        _deduplicated([r for _, r in sorted(refs, key=lambda x: x[0])]), issues
    )


def _target(views: Views, group: Group, mentions: list[Mention]) -> Mention | None:
    """The act a group of articles belongs to, or None (see the module doc)."""
    links = _links()
    by_start = {m.start: m for m in mentions}
    gap = links.after.match(views.key, group.end)
    for pos in {gap.end() if gap else group.end, _skip_spaces(views.key, group.end)}:
        if pos in by_start:
            return by_start[pos]
    earlier = [m for m in mentions if m.end <= group.start]
    if not earlier:
        return None
    head = views.key[max(0, group.start - 20) : group.start]
    if links.possessive.search(head):
        return earlier[-1]
    last = max(earlier, key=lambda m: m.end)
    if links.before.fullmatch(views.key, last.end, group.start):
        return last
    return None


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    return pos


def _antecedent(pointer: Mention, mentions: list[Mention]) -> Mention | None:
    """The act a pointer names: "du même code" is the last code named before."""
    kinds = {"code_article"} if pointer.anaphora == "code" else {pointer.anaphora}
    earlier = [
        m
        for m in mentions
        if m.end <= pointer.start
        and m.anaphora is None
        and not m.internal
        and m.kind in kinds
    ]
    return earlier[-1] if earlier else None


def _group_refs(
    views: Views, group: Group, target: Mention | None, act: Mention | None
) -> list[LegalReference]:
    if target is not None and target.internal:
        return []
    if target is None:
        # An unprefixed article with no act ("l'article 2") is internal to the text.
        articles = [a for a in group.articles if a.prefix]
        return [
            _article_ref(views.raw[group.start : group.end], a, parts, None)
            for a in articles
            for parts in a.parts
        ]
    start, end = min(group.start, target.start), max(group.end, target.end)
    text = views.raw[start:end]
    return [
        _article_ref(text, a, parts, act) for a in group.articles for parts in a.parts
    ]


def _article_ref(
    text: str, article: Article, parts: Parts, act: Mention | None
) -> LegalReference:
    number, comps = article.number, parts
    if act is not None and act.kind in _EU_KINDS:
        number, comps = _eu_article(act, number, parts)
    cited = {
        "article": article.prefix + number,
        "paragraph": ".".join(comps) or None,
        "range": article.range,
        "and_following": article.and_following,
    }
    if act is None:
        return LegalReference(text=text, kind="code_article", **cited)
    return _act_ref(text, act, **cited)


def _eu_article(act: Mention, number: str, parts: Parts) -> tuple[str, Parts]:
    """EU articles number paragraphs: "6-1-e" is article 6, paragraph 1, point e."""
    head, *paragraphs = number.split("-")
    comps = (*paragraphs, *parts)
    if len(comps) == 1 and comps[0].isalpha() and comps[0].islower():
        implicit = next(
            (
                i.paragraph
                for i in acts_vocab().implicit_paragraph
                if i.number == act.number and i.article == head
            ),
            None,
        )
        comps = (implicit, *comps) if implicit else comps
    return head, tuple(comps)


def _stands_alone(mention: Mention) -> bool:
    """Whether a mention cited by no article is a reference by itself."""
    return not (
        mention.abbreviation
        or mention.needs_article
        or mention.internal
        or mention.anaphora
    )


def _act_ref(text: str, act: Mention, **cited: Any) -> LegalReference:
    """A reference to ``act`` printed as ``text``; ``cited``: the article's fields.

    Example: ``_act_ref("loi n° 78-17", loi)`` → kind "law", number "78-17".
    """
    return LegalReference(
        text=text,
        kind=act.kind,
        code=act.code,
        number=act.number,
        date=act.date,
        instrument=act.instrument,
        nor=act.nor,
        **cited,
    )


def _identity(ref: LegalReference) -> tuple[str | None, ...]:
    return (ref.kind, ref.code, ref.number or ref.date, ref.instrument)


def _deduplicated(refs: list[LegalReference]) -> list[LegalReference]:
    """One reference per act and article; a bare act already cited by article goes.

    Example: "l'article 6 du RGPD … au sens du RGPD" gives article 6 only.
    """
    with_article = {_identity(r) for r in refs if r.article}
    kept: dict[tuple[str | None, ...], LegalReference] = {}
    for ref in refs:
        if ref.article is None and _identity(ref) in with_article:
            continue
        slot = (*_identity(ref), ref.article, ref.paragraph)
        if slot not in kept or _richness(ref) > _richness(kept[slot]):
            kept[slot] = ref
    return list(kept.values())


def _richness(ref: LegalReference) -> int:
    return sum(v is not None for v in (ref.date, ref.number, ref.nor))


def _issue(views: Views, start: int, end: int, why: str) -> Issue:
    text = views.raw[start:end]
    return Issue(
        code="legal-ref-unparsed",
        stage="normalise",
        text=text,
        message=f"{text!r}: {why}",
    )
