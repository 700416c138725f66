"""Legal references in cells and paragraphs (normalise.legal_refs)."""
# ruff: noqa: E501  (real phrases are quoted whole, with their source)

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalise.legal_refs import parse_legal_references
from normalise.legal_vocab import acts_vocab, codes_vocab, key

Ref = tuple[str, str | None, str | None, str | None, str | None, str | None]

CSP = "Code de la santé publique"
EDUC = "Code de l'éducation"
SPORT = "Code du sport"
CRPA = "Code des relations entre le public et l'administration"


def _refs(text: str) -> list[Ref]:
    """(kind, code, article, paragraph, number, date) of every reference found."""
    return [(r.kind, r.code, r.article, r.paragraph, r.number, r.date)
            for r in parse_legal_references(text).values]


def code(name: str | None, article: str | None, paragraph: str | None = None) -> Ref:
    return ("code_article", name, article, paragraph, None, None)


def act(kind: str, number: str | None, date: str | None = None,
        article: str | None = None, paragraph: str | None = None) -> Ref:
    return (kind, None, article, paragraph, number, date)


def gdpr(article: str | None = None, paragraph: str | None = None, date: str | None = None) -> Ref:
    return act("eu_regulation", "2016/679", date, article, paragraph)


@pytest.mark.parametrize("text, expected", [
    # samples/dns_register.pdf: "R-1111-36" printed with a dash
    ("conformément à l'article R-1111-36 du code de la santé publique, à compter de la date de la clôture",
     [code(CSP, "R1111-36")]),
    # samples/commune_register.pdf: code named first, range, "et suivants"
    ("Code de l'urbanisme, art. L. 421-1 à L. 421-8 et R. 423-1 et suivants ; article L. 2122-18 du CGCT (délégation de signature) ; CRPA, art. L311-1 (communication des dossiers)",
     [code("Code de l'urbanisme", "L421-1"), code("Code de l'urbanisme", "L421-8"),
      code("Code de l'urbanisme", "R423-1"),
      code("Code général des collectivités territoriales", "L2122-18"), code(CRPA, "L311-1")]),
    ("Code civil, articles 34 à 101-2 ; décret n° 2017-890 du 6 mai 2017 relatif à l'état civil ; instruction générale relative à l'état civil du 11 mai 1999",
     [code("Code civil", "34"), code("Code civil", "101-2"),
      act("decree", "2017-890", "2017-05-06"), act("circular", None, "1999-05-11")]),
    ("Exécution d'une mission d'intérêt public (article 6, paragraphe 1, point e) du RGPD) ; article L. 551-1 du code de l'éducation ; délibération n° 2023-47 du conseil municipal du 11 septembre 2023 (règlement des services périscolaires)",
     [gdpr("6", "1.e"), code(EDUC, "L551-1"), act("other", "2023-47", "2023-09-11")]),
    ("Art. L.251-2, L.252-1 et L.253-5 du code de la sécurité intérieure ; arrêté préfectoral n° 2022-SIDPC-0317 du 9 septembre 2022 ; directive (UE) 2016/680 du 27 avril 2016",
     [code("Code de la sécurité intérieure", "L251-2"),
      code("Code de la sécurité intérieure", "L252-1"),
      code("Code de la sécurité intérieure", "L253-5"),
      act("order", "2022-SIDPC-0317", "2022-09-09"),
      act("eu_directive", "2016/680", "2016-04-27")]),
    ("Mission d'intérêt public ; article L. 310-1 du code du patrimoine ; consentement (art. 6-1-a du RGPD) pour l'envoi du programme ; décision 2002/2/CE du 20 décembre 2001 (adéquation du Canada)",
     [code("Code du patrimoine", "L310-1"), gdpr("6", "1.a"),
      act("other", "2002/2", "2001-12-20")]),
    # samples/culture_register.pdf: "6.1.c et e", "9-2-b"
    ("Décret n° 2020-256 du 13 mars 2020 relatif au dispositif de signalement des actes de violence Article 6.1.c et article 9-2-b du règlement (UE) 2016/679",
     [act("decree", "2020-256", "2020-03-13"), gdpr("6", "1.c"), gdpr("9", "2.b")]),
    ("Articles L. 111-2 et R. 111-4 du code du patrimoine Règlement (CE) n° 116/2009 du Conseil du 18 décembre 2008 concernant l'exportation de biens culturels",
     [code("Code du patrimoine", "L111-2"), code("Code du patrimoine", "R111-4"),
      act("eu_regulation", "116/2009", "2008-12-18")]),
    # samples/interieur_dnum_register.pdf
    ("Article 6.1.c et e du RGPD Arrêté du 24 octobre 2019 relatif à la journalisation des accès aux systèmes d'information du ministère",
     [gdpr("6", "1.c"), gdpr("6", "1.e"), act("order", None, "2019-10-24")]),
    ("Obligation légale : article 12 du règlement (UE) 2016/679 ; loi Informatique et Libertés",
     [gdpr("12"), act("law", "78-17")]),
    ("Oui – routeur d'envoi établi aux États-Unis ; clauses contractuelles types (décision (UE) 2021/914)",
     [act("other", "2021/914")]),
    # samples/rectorat_register.pdf: abbreviated code, "6.1(e)", note de service
    ("Arrêté du 22 septembre 2011 modifié portant création de la base élèves du second degré ; art. L. 131-8 C. éduc. (assiduité scolaire) ; RGPD, article 6.1(e)",
     [act("order", None, "2011-09-22"), code(EDUC, "L131-8"), gdpr("6", "1.e")]),
    ("Article 6-1-e du RGPD ; Code de l'éducation, art. D.334-9 ; note de service n° 2021-065 du 19 mai 2021",
     [gdpr("6", "1.e"), code(EDUC, "D334-9"), act("circular", "2021-065", "2021-05-19")]),
    ("Code de l'éducation, art. R. 334-35 à R. 334-44 ; loi du 23 décembre 1901 réprimant les fraudes dans les examens et concours publics ; art. 10 du RGPD",
     [code(EDUC, "R334-35"), code(EDUC, "R334-44"), act("law", None, "1901-12-23"), gdpr("10")]),
    ("Décret n° 99-823 du 17 septembre 1999 relatif à l'exercice des fonctions de remplacement ; Code de l'éducation, L.912-1",
     [act("decree", "99-823", "1999-09-17"), code(EDUC, "L912-1")]),
    # samples/sports_register.pdf: "C. sport", "9 § 2 h)", JORF, alinéa
    ("Articles L. 212-1 et L. 212-11 du code du sport ; art. R.212-85 à R.212-88 C. sport",
     [code(SPORT, "L212-1"), code(SPORT, "L212-11"), code(SPORT, "R212-85"), code(SPORT, "R212-88")]),
    ("Article L. 231-6 du code du sport ; arrêté du 13 juin 2016 relatif à la surveillance médicale des sportifs ; RGPD art. 9 § 2 h)",
     [code(SPORT, "L231-6"), act("order", None, "2016-06-13"), gdpr("9", "2.h")]),
    ("C. sport, art. L. 221-2 et R. 221-1 et suivants ; arrêté du 21 décembre 2023 fixant au titre de l'année 2024 la liste des sportifs de haut niveau (JORF n° 0302 du 29 décembre 2023)",
     [code(SPORT, "L221-2"), code(SPORT, "R221-1"), act("order", None, "2023-12-21"),
      act("jorf", "0302", "2023-12-29")]),
    ("Article 40, alinéa 2, du code de procédure pénale ; articles L. 212-13 et L. 322-3 du code du sport ; art. 10 RGPD",
     [code("Code de procédure pénale", "40", "2"), code(SPORT, "L212-13"), code(SPORT, "L322-3"),
      gdpr("10")]),
    ("Décret n° 2018-460 du 8 juin 2018 ; règlement (UE) n° 1407/2013 du 18 décembre 2013 (aides de minimis)",
     [act("decree", "2018-460", "2018-06-08"), act("eu_regulation", "1407/2013", "2013-12-18")]),
    # samples/sports_register.pdf as extracted: a line break after a hyphen left a space
    ("Code du sport, articles L. 212- 9 et L. 322-1 ; article 706-53- 7 du code de procédure pénale ; loi n° 2016- 1048 du 1er août 2016",
     [code(SPORT, "L212-9"), code(SPORT, "L322-1"), code("Code de procédure pénale", "706-53-7"),
      act("law", "2016-1048", "2016-08-01")]),
    # samples/dns_register.pdf: security paragraph, around the table
    ("les traitements respectent la Politique de sécurité des systèmes d'information pour les ministères chargés des affaires sociales (PSSI-MCAS) : Légifrance - Publications officielles - Journal officiel - JORF n° 0249 du 27/10/2015 (legifrance.gouv.fr)",
     [act("jorf", "0249", "2015-10-27")]),
    # tests/phrases/legal-refs.jsonl
    ("Vu le règlement (UE) 2016/679 du Parlement européen et du Conseil du 27 avril 2016 relatif à la protection des personnes physiques à l'égard du traitement des données à caractère personnel et à la libre circulation de ces données, et abrogeant la directive 95/46/CE ;",  # leg-003
     [gdpr(date="2016-04-27"), act("eu_directive", "95/46")]),
    ("Vu la loi n° 78-17 du 6 janvier 1978 modifiée relative à l'informatique, aux fichiers et aux libertés, notamment son article 27-I-1°;",  # leg-028
     [act("law", "78-17", "1978-01-06", "27", "I.1")]),
    ("(Articles L.2131-1 III et IV du CGCT et R. 2131-1 du même code)",  # leg-051
     [code("Code général des collectivités territoriales", "L2131-1", "III"),
      code("Code général des collectivités territoriales", "L2131-1", "IV"),
      code("Code général des collectivités territoriales", "R2131-1")]),
    ("L'article L114-8 du code des relations entre le public et l'administration fixe le cadre général des échanges de données au sein de l'administration. En tant que collectivité territoriale, la délibération ci-jointe précise l'objet du téléservice, selon l'arrêté du 04/07/13 sur les téléservices",  # leg-067
     [code(CRPA, "L114-8"), act("order", None, "2013-07-04")]),
    ("Article Premier de la LOI n° 2016-1321 du 7 octobre 2016 pour une République numérique",  # leg-069
     [act("law", "2016-1321", "2016-10-07", "1")]),
    ("dans le cadre du décret N°2011-1601 et de l’article D8222 du code du travail, offre de services d’intermédiation aux organismes publics, telle que définie par l’article 17, alinéa IV, du décret du 24 septembre 2014 et le décret lié à la commande publique n° 2016-360.",  # leg-070
     [act("decree", "2011-1601"), code("Code du travail", "D8222"),
      act("decree", None, "2014-09-24", "17", "IV"), act("decree", "2016-360")]),
    ("En application de l’article 5(3) de la directive 2002/58/CE modifiée concernant le traitement des données à caractère personnel, transposée à l’article 82 de la loi n° 78-17 du 6 janvier 1978",  # leg-081
     [act("eu_directive", "2002/58", None, "5", "3"), act("law", "78-17", "1978-01-06", "82")]),
    ("au sens du c) du 1 de l'article 6 du règlement général sur la protection des données (RGPD).",  # leg-099
     [gdpr("6", "1.c")]),
    ("conformément au e du 1 de l'article 6 du règlement (UE) du 27 avril 2016 susvisé, et pour les motifs d'intérêt public mentionnés au i du 2 de l'article 9 du même règlement.",  # leg-101
     [gdpr("6", "1.e", "2016-04-27"), gdpr("9", "2.i", "2016-04-27")]),
    ("Le recueil et le suivi des signalements déclarés en application de l’article R. 412-14-1 du même code ;",  # leg-103: code named in another sentence
     [code(None, "R412-14-1")]),
    ("Cette mission d’intérêt public se traduit en pratique par l’arrêté du 30 décembre 2019 relatif à l’organisation du secrétariat général, notamment son article 2 bis.",  # leg-086
     [act("order", None, "2019-12-30", "2 bis")]),
    ("l’article 7 de la Charte de l’environnement, inscrite dans la Constitution,",  # leg-093
     [("other", None, "7", None, None, None)]),
    ("Les données relatives à la traçabilité sont conservées pendant 1 an, conformément à la LCEN.",  # leg-085
     [act("law", "2004-575")]),
    ("Mission d'intérêt public (article 6 – 11° du décret numéro 2019-1088 du 25 octobre 2019)",  # leg-095
     [act("decree", "2019-1088", "2019-10-25", "6", "11")]),
    ("modifié par les décrets n° 55-512 du 11 mai 1955 et n° 56-907 du 10 septembre 1956",  # leg-077
     [act("decree", "55-512", "1955-05-11"), act("decree", "56-907", "1956-09-10")]),
])
def test_parse_legal_references(text: str, expected: list[Ref]) -> None:
    assert _refs(text) == expected


