"""Zebra rows: a table painted on every other row, with no rule at all."""

from extract.geometry import Rule, Word
from extract.grid import find_grid_tables

COLUMNS = (0.0, 100.0, 200.0, 300.0)


def band(top: float, bottom: float) -> list[Rule]:
    """The edges of one painted row: a filled box per cell."""
    rules = []
    for x0, x1 in zip(COLUMNS, COLUMNS[1:], strict=False):
        rules += [
            Rule(x0, top, x1, top),
            Rule(x0, bottom, x1, bottom),
            Rule(x0, top, x0, bottom),
            Rule(x1, top, x1, bottom),
        ]
    return rules


def words(top: float, *texts: str) -> list[Word]:
    return [
        Word(t, x + 5, top, x + 5 + 5 * len(t), top + 9, 9.0, False)
        for t, x in zip(texts, COLUMNS, strict=False)
        if t
    ]


def test_unpainted_rows_between_painted_ones_are_rows() -> None:
    # samples/generated/ehpad_register.pdf: blue rows and white rows
    rules = band(0, 20) + band(40, 60)
    text = words(5, "Admission", "Recevoir", "5 ans") + words(
        25, "Soins", "Soigner", "20 ans"
    )
    text += words(45, "Factures", "Facturer", "10 ans")
    (table,) = find_grid_tables(rules, text, 1, 2.0)
    assert [[f.text for s in r.cells for f in s] for r in table.rows] == [
        ["Admission", "Recevoir", "5 ans"],
        ["Soins", "Soigner", "20 ans"],
        ["Factures", "Facturer", "10 ans"],
    ]


def test_a_caption_above_the_first_band_is_not_a_row() -> None:
    # samples/generated/mairie_register.pdf: "Activités de traitement" over the grid
    rules = band(20, 40) + band(60, 80)
    text = words(12, "Activités de", "traitement") + words(25, "A", "Faire", "1 an")
    text += words(45, "B", "Gérer", "2 ans") + words(65, "C", "Payer", "3 ans")
    (table,) = find_grid_tables(rules, text, 1, 2.0)
    assert [r.cells[0][0].text for r in table.rows] == ["A", "B", "C"]


def test_bands_of_other_columns_stay_apart() -> None:
    rules = band(0, 20) + [
        Rule(0, 40, 300, 40),
        Rule(0, 60, 300, 60),
        Rule(0, 40, 0, 60),
        Rule(150, 40, 150, 60),
        Rule(300, 40, 300, 60),
    ]
    text = words(5, "A", "B", "C") + words(25, "x", "y", "z") + words(45, "D", "", "")
    assert len(find_grid_tables(rules, text, 1, 2.0)) == 2
