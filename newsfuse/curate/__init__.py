"""The analyst in control: corrections kept as constraints, the audit log, record history, users and filters.

- ``corrections.Curator``: split, merge, move, pin, claim, outlet and undo, each applied at once.
- ``constraints.enforce``: replays the corrections in force after every clustering (the cluster stage calls it).
- ``overlay``: pinned headlines, claim verdicts and outlet names laid over every stored record.
- ``history``: what changed between two versions of an event record.
- ``users``: tokens with a name and a role.
- ``filters``: the one event filter the CLI, the REST API and the web UI share.
"""
