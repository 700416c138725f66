"""Retention cells → one ``Retention`` per rule: "10 ans à partir de 2036" → P10Y.

A cell is cut into clauses (";", sentence ends, "label :" headings, lost line
breaks), each clause into phases (", puis …"); every period found in a phase
("douze mois", "de 6 à 10 ans", "la fin de la troisième année suivant …") gives
one rule, with the events, dates, archiving and subject of its phase.

Why regexes and not spaCy's Matcher: the grammar is a handful of skeletons
(number + unit, "de N à M unit", marker + event) whose words all come from
``vocab/durations.fr.toml`` and ``vocab/numbers.fr.toml``. Compiled once
(``functools.cache``), they keep character offsets for the ``text`` of each
rule and run in tens of microseconds per cell, where tokenizing every cell with
``spacy.blank("fr")`` alone costs more than the whole regex pass.
"""

import re
from functools import cache

from normalise.durations import Period, alt, durations_vocab, find_periods
from normalise.parsed import Parsed
from normalise.text import clean
from schemas.issues import Issue
from schemas.register import Retention

# Participle endings (grammar, not vocabulary): "conservées", "détruite".
_PARTICIPLE = r"(?:é|ée|és|ées|ite|ites|it|its|te|tes)(?!\w)"


@cache
def _rx() -> dict[str, re.Pattern[str]]:
    """All compiled patterns, built once from the vocabularies."""
    m, flags = durations_vocab().markers, re.IGNORECASE
    months = alt(durations_vocab().dates.months)
    return {
        "retention": re.compile(rf"(?<!\w)(?:{alt(m.retention_stems)})", flags),
        "archival": re.compile(rf"(?<!\w)(?:{alt(m.archival)})(?!\w)", flags),
        "permanent": re.compile(rf"(?<!\w)(?:{alt(m.permanent)})(?!\w)", flags),
        "start": re.compile(rf"(?<!\w)(?:{alt(m.start)})(?!\w)", flags),
        # "jusqu'à 7 jours" is a period, "jusqu'aux 21 ans de l'enfant" an age:
        # _until tells them apart with find_periods, which skips ages.
        "until": re.compile(rf"(?<!\w)(?:{alt(m.until)})(?!\w)\s*", flags),
        # "Au-delà de …" is no "au": a hyphen continues the word.
        "at": re.compile(rf"^\W*(?:{alt(m.at)})(?![\w-])", flags),
        "span": re.compile(rf"(?<!\w)(?:{alt(m.span)})\s+(?P<link>{alt(m.span_links)})"
                           r"(?:\s+|(?<='))", flags),
        "during": re.compile(rf"(?<!\w)(?:{alt(m.during)})\s+", flags),
        "article": re.compile(rf"^(?:(?:{alt(m.articles)})(?:\s+|(?<=')))+", flags),
        "stop": re.compile(
            rf"[,;.()\[\]]|{alt(m.event_stops)}"
            rf"| ou (?!(?:{alt(m.coordinated_determiners)})(?:\s|(?<=')))", flags),
        "anaphora": re.compile(rf"^(?:{alt(m.anaphora)})(?!\w)", flags),
        "head": re.compile(rf"^(?:{alt(m.event_heads)})\s+", flags),
        "anaphoric": re.compile(rf"(?<!\w)(?:{alt(m.anaphora)})(?!\w)", flags),
        # "10 a.", "2 sem.": the dot belongs to the unit, not to the sentence.
        "dotted_unit": re.compile(rf"\d\s*(?:{alt(_dotted_units())})$", flags),
        "addition": re.compile(rf"(?:^|\W)(?:{alt(m.addition)})\s*$", flags),
        "phase": re.compile(rf",?\s+(?:{alt(m.phase)})\s+", flags),
        "heading": re.compile(
            rf"^(?:{alt(m.headings)})(?:\s+(?:{alt(m.heading_links)}))?(?:\s+|(?<=')|$)",
            flags),
        "subject": re.compile(
            rf"^(?!(?:{alt(m.pronouns)})(?!\w))(?P<s>[^,:;()]{{3,80}}?)"
            rf"\s+(?:(?:{alt(m.auxiliaries)})\s+)?"
            rf"(?:{alt(m.subject_verb_stems)})\w*{_PARTICIPLE}", flags),
        "date": re.compile(rf"^(?:le\s+)?(?P<d>1er|\d{{1,2}})\s+(?P<m>{months})"
                           r"\s+(?P<y>\d{4})$"
                           r"|^(?P<d2>\d{1,2})/(?P<m2>\d{1,2})/(?P<y2>\d{4})$"
                           r"|^(?P<y3>(?:19|20)\d\d)$", flags),
        "clause": re.compile(r";|(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Ý«\"•-])"),
        # A lost line break: "… des cookies Les données …", "… 3 mois Journaux : …".
        "lost_break": re.compile(
            rf"(?<=[a-zà-ÿ0-9)])\s+(?=(?:{alt(m.openers)})(?!\w))"
            r"|(?<=[a-zà-ÿ0-9)])\s+(?=[A-ZÀ-ÖØ-Ý][a-zà-ÿ][\w' -]{0,50}?\s?:\s)"),
        "label": re.compile(r"^(?P<label>[^:\d]{1,80}?)\s*:\s+(?P<body>.+)$",
                            re.DOTALL),
    }


