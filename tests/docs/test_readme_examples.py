"""Every command in the README's ``console`` blocks runs as written (against a temporary store)."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("NEWSFUSE_SHARED", REPO.parent / "shared"))
# Long-running servers are started by the API/web tests; here their --help must work.
SERVERS = {"serve"}


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```console\n(.*?)```", text, flags=re.DOTALL)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def command_words(line: str) -> tuple[dict[str, str], list[str]]:
    """``NAME=value newsfuse cmd ...`` split into its environment assignments and the command's words."""
    words = shlex.split(line)
    assignments = {}
    while words and re.fullmatch(r"[A-Z_]+=.*", words[0]):
        name, value = words.pop(0).split("=", 1)
        assignments[name] = value
    return assignments, words


def test_readme_shows_every_top_level_command():
    from newsfuse.cli.main import build_app

    documented = {command_words(line)[1][1] for line in readme_commands()}
    commands = {c.name for c in build_app().registered_commands}
    assert commands, "no commands registered"
    assert not commands - documented, f"README lacks an example of: {sorted(commands - documented)}"


@pytest.mark.slow
def test_readme_console_examples_run(tmp_path):
    if not (SHARED / "seeds").exists():
        pytest.skip(f"shared data not found at {SHARED}")
    for line in readme_commands():
        assignments, words = command_words(line)
        env = dict(os.environ, **assignments)
        assert words[0] == "newsfuse", line
        words = [w.replace("../shared", str(SHARED)) for w in words]
        if words[1] in SERVERS:
            words = words[:2] + ["--help"]
        if "--output" in words:
            words[words.index("--output") + 1] = str(tmp_path / words[words.index("--output") + 1])
        result = subprocess.run(
            [sys.executable, "-m", "newsfuse.cli.main", *words[1:]],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert result.returncode == 0, f"{line}\n{result.stderr[-2000:]}"
