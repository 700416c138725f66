"""Row rules: header found once, repeats dropped, page-break fragments joined,
merged cells carried. Each case is the situation a sample shows, in miniature."""

from extract.model import PageRow
from extract.rows import tables_to_rows
from tests.factories import row, table

HEADER = ("Intitulé", "Finalités", "RT")


def texts(tables):  # type: ignore[no-untyped-def]
    header, rows = tables_to_rows(tables)
    return header.labels, [
        [" ".join(f.text for f in c if f.text) for c in r.cells] for r in rows
    ]


def test_header_once_then_rows() -> None:
    labels, rows = texts(
        [table([row(*HEADER, bold=True), row("A", "Faire a.", "DNS")])]
    )
    assert labels == list(HEADER)
    assert rows == [["A", "Faire a.", "DNS"]]


def test_repeated_header_is_not_an_activity() -> None:
    # interieur_dnum_register.pdf: the header row is reprinted on every page
    p1 = table([row(*HEADER, bold=True), row("A", "Faire a.", "DNS")])
    p2 = table(
        [row(*HEADER, page=2, bold=True), row("B", "Faire b.", "DGS", page=2)], page=2
    )
    assert texts([p1, p2])[1] == [["A", "Faire a.", "DNS"], ["B", "Faire b.", "DGS"]]


def test_fragment_with_empty_title_continues_the_row_above() -> None:
    # dns_register.pdf p.2: the row goes on with the title cell empty
    p1 = table([row(*HEADER, bold=True), row("A", "Echange entre les", "DNS")])
    p2 = table(
        [row("", "candidats.", "", page=2), row("B", "Recueil.", "DNS", page=2)], page=2
    )
    assert texts([p1, p2])[1] == [
        ["A", "Echange entre les candidats.", "DNS"],
        ["B", "Recueil.", "DNS"],
    ]


def test_fragment_going_on_in_lower_case_continues_even_with_a_title_piece() -> None:
    # sports_register.pdf p.2: "Suivi médical … de haut" / "niveau" across the break
    p1 = table(
        [row(*HEADER, bold=True), row("Suivi de haut", "Organiser les", "DS")],
        ruled=False,
    )
    p2 = table(
        [
            row(*HEADER, page=2, bold=True),
            row("niveau", "examens ; suivre", "", page=2),
            row("Pass'Sport", "Adresser le code.", "DS", page=2),
        ],
        page=2,
        ruled=False,
    )
    assert texts([p1, p2])[1] == [
        ["Suivi de haut niveau", "Organiser les examens ; suivre", "DS"],
        ["Pass'Sport", "Adresser le code.", "DS"],
    ]


def test_capitalised_row_at_page_top_is_a_new_activity() -> None:
    p1 = table([row(*HEADER, bold=True), row("A", "Faire a.", "DNS")])
    p2 = table([row("B", "Faire b.", "DGS", page=2)], page=2)
    assert len(texts([p1, p2])[1]) == 2


def test_missing_top_border_alone_does_not_join() -> None:
    # samples/generated/prefecture_register.pdf p.5: Chromium draws no top border
    # at a page break, and the row there is a new activity
    p1 = table([row(*HEADER, bold=True), row("A", "Faire a.", "DNS")])
    p2 = table([row("Accueil", "Permettre b.", "", page=2)], page=2)
    assert texts([p1, p2])[1] == [
        ["A", "Faire a.", "DNS"],
        ["Accueil", "Permettre b.", ""],
    ]


def test_mid_page_row_with_empty_title_joins_the_row_above() -> None:
    # a paragraph gap inside one cell of a borderless table looks like a row gap
    t = table(
        [
            row(*HEADER, bold=True),
            row("A", "Premier paragraphe.", "DNS"),
            row("", "Second paragraphe.", ""),
        ],
        ruled=False,
    )
    assert texts([t])[1] == [["A", "Premier paragraphe. Second paragraphe.", "DNS"]]


def test_two_level_header_keeps_group_and_leaf() -> None:
    # culture_register.pdf: "Données" spans two sub-columns
    from extract.model import PageRow
    from tests.factories import frag

    head = PageRow(
        [
            [frag("Traitement", bold=True)],
            [
                frag("Données", col=1, span=1, bold=True),
                frag("Catégories", col=1, bold=True),
            ],
            [frag("Sensibles", col=2, bold=True)],
        ],
        0,
        40,
    )
    header, _ = tables_to_rows([table([head, row("A", "Identité", "Non")])])
    assert header.labels == ["Traitement", "Catégories", "Sensibles"]
    assert header.groups == [None, "Données", "Données"]


