"""Find the acts a text cites: codes, laws, decrees, EU acts, named acts.

Each finding is a ``Mention``: a span of the text and what it names (a code,
or an act with its kind, number and date). ``normalise.legal_refs`` attaches
article citations to these mentions; a mention cited by no article is a
reference on its own ("Vu le code de la santé publique"). Every French word
comes from the vocabularies (``normalise.legal_vocab``); this module holds
the regex skeletons they fill.
"""

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any

from normalise.legal_vocab import (
    KindEntry,
    NamedAct,
    Views,
    acts_vocab,
    codes_vocab,
    flexible,
    key,
    words_re,
)
from normalise.text import clean
from schemas.register import LegalKind

# ---------------------------------------------------------------- mentions


@dataclass(frozen=True)
class Mention:
    """A span naming a code or an act, or pointing back to one ("même code")."""

    start: int
    end: int
    kind: LegalKind
    code: str | None = None
    number: str | None = None
    date: str | None = None
    instrument: str | None = None
    nor: str | None = None
    abbreviation: bool = False
    needs_article: bool = False
    anaphora: str | None = None  # "code" or an act kind: "du même règlement"
    internal: bool = False  # "du présent arrêté": the citing act itself


@dataclass(frozen=True)
class _Patterns:
    code_names: re.Pattern[str]
    code_abbrs: re.Pattern[str]
    code_of: dict[str, str]
    act_phrases: re.Pattern[str]
    act_abbrs: re.Pattern[str]
    act_of: dict[str, NamedAct]
    kinds: re.Pattern[str]
    kind_of: dict[str, KindEntry]
    eu_marker: re.Pattern[str]
    number: re.Pattern[str]
    number_mark: str
    eu_number: re.Pattern[str]
    window_stop: re.Pattern[str]
    bare_number: re.Pattern[str]
    date_after: re.Pattern[str]
    date: re.Pattern[str]
    more_numbers: re.Pattern[str]
    pointer: re.Pattern[str]
    nor: re.Pattern[str]


def _alternation(forms: list[str], *, on_key: bool) -> re.Pattern[str]:
    """Whole words: on the key view (words) or case-sensitive (abbreviations)."""
    body = (
        words_re(forms)
        if on_key
        else "|".join(flexible(f) for f in sorted(set(forms), key=len, reverse=True))
    )
    return re.compile(rf"(?<![\w.])(?:{body})(?![\w])")


def _lookup(match: str) -> str:
    return re.sub(r"\s+", " ", match).replace(". ", ".").strip()


@cache
def patterns() -> _Patterns:
    """Every regex of this module, filled from the vocabularies (built once)."""
    return _Patterns(**_name_patterns(), **_act_patterns())


def _name_patterns() -> dict[str, Any]:
    """Codes and well-known acts, by name or abbreviation."""
    cv, av = codes_vocab(), acts_vocab()
    names = [v for c in cv.code for v in [c.name, *c.variants]]
    abbrs = [a for c in cv.code for a in c.abbreviations]
    phrases = [p for a in av.act for p in a.phrases]
    act_abbrs = [ab for a in av.act for ab in a.abbreviations]
    code_of = {
        _lookup(key(clean(v))): c.name for c in cv.code for v in [c.name, *c.variants]
    }
    code_of |= {_lookup(a): c.name for c in cv.code for a in c.abbreviations}
    act_of = {_lookup(key(clean(p))): a for a in av.act for p in a.phrases}
    act_of |= {_lookup(ab): a for a in av.act for ab in a.abbreviations}
    return {
        "code_names": _alternation(names, on_key=True),
        "code_abbrs": _alternation(abbrs, on_key=False),
        "code_of": code_of,
        "act_phrases": _alternation(phrases, on_key=True),
        "act_abbrs": _alternation(act_abbrs, on_key=False),
        "act_of": act_of,
    }


def _date_re() -> str:
    """ "6 janvier 1978", "1er août 2016", "27/10/2015", "04/07/13"."""
    av = acts_vocab()
    day = rf"(?:{words_re(list(av.ordinals))}|\d{{1,2}})"
    return (
        rf"(?P<d>{day})\s+(?P<m>{words_re(list(av.months))})\s+(?P<y>\d{{4}})"
        r"|(?P<d2>\d{1,2})[/.](?P<m2>\d{1,2})[/.](?P<y2>\d{4}|\d{2})(?!\d)"
    )


