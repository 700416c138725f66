"""The activities table of the review page: printed cells beside typed values.

One row per activity: its index and pages (links to the page images), every
printed cell as it was read, then what the normaliser made of it (retention
rules, legal references, parties, data categories) and its warnings. A cell a
warning is about is outlined. Every text from the PDF goes through
``html.escape``.
"""

import html
from collections.abc import Iterable, Sequence

from schemas.issues import Issue
from schemas.register import (
    Activity,
    Column,
    DataCategory,
    LegalReference,
    Party,
    Register,
    Retention,
)

# (box colour, label text colour): Tableau 10, with dark text on the pale ones
PALETTE = (
    ("#4e79a7", "#fff"),
    ("#f28e2b", "#000"),
    ("#e15759", "#fff"),
    ("#76b7b2", "#000"),
    ("#59a14f", "#fff"),
    ("#edc948", "#000"),
    ("#b07aa1", "#fff"),
    ("#ff9da7", "#000"),
    ("#9c755f", "#fff"),
    ("#17becf", "#000"),
    ("#7f7f7f", "#fff"),
    ("#bcbd22", "#000"),
)
UNKNOWN_COLOUR = ("#000000", "#fff")


def esc(text: object) -> str:
    """Text from the PDF made safe in HTML: ``esc("âge < 18")`` → ``"âge &lt; 18"``."""
    return html.escape(str(text), quote=True)


def column_colours(columns: Sequence[Column]) -> dict[str, tuple[str, str]]:
    """One (box, label text) colour pair per printed column, in order.

    Example: ``column_colours([Column(header="Finalités", role="purposes")])``
    → ``{"Finalités": ("#4e79a7", "#fff")}``.
    """
    return {c.header: PALETTE[i % len(PALETTE)] for i, c in enumerate(columns)}


def colour_style(colour: tuple[str, str]) -> str:
    """The CSS variables a box or header reads: ``--c:#4e79a7;--t:#fff``."""
    return f"--c:{colour[0]};--t:{colour[1]}"


def issues_html(issues: Iterable[Issue]) -> str:
    """A list of issues: slug, stage, place, message and the text it is about.

    Example: an Issue ``retention-unparsed`` on "Durée de la mission" gives
    ``<ul class="issues"><li><span class="issue-code">retention-unparsed</span>…``.
    """
    items = []
    for issue in issues:
        where = ", ".join(
            part
            for part in (
                f"page {issue.page}" if issue.page else "",
                f"column {esc(issue.column)}" if issue.column else "",
            )
            if part
        )
        text = f"<br><q>{esc(issue.text)}</q>" if issue.text else ""
        items.append(
            f'<li><span class="issue-code">{esc(issue.code)}</span> '
            f"({esc(issue.stage)}{', ' + where if where else ''}): "
            f"{esc(issue.message)}{text}</li>"
        )
    if not items:
        return '<p class="none">none</p>'
    return f'<ul class="issues">{"".join(items)}</ul>'


def _retention_html(rule: Retention) -> str:
    if rule.duration:
        head = f"<b>{esc(rule.duration)}</b>"
        if rule.duration_max:
            head += f" to <b>{esc(rule.duration_max)}</b>"
    else:
        head = '<span class="none">no duration</span>'
    facts = [
        f"{label}: {esc(value)}"
        for label, value in (
            ("from", rule.start_date),
            ("start", rule.start_event),
            ("until", rule.until_event),
            ("applies to", rule.applies_to),
        )
        if value
    ] + (["archival"] if rule.archival else [])
    tail = f" · {' · '.join(facts)}" if facts else ""
    return f"{head}{tail}<br><small>{esc(rule.text)}</small>"


def _legal_html(ref: LegalReference) -> str:
    fields = ("article", "code", "number", "date", "paragraph", "instrument", "nor")
    facts = [
        f"{name}: {esc(getattr(ref, name))}" for name in fields if getattr(ref, name)
    ]
    facts += [flag for flag in ("range", "and_following") if getattr(ref, flag)]
    return (
        f"<b>{esc(ref.kind)}</b> {' · '.join(facts)}<br><small>{esc(ref.text)}</small>"
    )


