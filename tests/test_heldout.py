"""Held-out phrases: a regression floor on phrases the rules were not written on.

tests/phrases/heldout/*.jsonl hold real phrases (arrêtés and décrets creating
processing activities, CNIL texts, public services' privacy policies) collected
after the normalisers were written, with gold set by hand per
tests/phrases/CONVENTIONS.md. Scoring is that of ../shared/tools/score_parse.py
(micro F1 over key items), run in-process. Floors are the F1 reached when the
set was added minus a 0.025 margin, so that a rule change which loses unseen
phrases fails here even when the original phrase sets stay at 1.0.

Below, table-driven cases for the rules added on the held-out misses; each
input is quoted from the held-out source named in its comment.
"""

import json
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from normalise.categories import parse_data_categories
from normalise.durations import find_periods
from normalise.legal_refs import parse_legal_references
from normalise.parties import parse_parties
from normalise.retention import parse_retention

HELDOUT = Path(__file__).parent / "phrases" / "heldout"
_ISO = re.compile(
    r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?"
    r"(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$"
)
_ARTICLE = re.compile(r"^(?:l |la |le |les |un |une |des |du |de la |de l |aux |au )")

Item = tuple[Any, ...] | str


def _months_seconds(iso: str | None) -> tuple[int, int] | str | None:
    """P12M == P1Y, P2W == P14D: durations compared by value."""
    if not iso:
        return None
    m = _ISO.match(iso)
    if not m:
        return iso
    y, mo, w, d, h, mi, s = (int(x) if x else 0 for x in m.groups())
    return y * 12 + mo, ((w * 7 + d) * 24 + h) * 3600 + mi * 60 + s


