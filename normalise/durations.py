"""Periods written in French: "douze mois" → P12M, "de 6 à 10 ans" → P6Y..P10Y.

A period is a number (digits or words) and a unit from ``vocab/durations.fr.toml``;
a range joins two; "la fin de la troisième année suivant …" counts calendar
years. Numbers that state a person's age ("âgées d'au moins douze ans",
"volontaires de 15 à 17 ans") are never periods. ``normalise.retention`` ties
the periods found here to their events.
"""

import re
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel

from normalise import vocab
from normalise.numbers import (
    half_pattern,
    number_pattern,
    ordinal_pattern,
    parse_number,
    words_to_int,
)


class _Unit(BaseModel):
    designator: str
    days: float
    words: list[str]
    abbreviations: list[str]
    finer: str | None = None
    per_finer: int = 1


class _Markers(BaseModel):
    retention_stems: list[str]
    subject_verb_stems: list[str]
    archival: list[str]
    start: list[str]
    until: list[str]
    at: list[str]
    span: list[str]
    span_links: list[str]
    during: list[str]
    end_word: str
    articles: list[str]
    range_from: list[str]
    range_to: list[str]
    range_between: str
    range_and: str
    event_stops: list[str]
    addition: list[str]
    phase: list[str]
    permanent: list[str]
    year_end: list[str]
    year_words: list[str]
    year_after: list[str]
    headings: list[str]
    heading_links: list[str]
    openers: list[str]
    pronouns: list[str]
    auxiliaries: list[str]
    coordinated_determiners: list[str]
    anaphora: list[str]
    event_heads: list[str]


class _Ages(BaseModel):
    before: list[str]
    after: list[str]
    persons: list[str]
    links: list[str]
    of: list[str]
    possessives: list[str]


class _Dates(BaseModel):
    months: list[str]


class DurationsVocab(BaseModel):
    """``durations.fr.toml``: units, event markers, age traps, month names."""

    unit: list[_Unit]
    markers: _Markers
    ages: _Ages
    dates: _Dates


@dataclass(frozen=True)
class Period:
    """A period found in a text, with its character span: "18 mois" → P18M."""

    start: int
    end: int
    duration: str
    duration_max: str | None = None


def alt(words: list[str] | str) -> str:
    """Regex alternation of words, longest first (no group): ``"ans|an"``."""
    items = [words] if isinstance(words, str) else words
    return "|".join(re.escape(w) for w in sorted(set(items), key=len, reverse=True))


@cache
def durations_vocab() -> DurationsVocab:
    """The validated ``durations.fr.toml``."""
    return vocab.load("durations", DurationsVocab)


@cache
def _units() -> dict[str, _Unit]:
    """Every written form of a unit (folded) → its unit."""
    units = durations_vocab().unit
    return {form: u for u in units for form in (*u.words, *u.abbreviations)}


@cache
def _rx() -> dict[str, re.Pattern[str]]:
    """Period patterns, built once from the vocabularies."""
    m, a, flags = durations_vocab().markers, durations_vocab().ages, re.IGNORECASE
    num, unit = number_pattern(), rf"(?:{alt(list(_units()))})(?![\w/])"
    one = rf"(?P<n>{num})\s*(?P<u>{unit})(?P<half>{half_pattern()})?"
    two = rf"(?P<n1>{num})\s*(?P<u1>{unit})?\s*{{}}\s*(?P<n2>{num})\s*(?P<u2>{unit})"
    year = (rf"(?:{alt(m.year_end)})\s*(?:(?P<ord>{ordinal_pattern()})\s+)?"
            rf"(?:{alt(m.year_words)})")
    return {
        "one": re.compile(one, flags),
        "from_to": re.compile(rf"(?<!\w)(?:{alt(m.range_from)})\s*" + two.format(
            rf"(?:{alt(m.range_to)})"), flags),
        "between": re.compile(rf"(?<!\w){alt(m.range_between)}\s+" + two.format(
            rf"{alt(m.range_and)}"), flags),
        "bare_to": re.compile(two.format(rf"(?:{alt(m.range_to)})"), flags),
        # "5-10 ans": a hyphen joins digits only ("dix-huit" is one number).
        "dash": re.compile(two.replace(num, r"\d+").format("-"), flags),
        "year_end": re.compile(rf"{year}\s+(?P<tail>(?:{alt(m.year_after)})\s)", flags),
        "age_before": re.compile(
            rf"(?:(?<!\w)(?:{alt(a.before)})\s+(?:(?:{alt(a.links)})\s*)*"
            rf"|(?<!\w)(?:{alt(a.persons)})\s+(?:(?:{alt(a.links)})\s*)+"
            rf"|(?<!\w)(?:{alt(a.possessives)})\s+)$", flags),
        "age_after": re.compile(
            rf"^\s*(?:(?:{alt(a.after)})(?!\w)"
            rf"|(?:{alt(a.of)})\s*(?:{alt(a.persons)})(?!\w))", flags),
        # "vingt-et-un ans et trois cent soixante-quatre jours": one age.
        "age_and": re.compile(rf"^\s+{alt(m.range_and)}\s+$", flags),
    }


