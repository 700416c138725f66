"""Recipients and controllers: a list cell → one Party per body.

"Agence du numérique en santé (ANS)" → name + acronym ANS; "médecins de la
CVAGS" → a group inside a body, name only (CONTRACT.md); "SDJES du département
de résidence" → SDJES; "Services déconcentrés (DRAJES, SDJES)" → two bodies.
normalise/party_split.py cuts the cell into pieces; this module strips each
piece's qualifying clauses ("pour le paiement", "sur réquisition",
"(sous-traitant)"), splits coordinated bodies ("CNAF et MSA", "les militaires
ainsi que les agents …") and reads acronyms. Regex, for the reasons given in
party_split.py; every French word comes from vocab/parties.fr.toml.
"""

import re
from functools import cache

from normalise.acronyms import ACRONYM, TERRITORY, is_acronym, is_known
from normalise.parsed import Parsed
from normalise.party_split import (
    alternation,
    apposition,
    cell_to_lists,
    cut_at,
    depths,
    list_to_pieces,
    split_top,
    words,
)
from normalise.text import clean
from schemas.issues import Issue
from schemas.register import Party

_ACR_LIST = re.compile(
    rf"^\s*(?:\d+\s+)?({ACRONYM}(?:\s*(?:,|/|\bet\b|\bou\b)?\s*{ACRONYM})*)\s*$")
_PAREN = re.compile(r"\(([^()]*)\)")
_LISTED = re.compile(r",|/|\bet\b|\bou\b")
_SUBUNIT = re.compile(r"\s[–—/-]\s+(?=[a-zà-ÿ])")
_PARTICIPLE_PAR = re.compile(r"\s\w+(?:é|ée|és|ées|u|ue|us|ues|is|ise|ises)\s+par\b")
_JOINT = re.compile(r"co-?\s?responsab|responsables?\s+conjoint|conjointement", re.I)


def parse_parties(text: str) -> Parsed[Party]:
    """Recipients or controllers printed in one cell.

    Args:
        text: the cell, as printed.

    Returns:
        One Party per body, in order, without duplicates; an Issue carrying the
        text when a non-empty cell names none.

    Example: ``parse_parties("DRAC (directions régionales des affaires
    culturelles) ; DGFiP pour le paiement")`` → DRAC, DGFiP.
    """
    text = clean(text)
    if not text:
        return Parsed()
    lists = cell_to_lists(text)
    commas = ";" not in text
    parties: list[Party] = []
    for part in lists:
        for piece in _company_names(part) or list_to_pieces(part, commas):
            parties.extend(piece_to_parties(piece))
    parties = _unique(parties)
    if parties:
        return Parsed(values=parties)
    issue = Issue(code="recipient-unparsed", stage="normalise", text=text,
                  message="no recipient or controller found in this cell")
    return Parsed(values=[], issues=[issue])


def is_joint(text: str, parties: list[Party]) -> bool:
    """Whether a controllers cell states joint control.

    Example: ``is_joint("DNS CNAM (co-responsables de traitement)", …)`` → True;
    two or more controllers are joint too.
    """
    return bool(_JOINT.search(clean(text))) or len(parties) > 1


def piece_to_parties(piece: str) -> list[Party]:
    """One raw piece → its bodies (usually one).

    Example: ``piece_to_parties("CNAF et MSA (éligibilité)")`` → CNAF, MSA.
    """
    out = []
    for member in _members(piece):
        body = _trim(cut_qualifiers(_strip_prefixes(member)))
        # "au président du tribunal et au procureur": parallel à-phrases
        bodies = split_top(body, _TO_AND) if _TO.match(member.strip()) else [body]
        for conjunct in (c for b in bodies for c in split_coordination(b)):
            out.extend(_read_acronyms(_strip_prefixes(conjunct)))
    pronouns = {w.lower() for w in words().pronouns}
    return [p for p in out
            if re.search(r"\w", p.name) and p.name.lower() not in pronouns]


_AINSI = re.compile(r"(,?)(?:^|\s+)ainsi\s+qu(?:e\s+|')", re.I)
_TO_AND = re.compile(r"\s+et\s+(?=(?:aux|au|à)\s)", re.I)
_TO = re.compile(r"(?:aux|au|à)\s", re.I)


