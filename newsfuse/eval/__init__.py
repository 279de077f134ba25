"""Evaluation against gold-annotated corpora: the same code paths users run, scored."""
