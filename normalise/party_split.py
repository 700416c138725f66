"""Cut a recipients or controllers cell into one raw string per body.

Registers print these lists in many ways: separated by ``;`` or bullets,
as lines glued together once the PDF cell is joined ("… de la DNUM Officiers
de police judiciaire"), as a comma sentence ("Les destinataires sont …, …"),
as prose ("… est confiée à la société Scalingo"), or as "name : task" lines.
This module only cuts; normalise/parties.py turns each piece into a Party.

Regex rather than spaCy: the cuts hang on punctuation, capitals and
parenthesis depth, which character patterns state directly; spaCy's tokenizer
would split "L'Agence" and "(ARS)" into tokens we would have to glue back.
Every French word comes from vocab/parties.fr.toml.
"""

import re
from functools import cache

from pydantic import BaseModel

from normalise import vocab
from normalise.acronyms import is_acronym


class PartiesVocab(BaseModel):
    """parties.fr.toml: the grammar words of recipient lists."""

    prefixes: list[str]
    intro_nouns: list[str]
    intro_verbs: list[str]
    subject_verbs: list[str]
    object_verbs: list[str]
    none_verbs: list[str]
    verb_first: list[str]
    company_heads: list[str]
    comma_qualifiers: list[str]
    clause_markers: list[str]
    pour_heads: list[str]
    pour_clause_openers: list[str]
    determiners: list[str]
    function_words: list[str]
    list_tails: list[str]
    list_openers: list[str] = []
    pronouns: list[str] = []
    legal_pointers: list[str] = []
    body_determiners: list[str] = []
    appositions: list[str] = []
    participle_links: list[str] = []


@cache
def words() -> PartiesVocab:
    """The grammar words, read once."""
    return vocab.load("parties", PartiesVocab)


def alternation(phrases: list[str]) -> str:
    """``["sur réquisition", "via"]`` → a regex group, longest first, escaped."""
    ordered = sorted(phrases, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered) + ")"


_FOOTNOTE = re.compile(r"\(\s*\*+\s*\)|\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_NUMBERING = re.compile(r"^\s*(?:[IVX]+|\d+)\s*[.)°]\s*[―—–-]?\s*")
_SENTENCE = re.compile(r"(?<=[a-zà-ÿ)»\"\d])\.\s+(?=[A-ZÀ-Ý])")
_BULLET = re.compile(r"(?:^|\s)(?:[•▪●◦■►]|[-–—―](?=\s+[A-ZÀ-Ý]))\s*")
_AFTER_PAREN = re.compile(r"(?<=\)) (?=[A-ZÀ-Ý])")
_CAP_WORD = re.compile(r" (?=[A-ZÀ-Ý][a-zà-ÿ])")


def depths(text: str) -> list[int]:
    """Nesting depth in () and « » at every character: cuts happen at 0.

    Curly double quotes are left out: registers print “x“ as often as “x”.
    """
    out, depth = [], 0
    for char in text:
        if char in "(«":
            depth += 1
        out.append(depth)
        if char in ")»" and depth:
            depth -= 1
    return out


def cut_at(text: str, positions: list[tuple[int, int]]) -> list[str]:
    """Cut ``text`` at (start, end) spans, dropping the spans; empty pieces go."""
    pieces, last = [], 0
    for start, end in sorted(positions):
        if start >= last:
            pieces.append(text[last:start])
            last = end
    pieces.append(text[last:])
    return [p.strip() for p in pieces if p.strip()]


def split_top(text: str, pattern: re.Pattern[str]) -> list[str]:
    """Split on ``pattern`` outside parentheses and quotes."""
    depth = depths(text)
    spans = [(m.start(), m.end()) for m in pattern.finditer(text)
             if depth[min(m.start(), len(depth) - 1)] == 0]
    return cut_at(text, spans)