def _members(piece: str) -> list[str]:
    """Split on "ainsi que"; without a comma before it, an "ainsi que" inside
    a qualifying clause stays in it: "le président, dans le seul cadre de sa
    mission de prévention … ainsi que l'établissement d'un bilan" is one body."""
    members: list[str] = []
    last, depth = 0, depths(piece)
    for m in _AINSI.finditer(piece):
        if depth[m.start()]:
            continue
        head = piece[last:m.start()]
        if not m.group(1) and members + [head] and cut_qualifiers(head) != head:
            continue
        members.append(head)
        last = m.end()
    return [p for p in [*members, piece[last:]] if p.strip()]


@cache
def _prefix() -> re.Pattern[str]:
    return re.compile(rf"^(?:[-–—―•]\s*|{alternation(words().prefixes)}(?:\s+|(?<=')))",
                      re.IGNORECASE)


def _strip_prefixes(text: str) -> str:
    """"Interne aux ministères sociaux" → "ministères sociaux"; "- les …" → "les …"."""
    text = text.strip()
    while (m := _prefix().match(text)) and text[m.end():].strip():
        text = text[m.end():].strip()
    return text


@cache
def _markers() -> re.Pattern[str]:
    w = words()
    comma = rf",\s+(?:{alternation(w.comma_qualifiers)}(?:\b|(?<='))|{apposition()})"
    clause = rf"\s{alternation(w.clause_markers)}(?:\b|(?<='))"
    return re.compile(rf"{comma}|{clause}", re.IGNORECASE)


@cache
def _pointer() -> re.Pattern[str]:
    """ "désignés aux articles 2, 21 et 22": a participle pointing at a text."""
    return re.compile(
        r"\s\w+(?:é|ée|és|ées|u|ue|us|ues|is|ise|ises)\s+(?:aux|au|à\s+l'|à)\s*"
        rf"{alternation(words().legal_pointers)}\b", re.IGNORECASE)


def cut_qualifiers(item: str) -> str:
    """Drop what qualifies the body rather than naming it.

    Example: ``"gendarmerie nationale, sur réquisition"`` → ``"gendarmerie
    nationale"``; ``"DNUM – centre de services"`` → ``"DNUM"``.
    """
    depth = depths(item)
    cuts = [m.start() for pat in (_markers(), _SUBUNIT, _PARTICIPLE_PAR, _pointer())
            for m in pat.finditer(item) if depth[m.start()] == 0]
    named = _expansion_end(item, depth)
    cuts += [c for c in _pour_cuts(item) if depth[c] == 0 and c >= named]
    return item[:min(cuts)] if cuts else item


def _expansion_end(item: str, depth: list[int]) -> int:
    """Where a body's expanded name ends: at "(CNSA)" in "Caisse nationale de
    solidarité pour l'autonomie (CNSA), données pseudonymisées". The words
    before an acronym in brackets spell it out, so a "pour" inside them opens
    no purpose; 0 when there is no such bracket, or when an acronym already
    names the body before it ("DGFiP pour le paiement (…)")."""
    for m in _PAREN.finditer(item):
        if depth[m.start()] != 1 or not _ACR_LIST.match(m.group(1)):
            continue
        head = item[:m.start()]
        if not any(is_acronym(w.strip(",.;:")) for w in head.split()):
            return m.start()
        return 0
    return 0


def _pour_cuts(item: str) -> list[int]:
    """Where " pour …" opens a purpose: not in "Agence nationale pour l'…"."""
    w = words()
    heads = {h.lower() for h in w.pour_heads}
    openers = re.compile(rf"\b{alternation(w.pour_clause_openers)}\b", re.IGNORECASE)
    cuts = []
    for m in re.finditer(r"\s+pour\b", item, re.IGNORECASE):
        before = item[:m.start()]
        last = [t.lower().split("'")[-1] for t in before.split()[-2:]]
        owned = openers.search(before) and not before.rstrip().endswith(")")
        if not (set(last) & heads and not before.rstrip().endswith(")")) and not owned:
            cuts.append(m.start())
    return cuts


