"""One router per resource of the REST API, all under ``/api``."""
