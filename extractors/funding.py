"""The funding facts. To be filled in."""
from spacy.language import Language


@Language.component("ntm_funding")
def extract_funding(doc):
    return doc