def test_page_with_only_vertical_rules_is_a_table() -> None:
    # samples/generated/prefecture_register.pdf p.2: the middle of a row runs over
    # a whole page; Chromium draws its vertical borders and no horizontal one
    from extract.geometry import Rule, Word
    from extract.grid import find_grid_tables

    xs = [40.0, 139.0, 284.0, 367.0]
    rules = [Rule(x, 40.0, x, 550.0) for x in xs]
    words = [Word("délivrance", 290.0, 50.0, 330.0, 60.0, 9.0, False)]
    tables = find_grid_tables(rules, words, 2, 2.0)
    assert len(tables) == 1 and len(tables[0].columns) == 3
    assert [f.text for stack in tables[0].rows[0].cells for f in stack] == [
        "",
        "",
        "délivrance",
    ]


def test_merged_cell_is_carried_to_every_row_it_spans() -> None:
    # rectorat_register.pdf: "Pôle" merged over the activities of one service
    from extract.cells import vocabulary
    from extract.document import _raw_rows
    from extract.geometry import Rule, Word
    from extract.grid import find_grid_tables

    rules = [Rule(x, 0.0, x, 60.0) for x in (0.0, 100.0, 200.0, 300.0)]
    rules += [Rule(0.0, y, 300.0, y) for y in (0.0, 20.0, 60.0)]
    rules.append(Rule(100.0, 40.0, 300.0, 40.0))  # no rule under the merged cell

    def word(text: str, x: float, y: float) -> Word:
        return Word(text, x, y, x + 30.0, y + 8.0, 8.0, False)

    words = [
        word("Pôle", 5, 5),
        word("Intitulé", 105, 5),
        word("Durée", 205, 5),
        word("RH", 5, 25),
        word("Paie", 105, 25),
        word("5", 205, 25),
        word("Congés", 105, 45),
        word("2", 205, 45),
    ]
    tables = find_grid_tables(rules, words, 1, 2.0)
    _, rows = tables_to_rows(tables)
    raw = _raw_rows(rows, vocabulary([]), ["Pôle", "Intitulé", "Durée"])
    assert [[c.text for c in r.cells] for r in raw] == [
        ["RH", "Paie", "5"],
        ["RH", "Congés", "2"],
    ]
    assert raw[1].cells[0].parts == []  # the carried value has no page of its own


def test_section_heading_row_names_the_rows_below_it() -> None:
    # a full-width "Direction …" row above each direction's activities
    from tests.factories import frag

    heading = PageRow([[frag("Direction du numérique", col=0, span=2)], [], []], 0, 20)
    t = table(
        [
            row(*HEADER, bold=True),
            heading,
            row("A", "Faire a.", "DNUM"),
            row("B", "Faire b.", "DNUM"),
        ]
    )
    _, rows = tables_to_rows([t])
    assert [r.section for r in rows] == ["Direction du numérique"] * 2
    assert len(rows) == 2


def test_cell_ending_mid_sentence_is_flagged_for_review() -> None:
    from extract.cells import vocabulary
    from extract.document import _raw_rows

    t = table([row(*HEADER, bold=True), row("A", "Recueillir les dossiers,", "DNS")])
    _, rows = tables_to_rows([t])
    raw = _raw_rows(rows, vocabulary([]), list(HEADER))
    assert [(i.code, i.column) for i in raw[0].issues] == [
        ("cell-looks-cut", "Finalités")
    ]


def test_a_line_ending_short_ends_a_paragraph() -> None:
    # dns_register.pdf: recipients printed one a line with no separator
    from extract.document import _paragraph_ends
    from extract.model import Fragment
    from tests.factories import line

    lines = [
        line("Agences régionales de", top=0),
        line("santé (ARS)", top=12),
        line("Agence du numérique", top=24),
        line("en santé", top=36),
        line("Direction", top=48),
    ]
    frag = Fragment(lines, (0.0, 0.0, 110.0, 60.0), 1, (0, 0))
    # "santé (ARS)" closes an item; "en santé" ends far short of the edge
    assert _paragraph_ends(frag) == [False, True, False, True, False]


