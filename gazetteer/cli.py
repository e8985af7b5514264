"""`ntm gazetteer lookup NAME`: the candidate units for a name."""
from datetime import date

import click

from gazetteer.units import Gazetteer, Unit


@click.command()
@click.argument("name")
@click.option("--province", help="Only units in this province (name or code).")
@click.option("--date", "when", help="The map in force on this ISO date.")
def lookup(name: str, province: str | None, when: str | None):
    """Print the units NAME may stand for: code, type, parent, validity and 2025 successor."""
    try:
        day = date.fromisoformat(when) if when else None
    except ValueError:
        raise click.BadParameter(f"{when!r} is not an ISO date (YYYY-MM-DD)", param_hint="--date")
    gazetteer = Gazetteer.default()
    units = gazetteer.lookup(name, province=province, when=day)
    if not units:
        raise click.ClickException(f"no unit named {name!r}")
    for unit in units:
        click.echo(describe(gazetteer, unit, day))


def describe(gazetteer: Gazetteer, unit: Unit, day: date | None) -> str:
    """One line: code, type and name, other names, parent (each period's, unless a date picks one),
    validity, what it became."""
    map_day = date.fromisoformat(unit.valid_from) if unit.era else None  # parents of the same map
    periods = [(p, f, t) for p, f, t in unit.parents if day is None or p == unit.parent_on(day)]
    spans = len(periods) > 1
    parents = "; ".join(
        f"{parent.name} ({parent.code})" + (f" {f or '…'} – {t or '…'}" if spans else "")
        for parent, f, t in ((gazetteer.unit(p, map_day), f, t) for p, f, t in periods) if parent)
    parts = [unit.code, unit.type or unit.level, unit.name,
             f"also {', '.join(unit.aliases)}" if unit.aliases else "",
             f"in {parents}" if parents else "",
             f"valid {unit.valid_from or '…'} – {unit.valid_to or '…'}"]
    if unit.merged_into:
        parts.append(f"merged into {gazetteer.unit(unit.merged_into).name} ({unit.merged_into})")
    if unit.era:
        parts.append("map of 2025")
    elif unit.successor_2025:
        parts.append(f"2025: {unit.successor_2025_name} ({unit.successor_2025})")
    return "\t".join(p for p in parts if p)