def _act_patterns() -> dict[str, Any]:
    """Acts by kind, number and date; pointers; NOR codes."""
    av = acts_vocab()
    art, words = av.article, [w for k in av.kind for w in k.words]
    # "78-17", "2016/679", "0249"; circulars: "DGOS/PF2/2015/123" (a digit somewhere).
    # "2019- 1088": a line break after the hyphen left a space in the number.
    num = (
        r"\d[0-9a-z]*(?:[-/](?:\s(?=\d))?[0-9a-z]+)*"
        r"|[a-z][0-9a-z]*(?:[-/][0-9a-z]+)+(?<=\d)"
    )
    marks, markers = words_re(art.number_marks), words_re(av.eu_markers)
    pointed = words_re(art.code_words + art.text_words + words)
    return {
        "kinds": re.compile(
            rf"(?<![\w.])(?P<w>{words_re(words)})(?![\w])(?:\s*(?:{markers}))?"
        ),
        "kind_of": {_lookup(key(clean(w))): k for k in av.kind for w in k.words},
        "eu_marker": re.compile(rf"(?<!\w)(?:{markers})(?!\w)|\d/\d"),
        "number": re.compile(rf"(?<![\w])(?:{marks})\s*(?P<n>{num})(?![\w])"),
        "number_mark": marks,
        "eu_number": re.compile(r"(?<![\w/])(?P<n>\d{2,4}/\d{1,4})(?![\w])"),
        "window_stop": re.compile(rf"(?P<marker>{markers})|[;:()\[\],]|\.(?:\s|$)"),
        "bare_number": re.compile(
            r"\s*(?P<n>\d{2,4}[-/]\s?\d+(?:[-/][0-9a-z]+)*)(?![\w])"
        ),
        "date_after": re.compile(
            rf"(?<![\w])(?:{words_re(art.date_marks)})\s+(?:{_date_re()})"
        ),
        "date": re.compile(_date_re()),
        "more_numbers": re.compile(
            rf"\s*(?:,|{words_re(art.joins)})\s*(?:{marks})\s*(?={num})"
        ),
        "pointer": re.compile(
            rf"(?<![\w])(?P<w>{words_re(art.anaphora + art.internal)})\s+"
            rf"(?P<k>{pointed})(?![\w])"
        ),
        "nor": re.compile(r"\bNOR\s*:?\s*(?P<nor>[A-Z]{4}\d{7}[A-Z])\b"),
    }


@cache
def date_words() -> tuple[dict[str, int], dict[str, int]]:
    """Ordinals ("1er" → 1) and months ("aout" → 8), keyed on the key view."""
    av = acts_vocab()
    ordinals = {key(k): v for k, v in av.ordinals.items()}
    return ordinals, {key(k): v for k, v in av.months.items()}


def parse_date(match: re.Match[str]) -> str | None:
    """A ``patterns().date`` match as ISO, or None when it is no real date.

    Example: "1er août 2016" → ``"2016-08-01"``; "04/07/13" → ``"2013-07-04"``.
    """
    ordinals, months = date_words()
    if match.group("d"):
        d = ordinals.get(match.group("d")) or int(match.group("d"))
        m, y = months[re.sub(r"\s+", " ", match.group("m"))], int(match.group("y"))
    else:
        d, m, y = int(match.group("d2")), int(match.group("m2")), int(match.group("y2"))
        # Two-digit years: "04/07/13" is 2013, "12/01/98" is 1998.
        y = y if y >= 100 else (2000 + y if y <= date.today().year % 100 else 1900 + y)
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_mentions(views: Views) -> list[Mention]:
    """Every code, act and pointer mention of a text, in text order.

    Example: "article 6 du RGPD et loi n° 78-17" → [RGPD (eu_regulation
    2016/679), loi 78-17].
    """
    found = _codes(views) + _named_acts(views) + _pointers(views)
    acts = list(_acts(views))
    # A name inside a numbered act ("la loi LCEN n° 2004-575") is that act.
    found = [m for m in found if not any(a.start <= m.start < a.end for a in acts)]
    return _with_nor(views, sorted(found + acts, key=lambda m: m.start))


def _codes(views: Views) -> list[Mention]:
    p = patterns()
    found = [
        Mention(m.start(), m.end(), "code_article", code=p.code_of[_lookup(m.group())])
        for m in p.code_names.finditer(views.key)
    ]
    found += [
        Mention(
            m.start(),
            m.end(),
            "code_article",
            code=p.code_of[_lookup(m.group())],
            abbreviation=True,
        )
        for m in p.code_abbrs.finditer(views.raw)
    ]
    return found


def _named_acts(views: Views) -> list[Mention]:
    p = patterns()
    hits = [
        (m, p.act_of[_lookup(m.group())]) for m in p.act_phrases.finditer(views.key)
    ]
    hits += [(m, p.act_of[_lookup(m.group())]) for m in p.act_abbrs.finditer(views.raw)]
    return [
        Mention(
            m.start(),
            m.end(),
            act.kind,
            number=act.number,
            instrument=act.instrument,
            needs_article=act.needs_article,
        )
        for m, act in hits
    ]


@cache
def _pointer_words() -> tuple[frozenset[str], frozenset[str]]:
    art = acts_vocab().article
    return frozenset(map(key, art.internal)), frozenset(map(key, art.text_words))


def _pointers(views: Views) -> list[Mention]:
    p, (internal, texts) = patterns(), _pointer_words()
    found = []
    for m in p.pointer.finditer(views.key):
        word = _lookup(m.group("k"))
        kind: LegalKind = p.kind_of[word].kind if word in p.kind_of else "code_article"
        pointed = kind if word in p.kind_of else "code"
        if _lookup(m.group("w")) in internal:
            found.append(Mention(m.start(), m.end(), kind, internal=True))
        elif word not in texts:
            found.append(Mention(m.start(), m.end(), kind, anaphora=pointed))
    return found