def cell_to_lists(text: str) -> list[str]:
    """The list-like parts of a cell: prose sentences reduced to their party part.

    Example: ``"La mission d'infogérance est confiée à la société Scalingo."``
    → ``["la société Scalingo"]``.
    """
    text = _NUMBERING.sub("", _FOOTNOTE.sub("", text)).strip()
    # "Les destinataires des données sont, en fonction de … : - les …"
    if m := _sentence_patterns()["colon_intro"].match(text):
        text = text[m.end():]
    parts = []
    for sentence in _SENTENCE.split(text):
        part = sentence_to_list(sentence.strip())
        if part:
            parts.append(part)
    return parts


@cache
def _sentence_patterns() -> dict[str, re.Pattern[str]]:
    w = words()
    flags = re.IGNORECASE
    return {
        "intro": re.compile(rf"^(?:les |ces )?{alternation(w.intro_nouns)}\b[^;:]*?"
                            rf"\s{alternation(w.intro_verbs)}\s+", flags),
        "label": re.compile(rf"^[^;:]{{0,40}}\b{alternation(w.intro_nouns)}\b"
                            rf"[^;:]{{0,30}}:\s*", flags),
        "first": re.compile(rf"^{alternation(w.verb_first)}\b", flags),
        "subject": re.compile(rf"\b{alternation(w.subject_verbs)}\b", flags),
        "object": re.compile(rf"\b{alternation(w.object_verbs)}\b", flags),
        "none": re.compile(rf"\b{alternation(w.none_verbs)}\b", flags),
        "det": re.compile(rf"^{alternation(w.determiners)}\b", flags),
        "colon_intro": re.compile(
            rf"^[^:;()]{{0,400}}?\b{alternation(w.list_openers)}\b[^:;()]*:\s*", flags),
        # a determiner that can open the subject after the verb: not "des"/"du",
        # which after "destinataires", "accès" are prepositions
        "subject_det": re.compile(
            rf"(?<![\w']){alternation(w.body_determiners)}(?:\s|(?<='))", flags),
        "to": re.compile(r"(?<![\w'])(?:aux|au|à\s+la|à\s+l'|à)(?:\s|(?<='))", flags),
        "pointer": re.compile(rf"\s*{alternation(w.legal_pointers)}\b", flags),
    }


def sentence_to_list(sentence: str) -> str:
    """The part of one sentence that lists parties ("" when it names none).

    Example: ``"Les destinataires sont les agents et les communes"`` →
    ``"les agents et les communes"``.
    """
    pat = _sentence_patterns()
    for name in ("intro", "label"):
        if m := pat[name].match(sentence):
            return sentence[m.end():]
    if pat["first"].match(sentence):
        return _after_verb_first(sentence)
    hits = [(m.start(), name, m) for name in ("subject", "object", "none")
            for m in pat[name].finditer(sentence)
            if not _in_relative(sentence, m.start())]
    if not hits:
        return sentence
    _, side, m = min(hits, key=lambda h: h[0])
    if side == "subject":
        return sentence[:m.start()]
    if side == "object":
        rest = re.sub(r"^\s*,[^,]*,", "", sentence[m.end():]).strip(" ,")
        return _to_phrase(rest)
    return ""


def _to_phrase(rest: str) -> str:
    """ "transmises dans le cadre de leurs missions aux organismes X" → "aux
    organismes X": a transfer's recipient is the phrase opened by à/au/aux."""
    pat = _sentence_patterns()
    if pat["to"].match(rest):
        return rest
    # "transmet les informations mentionnées à l'article D. 226-3-2 à l'observatoire"
    depth, pointer = depths(rest), pat["pointer"]
    to = [m for m in pat["to"].finditer(rest)
          if depth[m.start()] == 0 and not pointer.match(rest, m.end())]
    return rest[to[0].start():] if to else rest


def _in_relative(sentence: str, at: int) -> bool:
    """A verb inside "qui (y) ont accès": a relative clause, not the main verb."""
    return "qui" in sentence[:at].lower().split()[-3:]


