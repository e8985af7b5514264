"""The rule data that ships beside the extractors: TOML files of words and patterns."""
import tomllib
from functools import cache
from importlib import resources


@cache
def load_rules(name: str) -> dict:
    return tomllib.loads(resources.files(__package__).joinpath(name).read_text("utf-8"))
