"""Key/value fiches: one two-column table per activity, its labels the columns."""

from extract.fiches import fiches_to_rows, is_fiche_layout
from tests.factories import row, table

LABELS = ("Nom du traitement", "Finalité", "Destinataires")


def fiche(page: int, name: str, *values: str) -> list:  # type: ignore[type-arg]
    pairs = zip(LABELS, (name, *values), strict=True)
    return [row(label, value, page=page) for label, value in pairs]


def test_each_fiche_is_an_activity_and_labels_are_columns() -> None:
    # commune_register.pdf: one fiche per page
    tables = [
        table(fiche(1, "État civil", "Dresser les actes", "INSEE"), page=1),
        table(fiche(2, "Listes électorales", "Inscrire", "Préfecture"), page=2),
    ]
    assert is_fiche_layout(tables)
    header, rows = fiches_to_rows(tables)
    assert header.labels == list(LABELS)
    assert [[f.text for f in cell][0] for cell in rows[1].cells] == [
        "Listes électorales",
        "Inscrire",
        "Préfecture",
    ]


def test_fiche_cut_by_a_page_break_goes_on() -> None:
    # a fiche whose last rows are printed at the top of the next page
    first = fiche(1, "État civil", "Dresser les actes", "INSEE")
    tables = [
        table(first[:2], page=1),
        table(first[2:], page=2),
        table(fiche(3, "Listes électorales", "Inscrire", "Préfecture"), page=3),
    ]
    _, rows = fiches_to_rows(tables)
    assert len(rows) == 2
    assert [f.text for f in rows[0].cells[2]] == ["INSEE"]


def test_two_column_register_with_its_header_reprinted_is_no_fiche() -> None:
    pages = [
        table(
            [
                row("Traitement", "Finalités", page=p, bold=True),
                row(f"Activité {p}", "Faire", page=p),
            ],
            page=p,
        )
        for p in (1, 2, 3)
    ]
    assert not is_fiche_layout(pages)