@pytest.mark.parametrize("text", [
    # samples/dns_register.pdf, culture, sports: cells with no reference at all
    "Pour les utilisateurs lors de la création d'un compte : sexe, mail, ville, code postal, année de naissance",
    "Adresser le code Pass'Sport aux familles éligibles, rembourser aux clubs la réduction de 50 €",
    "Instruire les propositions de nomination et de promotion, préparer les arrêtés de nomination et éditer les diplômes.",
    "arrêtés d'ouverture des concours",
    "Instruction des autorisations du droit des sols",
    "Centre de supervision urbain fermé à clé ; visionnage limité aux agents désignés par arrêté du maire",
    "Nom, prénom, âge, CSP, commune de résidence",
    "Les destinataires sont précisés à l'article 2 du présent arrêté et au 1° du I de l'article 3",
    "Conservation : 5 ans à compter du 1er janvier 2020, bureau R2-14",
])
def test_prose_gives_no_reference(text: str) -> None:
    assert _refs(text) == []


def test_range_and_following_flags() -> None:
    # tests/phrases leg-113 and leg-080
    ranged = parse_legal_references("les articles L. 221-1 à L. 221-5 du code de la sécurité sociale").values
    assert [(r.article, r.range) for r in ranged] == [("L221-1", True), ("L221-5", True)]
    following = parse_legal_references("prévus par les articles L. 121-1 et suivants du Code de l’éducation.").values
    assert [(r.article, r.and_following) for r in following] == [("L121-1", True)]


