"""The records of the fact model, as they travel on a Doc (`doc._.mentions`, `doc._.facts`)."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

# Fields of each fact type beyond the common ones (unit, start, end), in the order of the contract.
FIELDS: dict[str, tuple[str, ...]] = {
    "mention": (),
    "criteria_count": ("count_min", "count_max", "total", "status", "standard", "average_over"),
    "unit_count": ("member", "count_min", "count_max", "total", "percent", "status", "standard",
                   "criteria_min", "criteria_max"),
    "unit_status": ("standard", "status", "year"),
    "criterion_status": ("criterion", "status"),
    "funding": ("amount_vnd", "qualifier", "role", "criterion", "funder"),
    "deadline": ("goal", "date_from", "date_to", "granularity", "relation"),
}
FACT_TYPES = tuple(FIELDS)
# Fields that say how a fact was worded, not which fact it is: "năm 2024" and "trong năm 2024"
# set one deadline.
WORDING = {"deadline": ("relation",)}


@dataclass
class Mention:
    """One occurrence of a place name resolved to a unit."""
    start: int
    end: int
    unit: str      # GSO code
    signal: str    # what resolved it: "type_word", "list", "parent", "area", ...


@dataclass
class Fact:
    type: str
    unit: str | None
    start: int     # offsets of the fact's own words in doc.text
    end: int
    fields: dict = field(default_factory=dict)

    def __post_init__(self):
        unknown = set(self.fields) - set(FIELDS[self.type])
        if unknown:
            raise ValueError(f"{self.type} has no field {sorted(unknown)}")

    def key(self) -> tuple:
        """What makes two facts the same fact (a fact stated twice in one article is one fact)."""
        identity = [f for f in FIELDS[self.type] if f not in WORDING.get(self.type, ())]
        return (self.type, self.unit, *(self.fields.get(f) for f in identity))


# `doc._.article.text` is the Doc's text as a plain string: rules that read the text many times
# should use it, as spaCy builds `doc.text` anew from the tokens on every access.
for name in ("article", "mentions", "facts"):
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)