def _date(text: str) -> str | None:
    """ISO date of "1er janvier 2014" / "02/04/2018" / "2036", else None."""
    m = _rx()["date"].match(text)
    if m is None:
        return None
    if m["y3"]:
        return m["y3"]
    if m["y2"]:
        return f"{m['y2']}-{int(m['m2']):02d}-{int(m['d2']):02d}"
    months = [x.lower() for x in durations_vocab().dates.months]
    month = months.index(m["m"].lower()) + 1
    day = 1 if not m["d"][0].isdigit() or m["d"].lower() == "1er" else int(m["d"])
    return f"{m['y']}-{month:02d}-{day:02d}"


def _event_after(text: str, end: int, closed: bool = False) -> str | None:
    """The event phrase starting at ``end``: up to a stop, articles stripped.

    ``closed``: the phrase must end at a stop, not run to the end of ``text``
    (before a period, "depuis plus de" qualifies the period, not an event).
    """
    rest = text[end:].lstrip(" ,:")
    stop = _rx()["stop"].search(rest)
    if closed and stop is None:
        return None
    phrase = (rest[:stop.start()] if stop else rest).strip()
    phrase = _rx()["article"].sub("", phrase).strip()
    # "jusqu'au jour où le jeune atteint l'âge de …": the event is what happens.
    phrase = _rx()["article"].sub("", _rx()["head"].sub("", phrase)).strip()
    if _rx()["anaphora"].match(phrase):
        return None  # "au-delà de ce délai": the period before, not an event
    return phrase or None


def _starts(text: str, closed: bool = False) -> tuple[str | None, str | None]:
    """(start_event, start_date) of the first start markers in ``text``."""
    event = date = None
    for m in _rx()["start"].finditer(text):
        phrase = _event_after(text, m.end(), closed)
        if phrase is None:
            continue
        if (iso := _date(phrase)) is not None:
            date = date or iso
        else:
            event = event or phrase
    return event, date


def _until(text: str, periods: list[Period]) -> str | None:
    """End event: "jusqu'au désabonnement" → "désabonnement" (not "jusqu'à 7 jours")."""
    for m in _rx()["until"].finditer(text):
        phrase = _event_after(text, m.end())
        # "jusqu'à la fin de la troisième année suivant …" is a period, not an event.
        reach = m.end() + len(phrase or "") + 8
        # After a comma, a period is another rule: "Jusqu'aux 21 ans de
        # l'enfant, ou 10 ans après …" keeps its end event.
        if phrase and not any(m.end() <= p.start < reach
                              and "," not in text[m.end():p.start] for p in periods):
            return _date(phrase) or phrase
    return None


def _span_end(text: str) -> str | None:
    """"durée de la relation contractuelle" → "fin de la relation contractuelle"."""
    rx = _rx()
    m = rx["span"].search(text)
    link = f"{m['link']} " if m else "de "
    m = m or rx["during"].search(text)
    if m is None:
        return None
    rest = text[m.end():]
    stop = rx["stop"].search(rest)
    phrase = (rest[:stop.start()] if stop else rest).strip()
    if not phrase:
        return None
    return f"{durations_vocab().markers.end_word} {link}{phrase}".replace("' ", "'")


def _subject(text: str) -> str | None:
    """What a phase applies to, named before its verb: "fiche sanitaire détruite"."""
    m = _rx()["subject"].match(text)
    if m is None or find_periods(m["s"]):
        return None
    subject = _rx()["article"].sub("", m["s"].strip())
    return subject or None


def _event_only(text: str, applies_to: str | None) -> list[Retention]:
    """A phase with no period: an end event, an archiving step, or nothing."""
    rx = _rx()
    until = _until(text, []) or _span_end(text)
    if until is None and rx["at"].match(text):
        until = _event_after(text, rx["at"].match(text).end())  # type: ignore[union-attr]
    if until is None and rx["retention"].search(text):
        until = _starts(text)[0]
    archival = bool(rx["archival"].search(text))
    if until is None and not archival:
        return []
    return [Retention(text=text, until_event=until, archival=archival,
                      applies_to=applies_to or _subject(text))]