def iso_duration(value: float, designator: str) -> str:
    """One ISO 8601 duration in the unit printed: ``(18, "M")`` → ``"P18M"``.

    Args:
        value: the number of units (1.5 for "un an et demi").
        designator: the unit letter, "T"-prefixed for the time part ("TH").

    Returns:
        ``iso_duration(1, "TH") == "PT1H"``; ``iso_duration(12, "M") == "P12M"``.
    """
    number = str(int(value)) if value == int(value) else f"{value:g}"
    time = designator.startswith("T")
    return f"P{'T' if time else ''}{number}{designator.removeprefix('T')}"


def _amount(number: str, unit: str, half: str | None = None
            ) -> tuple[float, _Unit] | None:
    """(value, unit) of "18 mois"; None when an abbreviation follows a word."""
    form = unit.lower()
    found = _units().get(form)
    value = parse_number(number)
    if found is None or value is None or value <= 0:
        return None
    if form in found.abbreviations and not number[:1].isdigit():
        return None
    return value + (0.5 if half else 0), found


def _is_age(text: str, start: int, end: int) -> bool:
    """True when the number qualifies a person's age: "âgées d'au moins douze ans"."""
    rx = _rx()
    return bool(rx["age_before"].search(text[max(0, start - 60):start])
                or rx["age_after"].match(text[end:end + 20]))


def _range(match: re.Match[str]) -> Period | None:
    """"de 6 à 10 ans" → P6Y..P10Y; the lower bound first, whatever the order."""
    upper = _amount(match["n2"], match["u2"])
    lower = _amount(match["n1"], match["u1"] or match["u2"])
    if upper is None or lower is None:
        return None
    ends = sorted([lower, upper], key=lambda vu: vu[0] * vu[1].days)
    isos = [iso_duration(*_amount_iso(vu)) for vu in ends]
    return Period(match.start(), match.end(), isos[0], isos[1])


def _year_end(match: re.Match[str]) -> Period:
    """"la fin de la troisième année suivant X" → P3Y ("l'année suivant" → P1Y)."""
    years = words_to_int(match["ord"]) if match["ord"] else 1
    return Period(match.start(), match.start("tail"), iso_duration(years or 1, "Y"))


def find_periods(text: str) -> list[Period]:
    """Every period of a text, in order: ranges, calendar years, single amounts.

    Args:
        text: e.g. ``"de 6 à 10 ans ; fiche : trois mois"``.

    Returns:
        Periods with spans: P6Y..P10Y, then P3M.
    """
    rx, found, ages = _rx(), list[Period](), list[tuple[int, int]]()

    def free(m: re.Match[str]) -> bool:
        spans = [(p.start, p.end) for p in found] + ages
        return all(m.end() <= s or m.start() >= e for s, e in spans)

    for name in ("from_to", "between", "bare_to", "dash"):
        for m in rx[name].finditer(text):
            if free(m) and _is_age(text, m.start("n1"), m.end()):
                ages.append(m.span())  # "volontaires de 15 à 17 ans": no bound counts
            elif free(m) and (period := _range(m)):
                found.append(period)
    found += [_year_end(m) for m in rx["year_end"].finditer(text) if free(m)]
    for m in rx["one"].finditer(text):
        amount = _amount(m["n"], m["u"], m["half"])
        if not amount or not free(m):
            continue
        if _is_age(text, m.start(), m.end()) or _continues_age(text, m, ages):
            ages.append(m.span())
        else:
            found.append(Period(m.start(), m.end(), iso_duration(*_amount_iso(amount))))
    return sorted(found, key=lambda p: p.start)


def _continues_age(text: str, m: re.Match[str], ages: list[tuple[int, int]]) -> bool:
    """ "l'âge de vingt-et-un ans et trois cent soixante-quatre jours": the
    amount joined by "et" to an age is part of that age (arrêté PJJ, art. 5)."""
    return any(_rx()["age_and"].match(text[end:m.start()]) for _, end in ages
               if end <= m.start())


def _amount_iso(amount: tuple[float, _Unit]) -> tuple[float, str]:
    """(1.5, year) → (18, "M"): a fraction goes to the finer unit when exact."""
    value, unit = amount
    finer = value * unit.per_finer
    if value != int(value) and unit.finer and finer == int(finer):
        return finer, unit.finer
    return value, unit.designator
