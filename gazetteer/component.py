"""The spaCy component that finds the units an article names."""
from spacy.language import Language

from gazetteer.units import Gazetteer


@Language.component("ntm_gazetteer")
def resolve_places(doc):
    doc._.mentions = Gazetteer.default().resolve(doc)
    return doc
