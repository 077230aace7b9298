"""axe-core (pinned in package-lock.json, installed into ``node_modules/`` by ``make lint``'s
``npm ci``) run inside a Playwright page: the WCAG 2.0 and 2.1 A and AA rules.

The site's Content-Security-Policy allows scripts from the site's own files only, so
``page.add_script_tag`` (an inline ``<script>``) would be refused. axe is injected instead by
evaluating the file's text through Playwright (``page.evaluate``: the DevTools protocol's
evaluation, which the page's policy does not govern); the page keeps its policy, so what axe
measures is the page as a reader gets it. The context is never opened with ``bypass_csp``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
"""The rules axe runs: WCAG 2.0 and 2.1, levels A and AA."""

RUN = """async (tags) => {
  // colours are measured once Material's transitions (search results, hover) have ended
  const finite = document.getAnimations().filter(
    (animation) => animation.effect?.getComputedTiming().endTime !== Infinity
  );
  await Promise.all(finite.map((animation) => animation.finished.catch(() => null)));
  const results = await axe.run(document, {
    runOnly: { type: "tag", values: tags },
    resultTypes: ["violations"],
  });
  return results.violations.map((rule) => ({
    id: rule.id,
    impact: rule.impact,
    help: rule.help,
    nodes: rule.nodes.map((node) => ({
      target: node.target.map(String).join(" "),
      summary: node.failureSummary || "",
    })),
  }));
}"""


class AxeMissing(RuntimeError):
    """``node_modules/axe-core`` is not installed."""


@cache
def source() -> str:
    """The text of ``axe.min.js``."""
    if not AXE.is_file():
        raise AxeMissing(f"{AXE} is missing: run `make lint` (npm ci installs the pinned axe-core)")
    return AXE.read_text(encoding="utf-8")


@dataclass(frozen=True, slots=True)
class Violation:
    """One rule axe found broken, with every element that breaks it."""

    id: str
    impact: str
    help: str
    nodes: tuple[tuple[str, str], ...]
    """Each element's CSS selector and axe's summary of what to fix."""

    def lines(self) -> list[str]:
        """The violation as report lines: the rule, then one line per element."""
        head = f"{self.id} ({self.impact}): {self.help}"
        return [head] + [
            f"  {target}: {' '.join(summary.split())}" for target, summary in self.nodes
        ]


def inject(page: Page) -> None:
    """Put axe into ``page`` (once per document)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(source())


def check(page: Page) -> list[Violation]:
    """axe's WCAG 2.1 A and AA violations of ``page`` as it is now."""
    inject(page)
    found: list[dict[str, Any]] = page.evaluate(RUN, list(TAGS))
    return [
        Violation(
            id=rule["id"],
            impact=str(rule["impact"]),
            help=rule["help"],
            nodes=tuple((node["target"], node["summary"]) for node in rule["nodes"]),
        )
        for rule in found
    ]


def report(violations: list[Violation]) -> str:
    """The violations as a readable failure message (empty when there are none)."""
    return "\n".join(line for violation in violations for line in violation.lines())
