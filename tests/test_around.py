"""The text around the table: organisation, title, contact, notes, security."""

from normalise.around import read_around
from schemas.raw import TextLine


def lines(
    *specs: tuple[str, float], page: int = 1, top: float = 50.0
) -> list[TextLine]:
    """Lines one under the other (12 points apart), each with its font size."""
    result = []
    for i, (text, size) in enumerate(specs):
        y = top + 12 * i
        result.append(
            TextLine(text=text, page=page, bbox=(40, y, 500, y + 10), size=size)
        )
    return result


def test_heading_block_gives_organisation_title_and_contact() -> None:
    # dns_register.pdf, page 1
    preamble = lines(
        ("Ministère de la Santé et de la Prévention, 14 avenue Duquesne", 10),
        ("Registre de la Délégation ministérielle au Numérique en Santé (DNS)", 14),
        ("Adresse d’exercice des droits : dns-rgpd@sante.gouv.fr", 10),
    )
    around = read_around(preamble, [])
    assert around.organisation == "Ministère de la Santé et de la Prévention"
    assert (
        around.title
        == "Registre de la Délégation ministérielle au Numérique en Santé (DNS)"
    )
    assert around.rights_contact == "dns-rgpd@sante.gouv.fr"
    # the address after the organisation is not lost
    assert any("14 avenue Duquesne" in note for note in around.notes)


def test_contact_cut_at_a_hyphen_is_one_address() -> None:
    # samples/generated/mairie_register.pdf
    preamble = lines(
        ("Mairie", 10),
        ("Registre", 14),
        ("Toute demande : dpo@saint-aubin-", 10),
        ("liserre.fr", 10),
    )
    assert read_around(preamble, []).rights_contact == "dpo@saint-aubin-liserre.fr"


def test_footnote_then_security_paragraph_printed_close_together() -> None:
    # samples/generated/hopital_register.pdf: no gap between the two
    trailer = lines(
        ("* Sauf opposition du patient.", 8),
        ("Mesures de sécurité communes : authentification par carte.", 8),
        page=3,
        top=600,
    )
    around = read_around([], trailer)
    assert around.notes == ["* Sauf opposition du patient."]
    assert around.security_measures == (
        "Mesures de sécurité communes : authentification par carte."
    )


def test_security_sentence_inside_a_note() -> None:
    # culture_register.pdf: "(*) Les destinataires … Sécurité : hébergement …"
    trailer = lines(
        (
            "(*) Les destinataires n'accèdent qu'aux données utiles. "
            "Sécurité : hébergement au centre ministériel.",
            8,
        )
    )
    around = read_around([], trailer)
    assert around.notes == ["(*) Les destinataires n'accèdent qu'aux données utiles."]
    assert around.security_measures == "Sécurité : hébergement au centre ministériel."
