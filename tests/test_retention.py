"""Retention cells → typed rules (normalise.retention, normalise.durations)."""
# ruff: noqa: E501  (real phrases are quoted whole, with their source)

import isodate
import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalise.durations import iso_duration
from normalise.retention import find_retention, parse_retention

Pair = tuple[str | None, str | None]


def _pairs(text: str) -> list[Pair]:
    return [(r.duration, r.duration_max) for r in parse_retention(text).values
            if r.duration]


@pytest.mark.parametrize("text, expected", [
    # samples/commune_register.pdf
    ("Registres : cent ans en mairie, puis versement aux Archives départementales "
     "(conservation définitive) ; demandes de copies : 1 an",
     [("P100Y", None), ("P1Y", None)]),
    ("Fiche abonné : deux ans après l'échéance de la dernière cotisation ; traces des "
     "prêts rendus : 8 semaines ; journaux du portail : douze mois glissants",
     [("P2Y", None), ("P8W", None), ("P12M", None)]),
    ("autorisations délivrées aux opérateurs : d'un à cinq ans selon leur nature",
     [("P1Y", "P5Y")]),
    ("Agenda des rendez-vous : quatre-vingt-dix jours", [("P90D", None)]),
    ("Autorisations accordées : conservation définitive", []),
    ("procurations : jusqu'à leur expiration", []),
    # samples/culture_register.pdf
    ("Jusqu'au désabonnement ; traceurs : de 1 heure à 13 mois", [("PT1H", "P13M")]),
    ("Durée de la relation contractuelle + 3 ans ; pièces comptables : dix ans",
     [("P3Y", None), ("P10Y", None)]),
    ("Certificats : durée de validité (20 ans) + 5 ans",
     [("P20Y", None), ("P5Y", None)]),
    # samples/interieur_dnum_register.pdf
    ("Durée de l'affectation + 6 mois ; journaux : 1 an glissant",
     [("P6M", None), ("P1Y", None)]),
    ("Boîte aux lettres : durée des fonctions + 3 mois "
     "Journaux techniques : de 6 mois à 1 an", [("P3M", None), ("P6M", "P1Y")]),
    ("D + 5 ans (D = date de clôture du ticket)", [("P5Y", None)]),
    # samples/rectorat_register.pdf
    ("Jusqu'à la fin de la troisième année suivant le dernier versement",
     [("P3Y", None)]),
    ("Six années scolaires après le dernier versement", [("P6Y", None)]),
    ("Données nominatives : jusqu'au 31 décembre de l'année d'affectation ; statistiques "
     "agrégées : conservées sans limite de durée", []),
    # samples/sports_register.pdf
    ("Validité de la carte (cinq ans) augmentée d'une année",
     [("P5Y", None), ("P1Y", None)]),
    ("Trois années civiles suivant la campagne", [("P3Y", None)]),
    ("Dossiers classés : deux ans ; dossiers ayant donné lieu à une mesure : de 6 à 10 ans "
     "selon la mesure prononcée", [("P2Y", None), ("P6Y", "P10Y")]),
    # tests/phrases/retention.jsonl (public registers and privacy policies)
    ("pendant une durée de trois ans à compter de leur inscription pour les personnes "
     "mineures âgées d'au moins douze ans révolus", [("P3Y", None)]),           # ret-009
    ("Ces données ne sont pas conservées au-delà de l'année scolaire au cours de laquelle "
     "l'élève atteint l'âge de seize ans.", []),                                # ret-094
    ("D'une heure à douze mois selon le type de cookie", [("PT1H", "P12M")]),   # ret-130
    ("900 secondes", [("PT900S", None)]),                                       # ret-054
    ("30 minutes", [("PT30M", None)]),                                          # ret-056
    ("La durée de conservation des données est fixée à vingt-quatre mois en base active.",
     [("P24M", None)]),                                                         # ret-050
    ("Les données à caractère personnel et informations ainsi enregistrées sont "
     "conservées en base active jusqu'à la fin de l'année suivant celle de leur "
     "enregistrement. Elles font l'objet d'un archivage intermédiaire et sont conservées "
     "jusqu'à la fin de la dixième année suivant celle de leur enregistrement.",
     [("P1Y", None), ("P10Y", None)]),                                          # ret-103
    ("Le temps de la session", []),                                             # ret-057
    # age traps, written after the grammar of the phrases file
    ("volontaires de 15 à 17 ans", []),
    ("enfants de moins de six ans : 2 ans", [("P2Y", None)]),
])
def test_parse_retention_periods(text: str, expected: list[Pair]) -> None:
    assert _pairs(text) == expected


