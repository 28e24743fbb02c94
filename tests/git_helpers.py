"""Real git repositories in temporary folders, for the diff, gitio and files-in-context tests."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.com",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo`` and return its stdout (fails the test on error)."""
    env = {**os.environ, **GIT_ENV, "HOME": str(repo)}
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def init_repo(path: Path) -> Path:
    """Create an empty git repository at ``path`` on branch main."""
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "commit.gpgsign", "false")
    return path


def write(repo: Path, rel: str, text: str) -> Path:
    """Write ``text`` to ``repo/rel``, creating folders."""
    target = repo / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def commit(repo: Path, message: str = "change") -> str:
    """Stage everything and commit; return the commit id."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


OKR_SET = """\
team: company
period: 2026-Q4
owner: ceo@example.com
objectives:
  - id: grow
    title: Grow revenue with our best customers
    key_results:
      - id: arr
        title: Raise ARR from 10 to 14 million EUR
        baseline: 10
        target: 14
        unit: M EUR
      - id: nrr
        title: Lift net revenue retention from 100% to 110%
        baseline: 100
        target: 110
        unit: "%"
      - id: launch
        title: Launch the partner program in 2 regions
        milestone: true
"""

SECOND_OBJECTIVE = """\
  - id: delight
    title: Delight merchants from their first day
    key_results:
      - id: nps
        title: Raise NPS from 40 to 55
        baseline: 40
        target: 55
        unit: points
      - id: onboarding
        title: Cut onboarding time from 10 to 4 days
        baseline: 10
        target: 4
        unit: days
"""

VAGUE_KR = """\
      - id: vague
        title: Improve customer happiness significantly
        target: 1
        baseline: 0
        unit: points
"""