def test_nor_code_goes_with_its_act() -> None:
    refs = parse_legal_references("Arrêté du 10 juin 2021 (NOR : SSAZ2117432A) portant création").values
    assert [(r.kind, r.date, r.nor) for r in refs] == [("order", "2021-06-10", "SSAZ2117432A")]


@pytest.mark.parametrize("text", [
    "l'article 4 du même décret",  # the decree is named nowhere in the text
    "arrêté préfectoral n° (en cours de signature)",  # a number mark with no number
])
def test_reference_that_does_not_parse_is_an_issue(text: str) -> None:
    parsed = parse_legal_references(text)
    assert parsed.values == []
    assert [(i.code, i.stage) for i in parsed.issues] == [("legal-ref-unparsed", "normalise")]


def test_references_that_parse_raise_no_issue() -> None:
    # samples/sports_register.pdf
    parsed = parse_legal_references("Décret n° 2018-460 du 8 juin 2018 ; règlement (UE) n° 1407/2013 du 18 décembre 2013 (aides de minimis)")
    assert parsed.issues == []


@given(prefix=st.sampled_from(["L", "R", "D"]), n=st.integers(1, 9999), m=st.integers(1, 999),
       dot=st.sampled_from([". ", ".", " ", "-", ""]),
       name=st.sampled_from([c.name for c in codes_vocab().code]))