def _phase_rules(
    text: str, applies_to: str | None, before: str | None
) -> list[Retention]:
    """Rules of one phase; ``before`` is the end event of the previous phase."""
    periods = find_periods(text)
    if not periods:
        return _event_only(text, applies_to)
    archival = bool(_rx()["archival"].search(text))
    subject = applies_to or _subject(text)
    rules = []
    for i, p in enumerate(periods):
        head = text[periods[i - 1].end if i else 0:p.start]
        tail = text[p.end:periods[i + 1].start if i + 1 < len(periods) else len(text)]
        event, date = _starts(tail)
        if _rx()["addition"].search(head):
            event = event or _added_to(text[:p.start], text)
        elif i == 0 and event is None and date is None:
            event, date = _starts(head, closed=True)
        rules.append(Retention(
            text=text, duration=p.duration, duration_max=p.duration_max,
            start_event=event or (before if i == 0 else None), start_date=date,
            until_event=_until(text, periods) if i == 0 else None,
            archival=archival, applies_to=subject))
    return rules


def _added_to(head: str, text: str) -> str | None:
    """What "+ 3 ans" is added to: "durée de la mission" → "fin de la mission".

    "D + 6 ans (D = paiement des vacations)": the letter is defined in the phase.
    """
    letter = re.search(r"\(\s*\w\s*=\s*([^)]+)\)", text)
    if letter:
        return letter.group(1).strip()
    base = re.sub(r"\([^)]*\)", "", _rx()["addition"].sub("", head)).strip(" ,")
    if _span_end(base):
        return _span_end(base)
    return base if re.search(r"\w", base) and not find_periods(base) else None


def _label(clause: str) -> tuple[str | None, str]:
    """"journaux : 1 an glissant" → ("journaux", "1 an glissant").

    A heading label ("Durée de conservation") names nothing: it gives None.
    """
    m = _rx()["label"].match(clause)
    if m is None:
        return None, clause
    label = _rx()["heading"].sub("", m["label"].strip()).strip()
    return label or None, m["body"].strip()


def _clauses(text: str) -> list[str]:
    """Cut a cell at ";", sentence ends, and line breaks lost before a heading."""
    pieces = []
    for part in _rx()["clause"].split(text):
        pieces += _rx()["lost_break"].split(part)
    return [c for c in map(_trim, pieces) if c]


def _dotted_units() -> list[str]:
    """Unit abbreviations that end on a dot ("a.", "sem.")."""
    units = durations_vocab().unit
    return [a for u in units for a in u.abbreviations if a.endswith(".")]


def _trim(clause: str) -> str:
    """Spaces, commas and a final full stop, unless the stop ends "10 a."."""
    clause = clause.strip(" ,")
    while clause.endswith(".") and not _rx()["dotted_unit"].search(clause):
        clause = clause[:-1].rstrip(" ,")
    return clause


def _clause_rules(clause: str) -> tuple[list[Retention], Issue | None]:
    """Rules of one clause, or an Issue when it states none and is not permanent."""
    applies_to, body = _label(clause)
    rules: list[Retention] = []
    before: str | None = None
    for phase in _rx()["phase"].split(body):
        found = _phase_rules(phase.strip(" ,"), applies_to, before)
        before = found[-1].until_event if found and not found[-1].duration else None
        rules += found
    # "Au-delà de ce délai, elles sont supprimées" ends the rule before it.
    if rules or _rx()["permanent"].search(clause) or _rx()["anaphoric"].search(clause):
        return rules, None
    return [], Issue(code="retention-unparsed", stage="normalise", text=clause,
                     message="no retention period or event found")


def _parse_clauses(clauses: list[str]) -> Parsed[Retention]:
    values: list[Retention] = []
    issues: list[Issue] = []
    for clause in clauses:
        rules, issue = _clause_rules(clause)
        values += rules
        issues += [issue] if issue else []
    return Parsed(values=values, issues=issues)


def parse_retention(text: str) -> Parsed[Retention]:
    """Every retention rule of a retention cell, in the order written.

    Args:
        text: the cell, e.g.
            ``"Durée de l'affectation + 6 mois ; journaux : 1 an glissant"``.

    Returns:
        Two rules: P6M (start "fin de l'affectation") and P1Y (applies to "journaux").
        A clause stating nothing readable gives an Issue "retention-unparsed".
    """
    return _parse_clauses(_clauses(clean(text)))


def find_retention(text: str) -> Parsed[Retention]:
    """Retention rules written inside another column's cell (purposes, data).

    Only clauses carrying a retention word (conserv…, archiv…, supprim…) count.

    Args:
        text: e.g. ``"… adresse mail Conservation : 10 ans à partir de 2036"``.

    Returns:
        One rule P10Y with start_date "2036"; the data list around it is ignored.
    """
    clauses = [c for c in _clauses(clean(text)) if _rx()["retention"].search(c)]
    return _parse_clauses(clauses)