def _trim(text: str) -> str:
    """Trailing punctuation, "…", "etc.", a dangling "et"/"ou"."""
    tails = alternation(words().list_tails)
    pattern = re.compile(rf"(?:\s*(?:[.,;:]|{tails}|\bet|\bou)\s*)+$", re.IGNORECASE)
    return pattern.sub("", text).strip()


@cache
def _det_and() -> re.Pattern[str]:
    """ "X et les Y", "X ou l'Y": two parallel noun phrases. Not "et des": it
    goes on with a complement ("la caisse d'allocation familiale et des
    accidentés du travail", "la direction des libertés publiques et des
    affaires juridiques" are one body each; arrêtés, art. 3)."""
    dets = alternation(words().body_determiners)
    return re.compile(rf"\s+(?:et|ou)\s+(?={dets}(?:\s|(?<=')))", re.IGNORECASE)


def split_coordination(item: str) -> list[str]:
    """"Les psychologues et les médecins" → two; "Secrétaire général et …" → one.

    Only parallel noun phrases split: both opening with a determiner, or the
    distributive "les agents de la police nationale et de la gendarmerie
    nationale" (one head, two bodies).
    """
    if "," in item:
        return [item]
    if not re.match(rf"{alternation(words().determiners)}(?:\s|(?<='))", item, re.I):
        return _bare_coordination(item)
    # "des" is left out: "la direction des libertés publiques et des affaires
    # juridiques" names one body by its fields (arrêté, JORFARTI000027169418).
    if m := re.match(r"^(.+?)\s(de la|du|de l')\s(.+?)\set\s\2\s(.+)$", item, re.I):
        head, link, first, second = m.groups()
        if " et " not in first and "(" not in head:
            return [f"{head} {link} {first}", f"{head} {link} {second}"]
    return split_top(item, _det_and())


def _bare_coordination(item: str) -> list[str]:
    """Bodies joined by "et" without determiners: two when the second is a
    proper name ("cour administrative d'appel de Lyon et Conseil d'État"),
    repeats the head noun ("police nationale et police municipale") or follows
    an acronym alone ("URSSAF et caisses de retraite"). Otherwise one:
    "Magistrats et agents de greffe", "Caisse d'assurance retraite et de la
    santé au travail" (a complement, not a body)."""
    fn = {w.lower() for w in words().function_words + words().determiners}
    depth, spans = depths(item), []
    for m in re.finditer(r"\s+et\s+", item):
        before, after = item[:m.start()].split(), item[m.end():].split()
        if depth[m.start()] or not before or not after:
            continue
        nxt = after[0]
        proper = nxt[:1].isupper() and nxt.split("'")[0].lower() not in fn
        head = before[0].lower()
        repeated = nxt.lower() == head and head not in fn and len(before) > 1
        acronym = len(before) == 1 and is_acronym(before[0])
        if proper or repeated or acronym:
            spans.append((m.start(), m.end()))
    return cut_at(item, spans)


def _read_acronyms(item: str) -> list[Party]:
    """Name and acronym of one body; an acronym list gives one Party each."""
    item = item.strip()
    if not item:
        return []
    if m := _ACR_LIST.match(item):
        tokens = _acronym_tokens(m.group(1))
        if tokens:
            return [Party(name=t, acronym=t) for t in tokens]
    if acronym_parens := _acronym_parens(item):
        return acronym_parens
    item = _drop_trailing_paren(item)
    if m := _ACR_LIST.match(item):
        tokens = _acronym_tokens(m.group(1))
        if tokens:
            return [Party(name=t, acronym=t) for t in tokens]
    if m := re.match(rf"^\s*(?:\d+\s+)?.*?\b({ACRONYM})$", item):
        tail = _coordinated_tail(item)
        if tail:
            return tail
    # "la CAF", "SDJES du lieu d'accueil": the body the acronym names.
    det = re.match(rf"{alternation(words().determiners)}(?:\s+|(?<='))", item, re.I)
    lead = re.match(ACRONYM, item[det.end() if det else 0:])
    if lead and is_acronym(lead.group()):
        return [Party(name=item, acronym=lead.group())]
    return [Party(name=item)]


