"""Rebuild `gazetteer/data/units.csv.gz` from its sources.

    python -m gazetteer.build GSO_2019.json GSO_2024.json   (needs the gazetteer-build extra)

Sources (see data/SOURCES.txt):
- the `vietnamadminunits` package (MIT): `admin_units_legacy`, the 63-province map as of early 2025
  with GSO codes and the aliases of merged-away communes; `admin_units`, the map from July 2025;
  `converter_2025.json`, which 2025 commune each legacy commune became;
- two GSO lists of units (dvhcvn project, GPL-3.0): September 2019, before the 2019–2020 mergers,
  and November 2024, the map of 2020–2024;
- data/history.csv, changes the sources do not date, and data/aliases.csv, names in common use
  that no source lists, both written by hand with a note per row.

Only the package's tables are read; nothing that geocodes is called.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from gazetteer.names import REFORM_2025, fold, name_key, short_name

DATA = Path(__file__).parent / "data"
OUTPUT = DATA / "units.csv.gz"
COLUMNS = ("code", "era", "name", "level", "parents", "valid_from", "valid_to", "merged_into",
           "successor_2025", "aliases", "keys", "source")

# When the map of one source gave way to the next; data/history.csv refines single units.
ROUND_2020 = "2020-01-01"   # the 2019–2020 commune mergers (Hà Tĩnh: NQ 819/NQ-UBTVQH14)
ROUND_2025 = "2025-01-01"   # the 2023–2025 round (Hà Tĩnh: NQ 1286/NQ-UBTVQH15, Lộc Hà into Thạch Hà)
SOURCE_NAMES = {"A": "GSO list 2019-09-11", "B": "GSO list 2024-11-01",
                "L": "vietnamadminunits admin_units_legacy", "N": "vietnamadminunits admin_units (2025)"}


@dataclass
class Legacy:
    code: str
    level: str
    names: dict[str, str] = field(default_factory=dict)      # source letter -> full name
    parents: dict[str, str] = field(default_factory=dict)    # source letter -> parent code
    key: str | None = None                                   # the package's province_district_ward key
    folded_aliases: list[str] = field(default_factory=list)  # the package's aliases, without diacritics


def day_before(iso: str) -> str:
    return (date.fromisoformat(iso) - timedelta(days=1)).isoformat()


def read_snapshot(path: Path, letter: str, units: dict[str, Legacy]) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    for province in data:
        add(units, province["level1_id"], "province", letter, province["name"], None)
        for district in province["level2s"]:
            add(units, district["level2_id"], "district", letter, district["name"], province["level1_id"])
            for commune in district["level3s"]:
                add(units, commune["level3_id"], "commune", letter, commune["name"], district["level2_id"])


def add(units: dict[str, Legacy], code: str, level: str, letter: str, name: str,
        parent: str | None) -> Legacy:
    unit = units.setdefault(code, Legacy(code, level))
    unit.names[letter] = name
    if parent:
        unit.parents[letter] = parent
    return unit


def read_legacy(db: sqlite3.Connection, units: dict[str, Legacy]) -> None:
    rows = db.execute("select province, provinceCode, provinceKey, district, districtCode, districtKey, "
                      "ward, wardCode, wardKey, wardAlias from admin_units_legacy")
    for province, p_code, p_key, district, d_code, d_key, ward, w_code, w_key, w_alias in rows:
        add(units, p_code, "province", "L", province, None).key = p_key
        add(units, d_code, "district", "L", district, p_code).key = f"{p_key}_{d_key}"
        if w_code:
            commune = add(units, w_code, "commune", "L", ward, d_code)
            commune.key = f"{p_key}_{d_key}_{w_key}"
            commune.folded_aliases = json.loads(w_alias) if w_alias else []


def read_2025(db: sqlite3.Connection) -> tuple[dict, dict, list[dict]]:
    """The 2025 map: units by the package's keys, and the rows to write."""
    provinces, wards, rows = {}, {}, []
    for province, p_code, p_key, ward, w_code, w_key in db.execute(
            "select province, provinceCode, provinceKey, ward, wardCode, wardKey from admin_units"):
        if p_key not in provinces:
            provinces[p_key] = (p_code, province)
            rows.append(row_2025(p_code, province, "province", None))
        wards[(p_key, w_key)] = (w_code, ward)
        rows.append(row_2025(w_code, ward, "commune", p_code))
    return provinces, wards, rows


