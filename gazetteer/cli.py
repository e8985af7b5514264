"""`ntm gazetteer lookup NAME`: the candidate units for a name."""
import click


@click.command()
@click.argument("name")
@click.option("--province", help="Only units in this province (name or code).")
@click.option("--date", "when", help="The map in force on this ISO date.")
def lookup(name: str, province: str | None, when: str | None):
    """Print the units NAME may stand for: code, type, parent, validity and 2025 successor."""
    raise click.ClickException("the gazetteer has no data yet")