def _party_html(party: Party) -> str:
    acronym = f" (<b>{esc(party.acronym)}</b>)" if party.acronym else ""
    return f"{esc(party.name)}{acronym}"


def _category_html(item: DataCategory) -> str:
    sensitive = ' <span class="sensitive">sensitive</span>' if item.sensitive else ""
    return f"<b>{esc(item.category)}</b>{sensitive}<br><small>{esc(item.text)}</small>"


def _list(items: Sequence[str]) -> str:
    if not items:
        return '<span class="none">none</span>'
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _parties(activity: Activity) -> str:
    parts = []
    for label, parties in (
        ("recipients", activity.recipients),
        ("controllers", activity.controllers),
        ("processors", activity.processors),
    ):
        if parties:
            parts.append(f"<i>{label}</i>{_list([_party_html(p) for p in parties])}")
    return "".join(parts) or '<span class="none">none</span>'


TYPED_HEADERS = ("Retention", "Legal references", "Parties", "Data categories")


def _typed_cells(activity: Activity) -> list[str]:
    return [
        _list([_retention_html(r) for r in activity.retention]),
        _list([_legal_html(r) for r in activity.legal_references]),
        _parties(activity),
        _list([_category_html(c) for c in activity.data_categories]),
    ]


def _pages_links(pages: Sequence[int]) -> str:
    return ", ".join(f'<a href="#page-{p}">{p}</a>' for p in pages)


def _warned_headers(activity: Activity) -> set[str]:
    """Cells a warning is about: its column, or the cells quoting its text."""
    warned = {w.column for w in activity.warnings if w.column}
    # normalise warnings often carry the text but not the column
    texts = [w.text for w in activity.warnings if w.text and not w.column]
    warned |= {h for h, cell in activity.cells.items() if any(t in cell for t in texts)}
    return warned


def _activity_row(
    activity: Activity, headers: Sequence[str], with_section: bool
) -> str:
    warned = _warned_headers(activity)
    cells = "".join(
        f'<td class="printed{" cell-warned" if h in warned else ""}">'
        f"{esc(activity.cells.get(h, ''))}</td>"
        for h in headers
    )
    typed = "".join(f'<td class="typed">{t}</td>' for t in _typed_cells(activity))
    warnings = (
        f'<td class="warn">{issues_html(activity.warnings)}</td>'
        if activity.warnings
        else '<td><span class="none">none</span></td>'
    )
    section = ""
    if with_section:
        section = f'<td class="section">{esc(activity.section or "")}</td>'

    return (
        f'<tr id="activity-{activity.index}"><td class="num">{activity.index}</td>'
        f"<td>{_pages_links(activity.pages)}</td>{section}"
        f"{cells}{typed}{warnings}</tr>"
    )


def activities_table(register: Register) -> str:
    """The table of activities: one row per activity, one column per printed header.

    Example: the DNS register gives a row ``<tr id="activity-1">`` holding
    "Appel à Projet – APP programme ESMS numérique" and its typed values.
    """
    colours = column_colours(register.columns)
    headers = [c.header for c in register.columns]
    # a cell under a header the column list lacks is still shown, never dropped
    for activity in register.activities:
        headers += [h for h in activity.cells if h not in headers]
    # most registers have no section rows: an empty column would only take room
    with_section = any(a.section for a in register.activities)
    head = "<th>#</th><th>Pages</th>" + ("<th>Section</th>" if with_section else "")
    head += "".join(
        f'<th style="{colour_style(colours.get(h, UNKNOWN_COLOUR))}" lang="fr">'
        f"{esc(h)}</th>"
        for h in headers
    )
    head += "".join(f"<th>{h}</th>" for h in (*TYPED_HEADERS, "Warnings"))
    rows = "".join(_activity_row(a, headers, with_section) for a in register.activities)
    return (
        f'<div class="scroll"><table class="activities"><thead><tr>{head}</tr>'
        f'</thead><tbody lang="fr">{rows}</tbody></table></div>'
    )
