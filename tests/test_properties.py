"""Properties every register document keeps, whatever its content."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from schemas.register import (
    Activity,
    LegalReference,
    Party,
    Register,
    Retention,
    Source,
)

TEXT = st.text(max_size=40)
NAMES = st.text(min_size=1, max_size=30)
DURATIONS = st.none() | st.sampled_from(["P10Y", "P6M", "P18M", "PT1H", "P2W", "P90D"])

PARTIES = st.builds(
    Party, name=NAMES, acronym=st.none() | st.from_regex(r"[A-Z]{2,6}", fullmatch=True)
)
RETENTIONS = st.builds(
    Retention,
    text=TEXT,
    duration=DURATIONS,
    duration_max=DURATIONS,
    start_event=st.none() | TEXT,
    archival=st.booleans(),
)
REFERENCES = st.builds(
    LegalReference,
    text=TEXT,
    kind=st.sampled_from(["code_article", "law", "decree", "eu_regulation", "jorf"]),
    article=st.none() | st.from_regex(r"[LRD]?\d{1,4}(-\d{1,3})?", fullmatch=True),
    number=st.none() | TEXT,
)
ACTIVITIES = st.builds(
    Activity,
    index=st.integers(1, 500),
    title=TEXT,
    pages=st.lists(st.integers(1, 999), max_size=3),
    cells=st.dictionaries(NAMES, TEXT, max_size=4),
    recipients=st.lists(PARTIES, max_size=3),
    controllers=st.lists(PARTIES, max_size=2),
    retention=st.lists(RETENTIONS, max_size=2),
    legal_references=st.lists(REFERENCES, max_size=2),
    transfers=st.none() | st.booleans(),
)
REGISTERS = st.builds(
    Register,
    register_id=st.from_regex(r"[a-z][a-z0-9_-]{0,15}", fullmatch=True),
    source=st.builds(
        Source,
        file=NAMES,
        sha256=st.from_regex(r"[0-9a-f]{64}", fullmatch=True),
        pages=st.integers(0, 999),
    ),
    title=st.none() | TEXT,
    notes=st.lists(TEXT, max_size=3),
    activities=st.lists(ACTIVITIES, max_size=3),
)


@settings(max_examples=60, deadline=None)
@given(REGISTERS)
def test_every_document_survives_a_json_round_trip(register: Register) -> None:
    assert Register.model_validate_json(register.model_dump_json()) == register


@settings(max_examples=60, deadline=None)
@given(REGISTERS)
def test_document_json_is_plain_utf8_json(register: Register) -> None:
    # analysts load the files with any JSON reader: no NaN, no custom types
    text = register.model_dump_json()
    assert json.loads(
        text, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c))
    )
