"""Regenerate every register of ``samples/generated/`` from ``data/*.toml``.

Usage: ``python samples/make/make.py [NAME ...]`` (all registers when no name).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import calc  # noqa: E402
import chromium  # noqa: E402
import chromium_more  # noqa: E402
import chromium_third  # noqa: E402
import lo  # noqa: E402
import rl  # noqa: E402
import rl_more  # noqa: E402
import rl_third  # noqa: E402
import writer  # noqa: E402
import writer_wide  # noqa: E402
from common import build, load  # noqa: E402

RENDERERS = {
    "chu_register": rl.render_grid,
    "departement_register": rl.render_borderless,
    "agglo_register": rl.render_fiches,
    "habitat_register": rl.render_preamble,
    "prefecture_register": chromium.render_merged,
    "universite_register": chromium.render_rules,
    "cdg_register": lo.render_wide,
    # Second batch: layouts real registers use that the first seven lack.
    "sdis_register": calc.render_sheet,
    "region_register": chromium_more.render_sections,
    "mairie_register": chromium_more.render_info,
    "crous_register": rl_more.render_rotated,
    "metropole_register": rl_more.render_gutters,
    "hopital_register": writer.render_centred,
    "cci_register": writer.render_signed,
    # Third batch: booktabs, zebra, 12 columns, centred cells, numbered rows.
    "syndicat_register": rl_third.render_booktabs,
    "ehpad_register": chromium_third.render_zebra,
    "tribunal_register": writer_wide.render_twelve,
    "mdph_register": chromium_third.render_middle,
    "parc_register": rl_third.render_numbered,
    "lycee_register": chromium_third.render_long,
}


def main(names: list[str]) -> None:
    """Build the named registers (all by default) and print where they went."""
    for name in names or list(RENDERERS):
        pdf = build(load(name), RENDERERS[name])
        print(f"{pdf.name}: {pdf.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main(sys.argv[1:])
