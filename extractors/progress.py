"""The progress facts. To be filled in."""
from spacy.language import Language


@Language.component("ntm_progress")
def extract_progress(doc):
    return doc