def _acts(views: Views) -> list[Mention]:
    p = patterns()
    kind_starts = [m.start() for m in p.kinds.finditer(views.key)]
    found: list[Mention] = []
    for m in p.kinds.finditer(views.key):
        if found and m.start() < found[-1].end:
            continue
        entry = p.kind_of[_lookup(m.group("w"))]
        limit = _window_end(views.key, m.end(), kind_starts)
        mention = _act_at(views, m, entry, limit)
        if mention is not None:
            found.append(mention)
            found.extend(_more_numbers(views, mention, kind_starts))
    return found


def find_unparsed_acts(views: Views, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Spans where an act word is followed by "n°" but no act could be read.

    Example: "décret n° (à paraître)" → one span: a reviewer should look.
    """
    p, starts = patterns(), {m.start for m in mentions}
    marked = re.compile(rf"\s*(?:[^\s,;:.()]+\s+){{0,3}}?(?:{p.number_mark})(?![\w])")
    return [
        (m.start(), mark.end())
        for m in p.kinds.finditer(views.key)
        if m.start() not in starts
        and (mark := marked.match(views.key, m.end())) is not None
        and not any(m.start() < a.end and a.start < mark.end() for a in mentions)
    ]


def _window_end(text: str, start: int, kind_starts: list[int]) -> int:
    """Where an act's description ends: punctuation, the next act word, 12 words."""
    words = re.compile(r"(?:\s*\S+){1,12}").match(text, start)
    end = words.end() if words else start
    stops = patterns().window_stop.finditer(text, start, end)
    hit = next((s for s in stops if not s.group("marker")), None)
    end = hit.start() if hit else end
    return min([end, *(s for s in kind_starts if s >= start)])


def _act_at(
    views: Views, m: re.Match[str], entry: KindEntry, limit: int
) -> Mention | None:
    p = patterns()
    number, pos = None, m.end()
    numbered = p.bare_number.match(views.key, pos, limit) or p.number.search(
        views.key, pos, limit
    )
    if numbered is None and entry.eu_only:
        # "décision d'exécution (UE) 2023/1795": EU numbers need no "n°".
        numbered = p.eu_number.search(views.key, pos, limit)
    if numbered:
        number, pos = _printed_number(views, numbered), numbered.end()
    dated = p.date_after.search(views.key, pos, limit)
    when = parse_date(dated) if dated else None
    if number is None and when is None:
        return None
    end = dated.end() if dated else pos
    if entry.eu_only and not p.eu_marker.search(views.key, m.start(), end):
        return None
    return _resolved(
        Mention(
            m.start(),
            end,
            entry.kind,
            number=number,
            date=when,
            instrument=entry.instrument,
        )
    )


def _more_numbers(views: Views, act: Mention, kind_starts: list[int]) -> list[Mention]:
    """ "les décrets n° 55-512 du 11 mai 1955 et n° 56-907 du …": one act each."""
    p, found, last = patterns(), [], act
    while (more := p.more_numbers.match(views.key, last.end)) is not None:
        limit = _window_end(views.key, more.end(), kind_starts)
        numbered = p.number.search(views.key, more.start(), limit)
        if numbered is None:
            break
        dated = p.date_after.search(views.key, numbered.end(), limit)
        last = _resolved(
            Mention(
                more.start(),
                dated.end() if dated else numbered.end(),
                act.kind,
                number=_printed_number(views, numbered),
                date=parse_date(dated) if dated else None,
                instrument=act.instrument,
            )
        )
        found.append(last)
    return found


def _printed_number(views: Views, match: re.Match[str]) -> str:
    """The number as printed, case kept, without a space left by a line break."""
    return re.sub(r"\s", "", views.raw[match.start("n") : match.end("n")])


def _resolved(mention: Mention) -> Mention:
    """EU numbers lose their "/CE" suffix; a date alone may name a known act."""
    number = mention.number
    if number and "/" in number:
        number = re.sub(r"/(?:CE|UE|CEE|EU)$", "", number, flags=re.IGNORECASE)
    if number is None and mention.date:
        number = next(
            (
                d.number
                for d in acts_vocab().dated
                if d.kind == mention.kind and d.date == mention.date
            ),
            None,
        )
    return replace(mention, number=number)


def _with_nor(views: Views, mentions: list[Mention]) -> list[Mention]:
    """A NOR code ("NOR : SSAZ1234567A") belongs to the act printed before it."""
    for m in patterns().nor.finditer(views.raw):
        before = [
            i
            for i, a in enumerate(mentions)
            if a.end <= m.start() and a.kind != "code_article" and a.anaphora is None
        ]
        if before:
            i = before[-1]
            mentions[i] = replace(mentions[i], nor=m.group("nor"))
    return mentions
