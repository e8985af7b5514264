"""The deadline facts. To be filled in."""
from spacy.language import Language


@Language.component("ntm_deadline")
def extract_deadline(doc):
    return doc