def row_2025(code: str, name: str, level: str, parent: str | None) -> dict:
    return {"code": code, "era": "2025", "name": name, "level": level,
            "parents": f"{parent}:{REFORM_2025}:" if parent else "", "valid_from": REFORM_2025,
            "valid_to": "", "merged_into": "", "successor_2025": code, "aliases": "",
            "source": SOURCE_NAMES["N"]}


def successors_2025(converter: dict, provinces: dict, wards: dict) -> dict[str, str]:
    """Legacy key -> 2025 code, provinces by their key, communes by their full key.
    A commune split between several 2025 communes goes to the one the package marks as default."""
    out = {}
    for new_key, old_keys in converter["DICT_PROVINCE"].items():
        for old_key in old_keys:
            out[old_key] = provinces[new_key][0]
    for new_province, communes in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, old_keys in communes.items():
            for old_key in old_keys:
                out[old_key] = wards[(new_province, new_ward)][0]
    for new_province, communes in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, options in communes.items():
            default = next(o for o in options if o["isDefaultNewWard"])
            out.setdefault(old_key, wards[(new_province, default["newWardKey"])][0])
    return out


def merge_targets(units: dict[str, Legacy]) -> dict[str, str]:
    """Communes that left the map -> the commune whose aliases in the package name them, in the same
    province, preferring the same district; else a namesake."""
    by_alias: dict[tuple[str, str], list[Legacy]] = {}
    # A commune that absorbed a namesake keeps the name without listing it as an alias.
    by_name: dict[tuple[str, str], list[Legacy]] = {}
    for unit in units.values():
        if "L" in unit.names and unit.level == "commune":
            province = units[unit.parents["L"]].parents["L"]
            for alias in unit.folded_aliases:
                by_alias.setdefault((province, alias), []).append(unit)
            by_name.setdefault((province, fold(short_name(unit.names["L"]))), []).append(unit)
    targets = {}
    for unit in units.values():
        if unit.level != "commune" or "L" in unit.names:
            continue
        letter = "B" if "B" in unit.names else "A"
        district = unit.parents[letter]
        province = units[district].parents.get(letter) or units[district].parents.get("A")
        full = unit.names[letter]
        found = (by_alias.get((province, fold(full))) or by_alias.get((province, fold(short_name(full))))
                 or by_name.get((province, fold(short_name(full)))) or [])
        if fold(short_name(full)).isdigit():
            # "Phường 7" of one district says nothing about another district's.
            found = [u for u in found if u.parents["L"] == district]
        if found:
            targets[unit.code] = min(found, key=lambda u: u.parents["L"] != district).code
    return targets