def test_rule_carries_events_date_and_text() -> None:
    # dns_register.pdf, "Données traitées" of the Ségur activity
    [rule] = parse_retention("Conservation : 10 ans à partir de 2036 (à la date du dernier "
                             "paiement de l’Union européenne)").values
    assert rule.text == ("10 ans à partir de 2036 (à la date du dernier paiement de "
                         "l'Union européenne)")
    assert (rule.duration, rule.start_date) == ("P10Y", "2036")
    assert rule.start_event == "dernier paiement de l'Union européenne"


@pytest.mark.parametrize("text, field, value", [
    ("à compter du départ de l’agent : 5 ans", "duration", "P5Y"),
    ("5 ans à compter du départ de l’agent", "start_event", "départ de l'agent"),
    ("Durée de la relation contractuelle + 5 ans", "start_event",
     "fin de la relation contractuelle"),                                       # ret-123
    ("Jusqu'au désabonnement", "until_event", "désabonnement"),
    ("jusqu'au 2 avril 2018", "until_event", "2018-04-02"),
    ("dix-neuf ans à compter du 1er janvier 2014", "start_date", "2014-01-01"),  # ret-107
    ("journaux : 1 an glissant", "applies_to", "journaux"),
    ("fiche sanitaire détruite trois mois après le retour du volontaire", "applies_to",
     "fiche sanitaire"),                                                        # sports
])
def test_rule_fields(text: str, field: str, value: str) -> None:
    assert getattr(parse_retention(text).values[0], field) == value


def test_two_phases_give_two_rules_even_when_equal() -> None:
    rules = parse_retention("1 an en base active, puis archivage intermédiaire pendant "
                            "1 an").values
    assert [(r.duration, r.archival) for r in rules] == [("P1Y", False), ("P1Y", True)]


def test_archival_not_set_by_deletion() -> None:
    # ret-007: "sont ensuite archivées" is archival; deletion is not.
    rules = parse_retention("Les données sont conservées pendant trois ans. "
                            "Elles sont ensuite archivées.").values
    assert [r.archival for r in rules] == [False, True]
    assert not parse_retention("supprimées sous 2 mois").values[0].archival


def test_unparsed_gives_issue_and_no_value() -> None:
    parsed = parse_retention("Selon la DUA fixée par le tableau de gestion")
    assert parsed.values == []
    assert [(i.code, i.text) for i in parsed.issues] == [
        ("retention-unparsed", "Selon la DUA fixée par le tableau de gestion")]


def test_empty_and_permanent_give_nothing() -> None:
    assert parse_retention("") == parse_retention("   ")
    assert parse_retention("").values == [] and parse_retention("").issues == []
    assert parse_retention("conservation définitive").issues == []


def test_find_retention_reads_only_retention_sentences() -> None:
    # dns_register.pdf, INS activity: the data list around the sentence is ignored.
    cell = ("Pour le patient / bénéficiaire : nom de naissance et prénoms, date et lieu de "
            "naissance, rang de naissance, sexe Conservation des traces de connexion pour "
            "6 mois Pour les professionnels santé : • Données d’identification")
    assert [r.duration for r in find_retention(cell).values] == ["P6M"]
    assert find_retention("Recueil des candidatures des établissements de santé").values == []


def test_find_retention_sentence_with_verb() -> None:
    # dns_register.pdf, SAS activity
    cell = ("Lorsque le compte est inactif depuis plus de dix-huit mois, les données de "
            "l’utilisateur concerné sont supprimées. Les cookies sont conservés pendant une "
            "durée de douze mois à 1 heure selon la finalité du traceur")
    assert [(r.duration, r.duration_max) for r in find_retention(cell).values] == [
        ("P18M", None), ("PT1H", "P12M")]


@given(st.integers(min_value=1, max_value=999))
def test_years_in_digits(n: int) -> None:
    assert _pairs(f"{n} ans") == [(f"P{n}Y", None)]


@given(st.integers(min_value=1, max_value=999),
       st.sampled_from(["Y", "M", "W", "D", "TH", "TM", "TS"]))
def test_iso_duration_is_valid_iso(n: int, designator: str) -> None:
    isodate.parse_duration(iso_duration(n, designator))


@given(st.text(max_size=200))
def test_never_fails(text: str) -> None:
    parse_retention(text)
    find_retention(text)