def _key(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", str(text or "").lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _ident(value: object) -> str:
    return re.sub(r"[\s.]", "", str(value or "")).upper()


def _retention_items(values: list[dict[str, Any]]) -> set[Item]:
    return {(_months_seconds(v.get("duration")), _months_seconds(v.get("duration_max")))
            for v in values if v.get("duration") or v.get("duration_max")}


def _legal_items(values: list[dict[str, Any]]) -> set[Item]:
    return {(v["kind"], _ident(v.get("article") or v.get("number") or v.get("date")))
            for v in values}


def _recipient_items(values: list[dict[str, Any]]) -> set[Item]:
    return {_ARTICLE.sub("", _key(v.get("acronym") or v.get("name"))) for v in values}


def _category_items(values: list[dict[str, Any]]) -> set[Item]:
    return {v.get("category") for v in values}


KINDS: dict[str, tuple[Callable[[str], Any], str, Callable[..., set[Item]], float]] = {
    # kind: (normaliser, gold field, items, floor = F1 when added - 0.025)
    "retention": (parse_retention, "durations", _retention_items, 0.975),
    "legal-refs": (parse_legal_references, "refs", _legal_items, 0.975),
    "recipients": (parse_parties, "recipients", _recipient_items, 0.95),
    "data-categories": (parse_data_categories, "categories", _category_items, 0.95),
}


def _gold(kind: str) -> list[dict[str, Any]]:
    path = HELDOUT / f"{kind}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _micro_f1(kind: str) -> float:
    parse, field, items, _ = KINDS[kind]
    tp = n_got = n_want = 0
    for gold in _gold(kind):
        text = re.sub(r"\s+", " ", gold["text"]).strip()
        got = items([v.model_dump() for v in parse(text).values])
        wanted = gold[field]
        want = set(wanted) if kind == "data-categories" else items(wanted)
        tp, n_got, n_want = tp + len(got & want), n_got + len(got), n_want + len(want)
    precision = tp / n_got if n_got else 1.0
    recall = tp / n_want if n_want else 1.0
    return 2 * precision * recall / (precision + recall) if tp else 0.0


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_heldout_micro_f1_stays_above_its_floor(kind: str) -> None:
    assert len(_gold(kind)) >= 40
    assert _micro_f1(kind) >= KINDS[kind][3], kind


def _close(want: str | None, got: str | None) -> bool:
    """Events are short paraphrases: half their content words in common."""
    if not want or not got:
        return want == got
    stop = {"de", "la", "le", "les", "l", "du", "des", "d", "a", "au", "aux", "et"}
    a, b = (set(_key(x).split()) - stop for x in (want, got))
    return len(a & b) / max(len(a | b), 1) >= 0.5


def test_heldout_retention_events_and_archival_stay_above_their_floor() -> None:
    """start_event, until_event and archival per phrase (0.973 when added)."""
    right = total = 0
    for gold in _gold("retention"):
        rules = parse_retention(gold["text"]).values
        start = next((r.start_event for r in rules if r.start_event), None)
        until = next((r.until_event for r in rules if r.until_event), None)
        right += _close(gold["start_event"], start) + _close(gold["until_event"], until)
        right += gold["archival"] == any(r.archival for r in rules)
        total += 3
    assert right / total >= 0.95


@pytest.mark.parametrize("text, durations, until", [
    # legal.tricoteuses.fr LEGIARTI000043349430 (PJJ): an age limit is an event
    ("conservées en base active jusqu'au jour où le jeune atteint l'âge de "
     "vingt-trois ans si une prise en charge est en cours au jour de ses "
     "vingt-deux ans",
     [], "jeune atteint l'âge de vingt-trois ans"),
    ("jusqu'au jour où le mineur atteint l'âge de vingt-et-un ans et trois cent "
     "soixante-quatre jours", [], "mineur atteint l'âge de vingt-et-un ans et trois "
     "cent soixante-quatre jours"),
    # departement_register.pdf: "ses N ans", "aux N ans de l'enfant"
    ("jusqu'à ses 28 ans", [], "ses 28 ans"),
    ("Jusqu'aux 21 ans de l'enfant, ou 10 ans après la dernière information",
     ["P10Y"], "21 ans de l'enfant"),
])
def test_an_age_limit_is_an_end_event_not_a_duration(
    text: str, durations: list[str], until: str
) -> None:
    rules = parse_retention(text).values
    assert [r.duration for r in rules if r.duration] == durations
    assert rules[0].until_event == until


@pytest.mark.parametrize("text, expected", [
    # legal.tricoteuses.fr LEGIARTI000042523211: "au-delà" is not "au"
    ("conservées en base active pendant une durée de cinq ans à compter de la date "
     "de l'activité concernée. Au-delà de cette durée, les données peuvent être "
     "conservées à des fins exclusivement archivistiques",
     [("P5Y", "date de l'activité concernée", None, False),
      (None, None, None, True)]),  # the archiving phase
    # dns_register.pdf: "au-delà de ce délai" points back, no rule and no issue
    ("Conservation 5 ans. Elles sont supprimées automatiquement au-delà de ce délai",
     [("P5Y", None, None, False)]),
    # JORFARTI000038617213: "ou" + determiner coordinates one event
    ("conservées jusqu'à la fin de la cinquième année suivant la date de radiation "
     "des cadres ou des contrôles",
     [("P5Y", "date de radiation des cadres ou des contrôles", None, False)]),
    # REVA privacy policy: "ou le cas échéant" opens an alternative
    ("Jusqu'à 3 mois après l'obtention du diplôme ou le cas échéant 2 ans après la "
     "dernière mise en relation avec la personne concernée.",
     [("P3M", "obtention du diplôme", None, False),
      ("P2Y", "dernière mise en relation avec la personne concernée", None, False)]),
])
def test_retention_events(text: str, expected: list[tuple[Any, ...]]) -> None:
    parsed = parse_retention(text)
    got = [(r.duration, r.start_event, r.until_event, r.archival)
           for r in parsed.values]
    assert got == expected
    assert parsed.issues == []


@pytest.mark.parametrize("text, duration", [
    ("10 a.", "P10Y"),  # registers abbreviate "ans" as "a." at the end of a cell
    ("Dossiers : 10 a.", "P10Y"),
    ("2 sem.", "P2W"),
])
def test_a_dotted_unit_keeps_its_dot_at_the_end_of_a_cell(
    text: str, duration: str
) -> None:
    assert [r.duration for r in parse_retention(text).values] == [duration]


@pytest.mark.parametrize("n", [18, 21, 28])
def test_a_possessive_number_of_years_is_an_age(n: int) -> None:
    assert find_periods(f"jusqu'à ses {n} ans") == []
    assert find_periods(f"jusqu'aux {n} ans de l'enfant") == []


@pytest.mark.parametrize("text, refs", [
    # ssi.ac-bordeaux.fr: a roman paragraph after a comma
    ("dans la stricte limite d'un an (art. R. 10-14, III, du CPCE).",
     [("Code des postes et des communications électroniques", "R10-14", "III")]),
    # bo.sga.defense.gouv.fr code de justice militaire: "- art. 32" after the act
    ("(Modifié par Loi n° 2011-1862 du 13 décembre 2011 - art. 32).",
     [(None, "32", None)]),
    # DDT Loir-et-Cher PLU guide: CU is the code de l'urbanisme
    ("Fiche 2 : engagement de la procédure (art. L. 123-13-1 du CU)",
     [("Code de l'urbanisme", "L123-13-1", None)]),
])
def test_legal_reference_forms(text: str, refs: list[tuple[Any, ...]]) -> None:
    got = parse_legal_references(text).values
    assert [(r.code, r.article, r.paragraph) for r in got] == refs  # type: ignore[union-attr]


@pytest.mark.parametrize("text, names", [
    # arrêté du 17 mars 2008 (DGA), art. 3: a colon closes the introduction
    ("Les destinataires des données à caractère personnel enregistrées sont, en "
     "fonction de leurs attributions respectives et du besoin d'en connaître : "
     "- les fournisseurs ; - le service des contentieux.",
     ["les fournisseurs", "le service des contentieux"]),
    # arrêté du 28 avril 1987, art. 7: the subject after the object
    ("Sont destinataires des informations relatives aux indemnités temporaires "
     "visées au 8° de l'article 81 du code général des impôts les agents habilités "
     "des caisses de sécurité sociale de la branche famille.",
     ["les agents habilités des caisses de sécurité sociale de la branche famille"]),
    # JORFARTI000001469825: "seuls" inside the verb
    ("L'INSEE et les Archives de France sont seuls destinataires des informations.",
     ["L'INSEE", "les Archives de France"]),
    # arrêté du 18 juillet 1994, art. 4: "ou" + determiner, a pointer to a text
    ("- le procureur de la République ou l'officier du ministère public ;",
     ["le procureur de la République", "l'officier du ministère public"]),
    ("- les huissiers de justice et les agents des services du Trésor désignés aux "
     "articles 2, 21 et 22 du décret n° 69-560 du 6 juin 1969 ;",
     ["les huissiers de justice", "les agents des services du Trésor"]),
    # REVA privacy policy: a transfer verb takes the à-phrase; "ACR - Expansion"
    ("Les données sont transmises dans le cadre de leurs missions d'intérêt public "
     "aux organismes certificateurs ou accompagnateurs.",
     ["organismes certificateurs ou accompagnateurs"]),
    ("ASP - Agence de Services et de Paiement", ["Agence de Services et de Paiement"]),
    # arrêté du 27 août 2010, annexe: the head acronym and its local funds
    ("CNAVTS (CRAM, CRAV, CGSS), INSEE.", ["CNAVTS", "CRAM", "CRAV", "CGSS", "INSEE"]),
    # arrêté du 28 avril 1987, art. 7: a pronoun names nobody
    ("― les agents habilités des caisses de la mutualité sociale agricole. Ceux-ci "
     "sont destinataires, pour chacun de leur pensionné, des informations.",
     ["les agents habilités des caisses de la mutualité sociale agricole"]),
    # arrêté du 10 octobre 2006, art. 3-1: "et des" after a singular head
    ("- la caisse d'allocation familiale et des accidentés du travail de "
     "Nouvelle-Calédonie ;",
     ["la caisse d'allocation familiale et des accidentés du travail de "
      "Nouvelle-Calédonie"]),
])
def test_recipient_grammar(text: str, names: list[str]) -> None:
    assert [p.name for p in parse_parties(text).values] == names


@pytest.mark.parametrize("text, categories", [
    # décret n° 2014-187, annexe: what follows "à l'exception de" is left out
    ("― références des titres d'identité en lien avec l'enquête, à l'exception des "
     "numéros d'inscription au registre (NIR) et de tout élément biométrique ;",
     ["etat_civil"]),
    # arrêté du 25 octobre 2006, art. 2: the head labels the bracketed adjectives
    ("- à la santé (antécédents [personnels, familiaux et professionnels], facteurs "
     "de risques, traitements).", ["sante"]),
    # arrêté du 28 avril 2008, art. 2: adjectives alone, no label of their own
    ("― éléments justifiant la demande : économiques, financiers, professionnels, "
     "familiaux, relatifs à l'habitat et à la santé ;",
     ["economique_financier", "vie_professionnelle", "vie_personnelle", "sante"]),
    # arrêté du 6 octobre 2006, art. 2: trade-union membership is an opinion
    ("- d'un représentant du personnel élu ou désigné (nom, prénom, sexe, catégorie "
     "socioprofessionnelle, syndicat et mandat) ;",
     ["etat_civil", "vie_professionnelle", "opinions"]),
])
def test_data_category_grammar(text: str, categories: list[str]) -> None:
    got = [c.category for c in parse_data_categories(text).values]
    assert sorted(set(got)) == sorted(categories)
