"""Every vocabulary file loads, validates against its model, and is clean text.

dateparser's test_dateparser_data_integrity.py guards its data the same way:
a typo in a TOML file must fail here, not in a user's batch.
"""

import unicodedata
from collections.abc import Iterator
from importlib import import_module

import pytest
from pydantic import BaseModel

from normalise import vocab

MODELS = {
    "acronyms": "normalise.acronyms:AcronymVocab",
    "codes": "normalise.legal_vocab:CodesVocab",
    "column_roles": "normalise.columns:ColumnRolesVocab",
    "data_categories": "normalise.categories:CategoriesVocab",
    "document": "normalise.around:DocumentVocab",
    "durations": "normalise.durations:DurationsVocab",
    "legal_acts": "normalise.legal_vocab:ActsVocab",
    "numbers": "normalise.numbers:NumbersVocab",
    "parties": "normalise.party_split:PartiesVocab",
}


def model(name: str) -> type[BaseModel]:
    module, cls = MODELS[name].split(":")
    found: type[BaseModel] = getattr(import_module(module), cls)
    return found


def strings(value: object) -> Iterator[str]:
    """Every string in a TOML value, keys of tables included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def test_every_vocabulary_file_has_a_model() -> None:
    assert vocab.names() == sorted(MODELS)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_vocabulary_file_validates(name: str) -> None:
    vocab.load(name, model(name))  # raises on a missing key or a wrong type


@pytest.mark.parametrize("name", sorted(MODELS))
def test_vocabulary_text_is_clean(name: str) -> None:
    data = vocab.read_toml(name)
    for text in strings(data):
        assert unicodedata.normalize("NFC", text) == text, f"{name}: {text!r} not NFC"
        assert "\u2019" not in text, f"{name}: {text!r}: write apostrophes straight"


@pytest.mark.parametrize("name", sorted(MODELS))
def test_no_list_repeats_an_entry(name: str) -> None:
    def lists(value: object, where: str) -> Iterator[tuple[str, list[str]]]:
        if isinstance(value, dict):
            for key, item in value.items():
                yield from lists(item, f"{where}.{key}")
        elif isinstance(value, list):
            if all(isinstance(x, str) for x in value):
                yield where, value  # type: ignore[misc]
            for i, item in enumerate(value):
                yield from lists(item, f"{where}[{i}]")

    for where, entries in lists(vocab.read_toml(name), name):
        folded = [e.casefold() for e in entries]
        repeated = sorted({e for e in folded if folded.count(e) > 1})
        assert not repeated, f"{where} repeats {repeated}"
