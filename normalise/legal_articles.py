"""Find article citations: "articles L. 1111-7 et R. 1111-1", "art. 6.1.e", "9 § 2 h)".

An article citation is a *group*: one or more articles sharing the act they
belong to ("articles 15, 16 et 18 du RGPD"), with ranges ("R. 123-1 à
R. 123-26"), "et suivants", and subdivisions printed after the number
("6-1 e)", "6 (1) e", "6, paragraphe 1, point e)", "27-I-1°", "40, alinéa 2")
or before the word article ("e du 1 de l'article 6", "l'alinéa 2 de
l'article 57"). Which act a group belongs to is decided in
``normalise.legal_refs``. Words come from ``vocab/legal_acts.fr.toml``.
"""

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from normalise.legal_acts import date_words
from normalise.legal_vocab import Views, acts_vocab, words_re

Parts = tuple[str, ...]  # subdivisions, outermost first: ("1", "e") for 6(1)(e)


@dataclass(frozen=True)
class Article:
    """One cited article: "R. 1111-36" → prefix "R", number "1111-36"."""

    prefix: str
    number: str
    parts: tuple[Parts, ...] = ((),)  # one entry per subdivision cited ("III et IV")
    range: bool = False
    and_following: bool = False


@dataclass(frozen=True)
class Group:
    """Articles cited together, and where they are printed."""

    start: int
    end: int
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class _Patterns:
    word: re.Pattern[str]
    item: re.Pattern[str]
    ordinal: re.Pattern[str]
    bare: re.Pattern[str]
    separator: re.Pattern[str]
    and_following: re.Pattern[str]
    locator: re.Pattern[str]
    component: re.Pattern[str]
    tails: tuple[re.Pattern[str], ...]
    roman_list: re.Pattern[str]
    letter_and: re.Pattern[str]
    lone_letter: re.Pattern[str]


@cache
def patterns() -> _Patterns:
    """The article regexes, filled from ``legal_acts.fr.toml`` (built once)."""
    return _Patterns(**_list_patterns(), **_subdivision_patterns())


def _list_patterns() -> dict[str, Any]:
    """Articles and how a list of them is joined: "L. 11 à L. 20 et R. 8"."""
    art = acts_vocab().article
    words = words_re(art.words)
    word_end = (
        r"(?:(?<=\.)|(?![\w]))"  # "art." ends on its dot, "article" on a word end
    )
    joins, ranges = words_re(art.joins), words_re(art.ranges)
    return {
        "word": re.compile(rf"(?<![\w])(?:{words}){word_end}\s*"),
        "item": re.compile(
            r"(?:(?P<pre>LO|[LRDA])\*?(?:\s?\.\s?|\s|\s?-\s?)?)?"
            rf"(?P<num>\d+(?:-\s?\d+)*)(?:\s(?P<suf>{'|'.join(art.suffixes)}))?(?![\w/°])"
        ),
        "ordinal": re.compile(rf"(?:{words_re(list(acts_vocab().ordinals))})(?![\w])"),
        "bare": re.compile(
            r"(?<![\w/.-])(?:LO|[LRD])(?:\s?\.\s?|\s|-)?\d{3,}(?:-\s?\d+)+(?![\w/])"
        ),
        "separator": re.compile(
            rf"\s*(?:,\s*|\s(?:{joins})\s+|\s(?P<r>{ranges})\s+)"
            rf"(?:(?:l'|les?\s+)?(?:{words}){word_end}\s*)?"
        ),
        "and_following": re.compile(
            rf"\s*,?\s*(?:{words_re(art.and_following)}){word_end}"
        ),
        "letter_and": re.compile(rf"\s(?:{joins})\s(?P<v>[a-z])(?![\w'])"),
        "roman_list": re.compile(
            # "L. 2131-1 III et IV", "R. 10-14, III, du CPCE" (comma before it)
            rf",?\s(?P<v>[IVX]+(?:(?:\s(?:{joins}|,)\s|,\s)[IVX]+)*)(?![\w])"
        ),
    }


def _subdivision_patterns() -> dict[str, Any]:
    """Subdivisions after the number ("6.1.e") or before the word ("e du 1 de l')."""
    art = acts_vocab().article
    subdiv, links = words_re(art.subdivisions), words_re(art.links)
    ordinals = words_re(list(acts_vocab().ordinals))
    comp = (
        rf"(?:{ordinals})\s+(?:{subdiv})|(?:{subdiv})\s*(?:\d+|[ivx]+|[a-z])"
        r"|\d{1,2}°?|[ivx]{1,4}|(?<!')[a-z]\)?"
    )
    named = (
        rf"(?P<o>{ordinals})\s+(?:{subdiv})|(?:{subdiv})\s*(?P<s>\d+|[ivx]+|[a-z])"
        r"|(?P<n>\d{1,2})°?|(?P<l>[ivx]{1,4}|[a-z])\)?"
    )
    return {
        "locator": re.compile(
            rf"(?<![\w])(?P<chain>(?:{comp})(?:\s+(?:{links})\s*(?:{comp}))*)"
            rf"\s+(?:{links})\s*$"
        ),
        "component": re.compile(rf"(?:^|\s+(?:{links})\s*)(?:{named})"),
        # Tried in order after an article number, on the key view.
        "tails": (
            re.compile(r"\.(?P<v>\d+)(?![\w])"),  # 6.1
            re.compile(r"\.(?P<v>[a-z])(?![\w])"),  # 6.1.e
            re.compile(r"\s?-\s?(?P<v>[a-z]|[ivx]+)(?![\w'])"),  # 6-e, 27-I
            re.compile(r"\s?[-–]?\s?(?P<v>\d+)°"),  # 27-I-1°, 6 – 11°
            re.compile(r"\s?\((?P<v>[ivx]+|\d+|[a-z])\)"),  # 5(3), 26 (IV), 6.1(e)
            re.compile(r",?\s(?P<v>[a-z]|\d{1,2})\)"),  # 6-1 e), 9 § 2 h), 4 11)
            re.compile(
                rf",?\s*(?:{subdiv})\s*(?P<v>\d+|[ivx]+|[a-z])(?:er)?\)?(?![\w])"
            ),
        ),
        "lone_letter": re.compile(r"\s(?P<v>[a-z])(?![\w'])"),  # 6 (1) e
    }


