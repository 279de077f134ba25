"""The web UI: server-rendered pages (Jinja2) with local static assets, mounted by ``newsfuse.api.create_app``."""
