"""Borderless tables: columns from alignment, rows from whitespace, section rows."""

from extract.borderless import find_borderless_table
from extract.geometry import Line, Word
from extract.lines import words_to_lines
from extract.rows import tables_to_rows

COLUMNS = (40.0, 240.0, 440.0)


def printed(
    rows: list[tuple[float, list[str]]], bold_tops: tuple[float, ...] = ()
) -> list[Line]:
    """Lines of 9-point words: (top, one text per column, "" for none)."""
    words = []
    for top, texts in rows:
        for x, text in zip(COLUMNS, texts, strict=False):
            cursor = x
            for token in text.split():
                width = 5.0 * len(token)
                words.append(
                    Word(
                        token,
                        cursor,
                        top,
                        cursor + width,
                        top + 10,
                        9.0,
                        top in bold_tops,
                    )
                )
                cursor += width + 3
    return words_to_lines(words)


def heading(top: float, text: str) -> list[Word]:
    """A bold line starting inside the first column and running into the second."""
    words, cursor = [], 150.0
    for token in text.split():
        width = 5.0 * len(token)
        words.append(Word(token, cursor, top, cursor + width, top + 10, 9.0, True))
        cursor += width + 3
    return words


def test_rows_are_cut_by_whitespace_wider_than_the_leading() -> None:
    # sports_register.pdf: no rules, lines 12 points apart, rows 26 apart
    lines = printed(
        [
            (100, ["Intitulé", "Finalités", "Durée"]),
            (126, ["Carte pro", "Enregistrer les", "Validité"]),
            (138, ["des éducateurs", "déclarations", "de la carte"]),
            (150, ["", "d'activité", ""]),
            (176, ["Contrôle", "Vérifier", "Six mois"]),
            (188, ["d'honorabilité", "les antécédents", "au plus"]),
        ],
        bold_tops=(100,),
    )
    table = find_borderless_table(lines, 1, [])
    assert table is not None
    header, rows = tables_to_rows([table])
    assert header.labels == ["Intitulé", "Finalités", "Durée"]
    assert [[" ".join(f.text for f in c) for c in r.cells] for r in rows] == [
        [
            "Carte pro des éducateurs",
            "Enregistrer les déclarations d'activité",
            "Validité de la carte",
        ],
        ["Contrôle d'honorabilité", "Vérifier les antécédents", "Six mois au plus"],
    ]


def test_bold_heading_line_across_columns_is_a_section_row() -> None:
    lines = printed(
        [
            (100, ["Intitulé", "Finalités", "Durée"]),
            (152, ["Paie", "Payer les agents", "5 ans"]),
            (164, ["des agents", "et les indemniser", "après départ"]),
            (176, ["", "de leurs frais", ""]),
            (188, ["", "de mission", ""]),
            (214, ["Portail", "Publier", "1 an"]),
            (226, ["web", "les offres", "glissant"]),
            (238, ["", "d'emploi", ""]),
        ],
        bold_tops=(100,),
    )
    words = [w for ln in lines for w in ln.words] + heading(
        126, "Direction du numérique"
    )
    table = find_borderless_table(words_to_lines(words), 1, [])
    assert table is not None
    _, rows = tables_to_rows([table])
    assert [(r.section, r.cells[0][0].text) for r in rows] == [
        ("Direction du numérique", "Paie des agents"),
        ("Direction du numérique", "Portail web"),
    ]


def test_table_ruled_under_its_header_only_parts_rows_by_whitespace() -> None:
    # booktabs-style: a rule above and under the header, one under the table
    from extract.geometry import Rule

    lines = printed(
        [
            (100, ["Intitulé", "Finalités", "Durée"]),
            (126, ["Paie", "Payer les agents", "5 ans"]),
            (138, ["des agents", "et les indemniser", "après départ"]),
            (150, ["", "de leurs frais", ""]),
            (176, ["Portail", "Publier", "1 an"]),
            (188, ["web", "les offres", "glissant"]),
        ],
        bold_tops=(100,),
    )
    rules = [Rule(40.0, y, 500.0, y) for y in (96.0, 116.0, 202.0)]
    table = find_borderless_table(lines, 1, rules)
    assert table is not None
    _, rows = tables_to_rows([table])
    assert [r.cells[0][0].text for r in rows] == ["Paie des agents", "Portail web"]