def _acronym_tokens(text: str) -> list[str]:
    """"DRAJES, SDJES" → both; "CDG 60" → one; [] when any token is not an acronym."""
    tokens: list[str] = []
    for token in (t for t in re.split(r"\s*(?:,|/|\bet\b|\bou\b|\s)\s*", text) if t):
        if tokens and re.fullmatch(TERRITORY, token):
            tokens[-1] = f"{tokens[-1]} {token}"
        else:
            tokens.append(token)
    return tokens if tokens and all(is_acronym(t) for t in tokens) else []


def _coordinated_tail(item: str) -> list[Party]:
    """"les personnels désignés à la DGESCO, DGER et DGAMPA" → the three bodies."""
    m = re.search(rf"({ACRONYM}(?:\s*(?:,|/|\bet\b|\bou\b)\s*{ACRONYM})+)$", item)
    if not m:
        return []
    tokens = _acronym_tokens(m.group(1))
    separators = re.findall(r",|/|\bet\b|\bou\b", m.group(1))
    if len(tokens) < 2 or not separators:
        return []
    return [Party(name=t, acronym=t) for t in tokens]


def _acronym_parens(item: str) -> list[Party]:
    """"Agence du numérique en santé (ANS)" → name + ANS; "(DRAJES, SDJES)" → two."""
    depth = depths(item)
    for m in _PAREN.finditer(item):
        if depth[m.start()] != 1 or not (inner := _ACR_LIST.match(m.group(1))):
            continue
        tokens = _acronym_tokens(inner.group(1))
        head = _trim(item[:m.start()])
        if len(tokens) > 1 and head and not is_acronym(head) and not _LISTED.search(
                inner.group(1)):
            # "Agence régionale de santé (ARS IDF)": a spelt-out name, then
            # one acronym printed in two words (no comma, no "et").
            tokens = [" ".join(tokens)]
        if len(tokens) > 1 or not tokens:
            # "CNAVTS (CRAM, CRAV, CGSS)": the head body, then its local funds.
            alone = head and len(head.split()) == 1 and is_acronym(head)
            lead = [head] if alone else []
            return [Party(name=t, acronym=t) for t in lead + tokens] if tokens else []
        if head and len(head.split()) == 1 and is_acronym(head):
            # "DNS (CNAM)": two known bodies; "ANSSI (CERT-FR)": a unit of one.
            both = is_known(tokens[0])
            second = [Party(name=tokens[0], acronym=tokens[0])] if both else []
            return [Party(name=head, acronym=head), *second]
        return [Party(name=head or tokens[0], acronym=tokens[0])]
    return []


def _drop_trailing_paren(item: str) -> str:
    """"Trésor public (paiement)" → "Trésor public"; a paren mid-name stays."""
    while item.endswith(")"):
        start = _opening_of_last(item)
        head = _trim(item[:start]) if start is not None else ""
        if not head:
            break
        item = head
    return item


def _opening_of_last(item: str) -> int | None:
    """Index of the "(" that the final ")" closes, None when unbalanced."""
    level = 0
    for i in range(len(item) - 1, -1, -1):
        level += {")": 1, "(": -1}.get(item[i], 0)
        if level == 0:
            return i
    return None


def _company_names(part: str) -> list[str]:
    """"aux sociétés 3DS et OVH" → ["3DS", "OVH"]: a head then proper names."""
    heads = alternation(words().company_heads)
    m = re.match(rf"^(?:\S+\s+){{0,2}}?{heads}\s+(?=[A-Z0-9])(.+)$", part.strip(), re.I)
    if not m:
        return []
    body = _trim(re.sub(r"\([^()]*\)", "", cut_qualifiers(m.group(1))))
    names = [n.strip() for n in re.split(r",\s*|\s+et\s+", body) if n.strip()]
    return names if all(n[:1].isupper() or n[:1].isdigit() for n in names) else []


def _unique(parties: list[Party]) -> list[Party]:
    seen: set[tuple[str, str | None]] = set()
    out = []
    for party in parties:
        key = (party.name.lower(), party.acronym)
        if key not in seen:
            seen.add(key)
            out.append(party)
    return out