def _after_verb_first(sentence: str) -> str:
    """"Peuvent accéder, …, à …, les militaires …" → "les militaires …"."""
    chunks = split_top(sentence, re.compile(r",\s+"))
    for i, chunk in enumerate(chunks):
        if i and _sentence_patterns()["det"].match(chunk):
            return ", ".join(chunks[i:])
    return _subject_after_object(sentence)


def _subject_after_object(sentence: str) -> str:
    """ "Sont destinataires des informations visées au 8° de l'article 81 du
    code général des impôts les agents habilités …": the subject is the first
    noun phrase whose determiner follows no preposition (arrêtés, art. 7)."""
    fn = {w.lower() for w in words().function_words}
    depth = depths(sentence)
    for m in _sentence_patterns()["subject_det"].finditer(sentence):
        before = sentence[:m.start()].split()
        if depth[m.start()] == 0 and before and before[-1].lower() not in fn:
            return sentence[m.start():]
    return ""


def list_to_pieces(text: str, commas: bool) -> list[str]:
    """Cut one list into raw pieces, one a body (qualifiers still attached).

    Args:
        text: the list part of a cell.
        commas: whether commas separate bodies (no ``;`` in the cell).

    Example: ``"Agents habilités du SSAC Officiers de police judiciaire"`` →
    ``["Agents habilités du SSAC", "Officiers de police judiciaire"]``.
    """
    if named := _name_task_lines(text):
        return named
    pieces = []
    for part in split_top(text, re.compile(r";")):
        for piece in _acronym_expansions(split_top(part, _BULLET)):
            pieces.extend(_split_glued_lines(piece))
    if commas:
        pieces = [c for p in pieces for c in split_commas(p)]
    return pieces


def _acronym_expansions(pieces: list[str]) -> list[str]:
    """ "DAVA - Dispositif Académique de Validation des Acquis": an acronym and,
    after a dash, the words it abbreviates are one body, "expansion (ACR)"."""
    out: list[str] = []
    for piece in pieces:
        if out and is_acronym(out[-1]) and _initials_match(out[-1], piece):
            out[-1] = f"{piece} ({out[-1]})"
        else:
            out.append(piece)
    return out


def _initials_match(acronym: str, expansion: str) -> bool:
    """ "ASP", "Agence de Services et de Paiement": capitals spell the acronym."""
    initials = "".join(w[0] for w in re.findall(r"[\w'’-]+", expansion)
                       if w[0].isupper())
    return len(acronym) >= 2 and initials.upper() == acronym.upper()


def _name_task_lines(text: str) -> list[str]:
    """"Clever Cloud : hébergement … OVH : gestion …" → the names before each colon."""
    if ";" in text or len(re.findall(r"\s:\s+[a-zà-ÿ]", text)) < 2:
        return []
    return [m.group(1) for m in re.finditer(
        r"((?:[A-Z0-9][\w.&'-]*)(?:\s+[A-Z0-9][\w.&'-]*)*)\s:\s", text)]


def _split_glued_lines(piece: str) -> list[str]:
    """Cut where a new printed line visibly starts a new body.

    Three signs: a capitalised determiner after a content word ("… sociaux
    Les agents"), a capital after a closing parenthesis ("(ARS) Agence"), a
    capitalised word after an acronym ("SSAC Officiers").
    """
    depth, spans = depths(piece), []
    fn = {w.lower() for w in words().function_words}
    for m in _cap_determiner().finditer(piece):
        before = piece[:m.start()].split()
        if depth[m.start()] == 0 and before and before[-1].lower() not in fn:
            spans.append((m.start(), m.end()))
    for m in _AFTER_PAREN.finditer(piece):
        if depth[m.start()] == 0:
            spans.append((m.start(), m.end()))
    for m in _CAP_WORD.finditer(piece):
        before = piece[:m.start()].split()
        if depth[m.start()] == 0 and before and is_acronym(before[-1]):
            spans.append((m.start(), m.end()))
    return cut_at(piece, spans)