def test_prefixed_article_of_a_named_code(prefix: str, n: int, m: int, dot: str, name: str) -> None:
    # However the article is printed ("R. 1111-36", "R.1111-36", "R 1111-36"), it is "R1111-36".
    refs = parse_legal_references(f"article {prefix}{dot}{n}-{m} du {name.lower()}").values
    assert [(r.kind, r.code, r.article) for r in refs] == [("code_article", name, f"{prefix}{n}-{m}")]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_any_text_parses_without_error(text: str) -> None:
    parsed = parse_legal_references(text)
    assert all(r.text for r in parsed.values)


def test_codes_vocabulary_integrity() -> None:
    entries = codes_vocab().code
    names = [e.name for e in entries]
    assert names == sorted(names)
    owner: dict[str, str] = {}
    for entry in entries:
        assert entry.name.startswith(("Code ", "Livre ")), entry.name
        for abbreviation in entry.abbreviations:
            # Upper-case ("CSP") or dotted ("C. éduc."): never a plain French word.
            assert re.fullmatch(r"[A-Z0-9]{2,}", abbreviation) or "." in abbreviation, abbreviation
        for form in [entry.name, *entry.variants, *entry.abbreviations]:
            folded = key(form)
            assert owner.setdefault(folded, entry.name) == entry.name, f"{form!r} names two codes"


def test_acts_vocabulary_integrity() -> None:
    av = acts_vocab()
    owner: dict[str, str] = {}
    for act in av.act:
        for form in [*act.phrases, *act.abbreviations]:
            assert owner.setdefault(key(form), str(act.number or act.instrument)) == str(
                act.number or act.instrument), f"{form!r} names two acts"
    words = [key(w) for k in av.kind for w in k.words]
    assert len(words) == len(set(words)), "a word names two kinds of act"
    assert sorted(av.months.values()) == list(range(1, 13))