def find_groups(views: Views) -> list[Group]:
    """Every article citation of a text, in text order.

    Example: "articles L. 221-1 à L. 221-5 du code" → one group of two
    articles, both with ``range=True``.
    """
    p, groups = patterns(), []
    taken = 0
    for m in p.word.finditer(views.key):
        if m.start() < taken:
            continue
        group = _group_at(views, m.start(), m.end())
        if group is not None:
            groups.append(_with_locator(views, group))
            taken = group.end
    for m in p.bare.finditer(views.raw):
        if not any(g.start <= m.start() < g.end for g in groups):
            group = _group_at(views, m.start(), m.start())
            if group is not None:
                groups.append(group)
    return sorted(groups, key=lambda g: g.start)


def _group_at(views: Views, start: int, pos: int) -> Group | None:
    p, articles, in_range = patterns(), [], False
    end = pos
    while (found := _article_at(views, pos)) is not None:
        article, end = found
        articles.append(replace(article, range=True) if in_range else article)
        sep = p.separator.match(views.key, end)
        if sep is None or _article_at(views, sep.end()) is None:
            break
        # "R. 123-1 à R. 123-26": both ends of the range are cited.
        in_range = bool(sep.group("r"))
        if in_range:
            articles[-1] = replace(articles[-1], range=True)
        pos = sep.end()
    return Group(start, end, tuple(articles)) if articles else None


def _article_at(views: Views, pos: int) -> tuple[Article, int] | None:
    """The article printed at ``pos`` with its subdivisions, and where it ends."""
    p = patterns()
    if (o := p.ordinal.match(views.key, pos)) is not None:
        number, prefix, end = str(_ordinal(o.group())), "", o.end()
    elif (m := p.item.match(views.raw, pos)) is not None:
        # "L. 212- 9": a line break after the hyphen left a space in the number.
        number = re.sub(r"\s", "", m.group("num"))
        number += f" {m.group('suf')}" if m.group("suf") else ""
        prefix, end = m.group("pre") or "", m.end()
    else:
        return None
    parts, end = _tails(views, end)
    following = p.and_following.match(views.key, end)
    article = Article(prefix, number, parts, and_following=following is not None)
    return article, following.end() if following else end


def _ordinal(word: str) -> int:
    return date_words()[0][word]


def _tails(views: Views, pos: int) -> tuple[tuple[Parts, ...], int]:
    """Subdivisions printed after an article number: "6.1.e" → (("1", "e"),)."""
    p, comps, last = patterns(), [], None
    while (m := _first_match(p.tails, views.key, pos)) is not None:
        comps.append(views.raw[m.start("v") : m.end("v")])
        pos, last = m.end(), m
    if not comps and (romans := p.roman_list.match(views.raw, pos)) is not None:
        values = re.findall(r"[IVX]+", romans.group("v"))
        return tuple((v,) for v in values), romans.end()
    # "6 (1) e", "6 § 1 c": a point letter after a marked paragraph.
    marked = last is not None and (views.raw[pos - 1] == ")" or last.re is p.tails[-1])
    if marked and (lone := p.lone_letter.match(views.raw, pos)):
        comps.append(lone.group("v"))
        pos = lone.end()
    parts = [tuple(comps)]
    # "6.1.c et e": a second point of the same paragraph.
    while (
        comps and comps[-1].islower() and (more := p.letter_and.match(views.key, pos))
    ):
        parts.append((*comps[:-1], views.raw[more.start("v") : more.end("v")]))
        pos = more.end()
    return tuple(parts), pos


def _first_match(
    options: tuple[re.Pattern[str], ...], text: str, pos: int
) -> re.Match[str] | None:
    return next((m for t in options if (m := t.match(text, pos)) is not None), None)


def _with_locator(views: Views, group: Group) -> Group:
    """ "e du 1 de l'article 6": the subdivision printed before the word article."""
    p = patterns()
    offset = max(0, group.start - 80)
    m = p.locator.search(views.key[offset : group.start])
    if m is None:
        return group
    chain_start = offset + m.start("chain")
    comps = [
        _component(views, chain_start, c)
        for c in p.component.finditer(m.group("chain"))
    ]
    first = group.articles[0]
    parts = tuple(tuple(reversed(comps)) + part for part in first.parts)
    return Group(
        offset + m.start(),
        group.end,
        (replace(first, parts=parts), *group.articles[1:]),
    )


def _component(views: Views, chain_start: int, m: re.Match[str]) -> str:
    """One locator component as printed: "I", "4", "a", "second alinéa" → "2"."""
    if m.group("o"):
        return str(_ordinal(re.sub(r"\s+", " ", m.group("o"))))
    name = next(g for g in ("s", "n", "l") if m.group(g))
    # The chain was matched on the key view; case (roman "I", point "i") is raw's.
    return views.raw[chain_start + m.start(name) : chain_start + m.end(name)]