def test_ruled_row_with_a_blank_first_cell_mid_page_is_an_activity() -> None:
    # a "Pôle" column left blank under its first activity, every row ruled
    t = table(
        [
            row("Pôle", "Intitulé", "Durée", bold=True),
            row("RH", "Paie", "5 ans"),
            row("", "Congés", "2 ans"),
        ]
    )
    assert texts([t])[1] == [["RH", "Paie", "5 ans"], ["", "Congés", "2 ans"]]


def test_title_row_across_the_table_above_the_header_is_no_header() -> None:
    from tests.factories import frag

    title = PageRow(
        [[frag("Registre des traitements 2025", span=2, bold=True)], [], []], 0, 20
    )
    labels, rows = texts(
        [table([title, row(*HEADER, bold=True), row("A", "Faire", "X")])]
    )
    assert labels == list(HEADER)
    assert rows == [["A", "Faire", "X"]]
    _, logical = tables_to_rows(
        [table([title, row(*HEADER, bold=True), row("A", "Faire", "X")])]
    )
    assert logical[0].section == "Registre des traitements 2025"  # kept, not dropped


def test_title_and_header_reprinted_on_every_page_are_left_out() -> None:
    from tests.factories import frag

    def title(page: int) -> PageRow:
        return PageRow(
            [[frag("Registre 2025", page=page, span=2, bold=True)], [], []], 0, 20
        )

    p1 = table([title(1), row(*HEADER, bold=True), row("A", "Faire a.", "X")])
    p2 = table(
        [title(2), row(*HEADER, page=2, bold=True), row("B", "Faire b.", "Y", page=2)],
        page=2,
    )
    assert texts([p1, p2])[1] == [["A", "Faire a.", "X"], ["B", "Faire b.", "Y"]]


def test_dashed_rules_make_a_grid() -> None:
    # a table ruled with dashes: 3-point dashes, 3-point gaps
    from extract.geometry import Rule
    from extract.grid import find_grid_tables

    def dashed(x0: float, y0: float, x1: float, y1: float) -> list[Rule]:
        if y0 == y1:
            return [Rule(x, y0, min(x + 3, x1), y0) for x in range(int(x0), int(x1), 6)]
        return [Rule(x0, y, x0, min(y + 3, y1)) for y in range(int(y0), int(y1), 6)]

    rules = [r for x in (0, 100, 200, 300) for r in dashed(x, 0, x, 60)]
    rules += [r for y in (0, 30, 60) for r in dashed(0, y, 300, y)]
    words = six_words(5)
    tables = find_grid_tables(rules, words, 1, 2.0)
    assert len(tables) == 1
    assert [[f.text for s in r.cells for f in s] for r in tables[0].rows] == [
        ["A", "B", "C"],
        ["d", "e", "f"],
    ]


def test_double_borders_are_one_rule() -> None:
    # a grid whose lines are drawn twice, 3 points apart: no 3-point columns
    from extract.geometry import Rule
    from extract.grid import find_grid_tables

    rules = [Rule(x + d, 0.0, x + d, 60.0) for x in (0, 100, 200, 300) for d in (0, 3)]
    rules += [Rule(0.0, y + d, 303.0, y + d) for y in (0, 30, 60) for d in (0, 3)]
    words = six_words(8)
    (only,) = find_grid_tables(rules, words, 1, 2.0)
    assert len(only.columns) == 3
    assert [[f.text for s in r.cells for f in s] for r in only.rows] == [
        ["A", "B", "C"],
        ["d", "e", "f"],
    ]


def test_header_printed_again_mid_page_is_not_an_activity() -> None:
    # a register in two parts, each under the same header
    t = table(
        [
            row(*HEADER, bold=True),
            row("A", "Faire a.", "X"),
            row(*HEADER, bold=True),
            row("B", "Faire b.", "Y"),
        ]
    )
    assert texts([t])[1] == [["A", "Faire a.", "X"], ["B", "Faire b.", "Y"]]


def six_words(inset: float) -> list:  # type: ignore[type-arg]
    """A, B, C over d, e, f: one word in each cell of a 3 × 2 grid of 100 × 30."""
    from extract.geometry import Word

    cells = (
        ("A", 0, 0),
        ("B", 100, 0),
        ("C", 200, 0),
        ("d", 0, 30),
        ("e", 100, 30),
        ("f", 200, 30),
    )
    return [
        Word(t, x + inset, y + inset, x + 40, y + inset + 10, 9.0, False)
        for t, x, y in cells
    ]