@cache
def _cap_determiner() -> re.Pattern[str]:
    """" Les", " Aux", " L'": a capitalised determiner opening a glued line."""
    dets = words().determiners + [p for p in ("aux", "au") if p in words().prefixes]
    plain = [d.capitalize() for d in dets if not d.endswith("'")]
    elided = [d.capitalize() for d in dets if d.endswith("'")]
    return re.compile(rf" (?={alternation(plain)}\b|{alternation(elided)})")


def split_commas(piece: str) -> list[str]:
    """Split a comma list of bodies; qualifiers and enumerations stay attached.

    "Maître d'ouvrage, acheteurs publics" gives two; "services enfance, petite
    enfance et jeunesse" one (an enumeration closed by "et"); "gendarmerie
    nationale, sur réquisition" one (a qualifier, cut later).
    """
    depth = depths(piece)
    if _TO.match(piece):
        return _parallel_to(piece, depth)
    spans = [(m.start(), m.end()) for m in re.finditer(r",\s+", piece)
             if depth[m.start()] == 0 and (_continues(piece[m.end():])
                                           or not _in_enumeration(piece[m.end():]))]
    out: list[str] = []
    glued = False
    for chunk in cut_at(piece, spans):
        # After a qualifier, a chunk opening on a plain lower-case word goes on
        # qualifying: "…, individuellement désignés, affectés dans une unité".
        glued = bool(out) and (_continues(chunk) or (glued and _plain_lower(chunk)))
        if glued:
            out[-1] = f"{out[-1]}, {chunk}"
        else:
            out.append(chunk)
    return out


_TO = re.compile(r"(?:ainsi\s+qu'|et\s+)?(?:aux|au|à)(?:\s|(?<='))", re.IGNORECASE)


def _parallel_to(piece: str, depth: list[int]) -> list[str]:
    """ "au président du conseil général, au représentant de l'Etat, à
    l'inspecteur d'académie, le résultat …": in a list of à-phrases each one is
    a body; a chunk without à is the transferred object, not a body."""
    spans = [(m.start(), m.end()) for m in re.finditer(r",\s+", piece)
             if depth[m.start()] == 0]
    return [c for c in cut_at(piece, spans) if _TO.match(c)]


def _plain_lower(chunk: str) -> bool:
    """A chunk opening on a lower-case word that is no determiner."""
    det = _sentence_patterns()["det"]
    return chunk[:1].islower() and not det.match(chunk)


def _in_enumeration(after: str) -> bool:
    """Whether the text after a comma is a short member closing with "et"/"ou"."""
    m = re.match(r"((?:[^,;()]+?,\s+)*?[^,;()]+?)\s(?:et|ou)\s", after)
    # "…, le département et le laboratoire (DELTA)": a determiner opens a body
    if not m or _sentence_patterns()["subject_det"].match(after):
        return False
    return all(len(member.split()) <= 3 for member in m.group(1).split(","))


@cache
def apposition() -> str:
    """What, right after a comma, describes the body before it instead of
    naming another: a role noun without determiner ("Région, cofinanceur",
    "Département de l'Oise, gestionnaire du FSL") or a past participle and its
    preposition ("membres de la CDU, tenus au secret")."""
    w = words()
    # no determiner after it: "…, seuls les agents habilités" names a body
    role = (rf"{alternation(w.appositions)}s?(?![\w'-])"
            rf"(?!\s+{alternation(w.body_determiners)}(?:\s|(?<=')))")
    participle = (r"\w+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues)\s+"
                  rf"{alternation(w.participle_links)}(?:\b|(?<='))")
    return rf"(?:{role}|{participle})"


@cache
def _continuation() -> re.Pattern[str]:
    qualifiers = alternation(words().comma_qualifiers)
    participle = r"\w+(?:ant|ants|ment)\b"
    return re.compile(rf"^(?:{qualifiers}(?:\b|(?<=')|$)|{participle}|{apposition()}"
                      r"|\.\.\.|…)", re.IGNORECASE)


def _continues(chunk: str) -> bool:
    """A comma chunk that qualifies the previous body rather than naming one."""
    return bool(_continuation().match(chunk))