def read_table(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def legacy_map_rows(units: dict[str, Legacy], targets: dict[str, str], successors: dict,
                    history: list[dict], aliases: list[dict]) -> list[dict]:
    events = {h["code"]: h for h in history if h["event"] == "unit"}
    splits = {h["code"]: h for h in history if h["event"] == "split"}
    rows = []
    for unit in units.values():
        periods = parent_periods(unit)
        valid_from, valid_to = validity(unit)
        notes = [SOURCE_NAMES[s] for s in "ABL" if s in unit.names]
        if unit.code in events:
            event = events[unit.code]
            valid_from = event["valid_from"] or valid_from
            valid_to = event["valid_to"] or valid_to
            notes.append(event["note"])
        split = splits.get(periods[0][0]) if periods else None
        if split:
            first, *rest = periods
            periods = [(split["parent_before"], None, day_before(split["valid_from"])),
                       (first[0], split["valid_from"], first[2]), *rest]
            notes.append(split["note"])
        merged_into = follow(targets, unit.code)
        final = units[merged_into] if merged_into else unit
        # A district has no 2025 successor of its own: its province's stands for it.
        key = units[periods[-1][0]].key if unit.level == "district" else final.key
        successor = successors.get(key) if key else None
        names = list(dict.fromkeys(unit.names[s] for s in "LBA" if s in unit.names))
        for alias in (a for a in aliases if a["code"] == unit.code):
            names.append(alias["alias"])
            notes.append(f"{alias['alias']}: {alias['note']}")
        rows.append({
            "code": unit.code, "era": "", "name": names[0], "level": unit.level,
            "parents": "|".join(f"{p}:{f or ''}:{t or ''}" for p, f, t in periods),
            "valid_from": valid_from or "", "valid_to": valid_to or "", "merged_into": merged_into or "",
            "successor_2025": successor or "", "aliases": "|".join(names[1:]),
            "source": "; ".join(notes),
        })
    return rows


def follow(targets: dict[str, str], code: str) -> str | None:
    """The last commune in a chain of mergers, or None for a commune still on the map."""
    last = None
    while code in targets:
        code = last = targets[code]
    return last


def parent_periods(unit: Legacy) -> list[tuple[str, str | None, str | None]]:
    """(parent, from, to) for each stretch of the sources in which the parent stayed the same."""
    bounds = {"A": (None, day_before(ROUND_2020)), "B": (ROUND_2020, day_before(ROUND_2025)),
              "L": (ROUND_2025, day_before(REFORM_2025))}
    periods: list[list] = []
    for letter in "ABL":
        if letter not in unit.parents:
            continue
        start, end = bounds[letter]
        if periods and periods[-1][0] == unit.parents[letter]:
            periods[-1][2] = end
        else:
            periods.append([unit.parents[letter], start, end])
    if periods:
        periods[-1][2] = None if "L" in unit.parents else periods[-1][2]
    return [tuple(p) for p in periods]


def validity(unit: Legacy) -> tuple[str | None, str | None]:
    """First and last day the unit was on the map, as far as the sources tell."""
    valid_from = None if "A" in unit.names else ROUND_2020 if "B" in unit.names else ROUND_2025
    valid_to = day_before(REFORM_2025) if "L" in unit.names else \
        day_before(ROUND_2025) if "B" in unit.names else day_before(ROUND_2020)
    return valid_from, valid_to


def build(snapshot_2019: Path, snapshot_2024: Path, package_data: Path) -> list[dict]:
    units: dict[str, Legacy] = {}
    read_snapshot(snapshot_2019, "A", units)
    read_snapshot(snapshot_2024, "B", units)
    db = sqlite3.connect(package_data / "dataset.db")
    read_legacy(db, units)
    provinces, wards, rows_2025 = read_2025(db)
    converter = json.loads((package_data / "converter_2025.json").read_text(encoding="utf-8"))
    successors = successors_2025(converter, provinces, wards)
    targets = merge_targets(units)
    history = read_table(DATA / "history.csv")
    aliases = read_table(DATA / "aliases.csv")
    return legacy_map_rows(units, targets, successors, history, aliases) + rows_2025


def with_keys(row: dict) -> dict:
    """The row with the syllable keys of its names, without type words, that the gazetteer looks up."""
    names = [row["name"], *filter(None, row["aliases"].split("|"))]
    keys = dict.fromkeys(" ".join(name_key(short_name(name))) for name in names)
    return {**row, "keys": "|".join(keys)}


def write(rows: list[dict], path: Path = OUTPUT) -> None:
    rows = [with_keys(row) for row in rows]
    rows.sort(key=lambda r: (r["era"], len(r["code"]), r["code"]))
    # mtime=0: the same sources give the same bytes.
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed, \
            io.TextIOWrapper(packed, encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description="Rebuild the gazetteer's data from its sources.")
    parser.add_argument("gso_2019", type=Path, help="GSO list of units of September 2019 (dvhcvn JSON)")
    parser.add_argument("gso_2024", type=Path, help="GSO list of units of November 2024 (dvhcvn JSON)")
    args = parser.parse_args()
    import vietnamadminunits  # only needed here: the built data ships with the package
    package_data = Path(vietnamadminunits.__file__).parent / "data"
    rows = build(args.gso_2019, args.gso_2024, package_data)
    write(rows)
    left = sum(1 for r in rows if r["era"] == "" and r["valid_to"] < day_before(REFORM_2025)
               and r["level"] == "commune" and not r["merged_into"])
    print(f"{len(rows)} units written to {OUTPUT.name}; {left} communes left the map with no successor found")


if __name__ == "__main__":
    main()
