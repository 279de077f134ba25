"""newsfuse: news reports in, deduplicated and corroborated event records with provenance out."""

__version__ = "0.1.0"
