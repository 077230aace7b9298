"""The CI workflow that builds a site of many locales over many runners (.github/workflows/site.yml).

GitHub Actions cannot run here; what can be checked is checked: the jobs hand each other what
they need (the languages as the matrix, each part to the merge), every make target the workflow
runs exists, and its languages step prints the JSON list the matrix reads.
"""

from __future__ import annotations

import json
import re
import subprocess
from typing import Any

import yaml

from conftest import FIXTURES, PROJECT

WORKFLOW = PROJECT / ".github" / "workflows" / "site.yml"
MAKE_TARGET = re.compile(r"\bmake (?:-s )?([a-z][a-z-]*)")


def workflow() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def runs(job: dict[str, Any]) -> str:
    return "\n".join(str(step.get("run", "")) for step in job["steps"])


def test_languages_then_one_part_per_language_then_the_merge() -> None:
    jobs = workflow()["jobs"]
    assert list(jobs) == ["languages", "part", "merge"]
    assert jobs["part"]["needs"] == "languages"
    assert jobs["merge"]["needs"] == "part"
    matrix = jobs["part"]["strategy"]["matrix"]["language"]
    assert matrix == "${{ fromJSON(needs.languages.outputs.languages) }}"
    assert "site-languages" in runs(jobs["languages"])
    assert 'LANGUAGE="${{ matrix.language }}" PARTS=parts' in runs(jobs["part"])
    uploads = [step for step in jobs["part"]["steps"] if "upload-artifact" in step.get("uses", "")]
    assert uploads[0]["with"]["path"] == "parts/"
    downloads = [s for s in jobs["merge"]["steps"] if "download-artifact" in s.get("uses", "")]
    assert downloads[0]["with"] == {"pattern": "part-*", "path": "parts/", "merge-multiple": True}
    assert "make site-merge PARTS=parts SITE=site" in runs(jobs["merge"])
    published = [s for s in jobs["merge"]["steps"] if "upload-artifact" in s.get("uses", "")]
    assert published[0]["with"]["path"] == "site/"


def test_every_make_target_the_workflow_runs_exists() -> None:
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, re.MULTILINE))
    used = {
        target for job in workflow()["jobs"].values() for target in MAKE_TARGET.findall(runs(job))
    }
    assert used == {"site-languages", "site-part", "site-merge", "links"}
    assert used <= targets


def test_the_languages_step_prints_the_matrix() -> None:
    trees = " ".join(str(FIXTURES / "locales" / code) for code in ("lv", "de", "ar"))
    out = subprocess.run(
        ["make", "-s", "site-languages", f"SOURCE={trees}", "DEFAULT=de"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(out.strip().splitlines()[-1]) == ["de", "lv", "ar-SA", "en"]
