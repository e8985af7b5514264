"""Every province, district and commune with its GSO code, aliases, history and 2025 successor."""
from gazetteer.units import Gazetteer, Unit

__all__ = ["Gazetteer", "Unit"]
