"""The hostile site in a real browser: headless Chromium loads every hostile page, the
side-by-side view on (each block's English twin put beside it), then fires pointer and focus
events at every element and follows every link the browser reads as ``javascript:``; no payload
may mark the page (each payload sets ``data-pwned`` on the page).

The site is served by a local HTTP server; every other host resolves to nothing (no test touches
the internet: the video player's iframe and the theme's web fonts fail fast). A control page with
a live payload proves the probe sees a payload that runs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import HOSTILE_CASES as CASES
from conftest import PREFIX

pytestmark = pytest.mark.site

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CONTROL = '<!doctype html><img src="missing" onerror="document.documentElement.dataset.pwned=1">'
PROBE = """<!doctype html><html><body>
<script>
// every page with its English twins beside its blocks (side by side, sbs.js): they run nothing
localStorage.setItem("bilingual.sbs", "on");
function poke(doc) {
  for (const el of doc.querySelectorAll("*")) {
    for (const type of ["mouseover", "mouseenter", "pointerenter", "focus", "toggle"]) {
      el.dispatchEvent(new Event(type));
    }
  }
  for (const a of doc.querySelectorAll("a[href]")) {
    if (a.protocol === "javascript:") a.click();
  }
}
function report() {
  const found = {};
  for (const frame of document.querySelectorAll("iframe")) {
    const doc = frame.contentDocument;
    const marked = doc.documentElement.dataset.pwned || (doc.body && doc.body.dataset.pwned);
    found[frame.dataset.page] = marked ? "ran" : "clean";
    found[frame.dataset.page + " twins"] = String(doc.querySelectorAll("[data-sbs-twin]").length);
  }
  const out = document.createElement("pre");
  out.id = "result";
  out.textContent = JSON.stringify(found);
  document.body.appendChild(out);
}
window.addEventListener("load", () => {
  for (const frame of document.querySelectorAll("iframe")) poke(frame.contentDocument);
  setTimeout(report, 2000);
});
</script>
FRAMES
</body></html>"""


def probe_page(pages: list[str]) -> str:
    frames = "\n".join(f'<iframe data-page="{page}" src="/{page}"></iframe>' for page in pages)
    return PROBE.replace("FRAMES", frames)


def serve(site: Path, pages: list[str]) -> tuple[ThreadingHTTPServer, str]:
    extra = {"/__probe__.html": probe_page(pages), "/__control__.html": CONTROL}

    class Handler(SimpleHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path in extra:
                body = extra[self.path].encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                super().do_GET()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(site)))
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def verdicts(hostile_site: Path) -> dict[str, str]:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (.ci/run installs it)")
    pages = [f"{PREFIX[code]}{case.name}/" for case in CASES for code in ("lv", "en")]
    server, root = serve(hostile_site, [*pages, "__control__.html"])
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        run = subprocess.run(
            [
                CHROMIUM,
                *("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"),
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--virtual-time-budget=20000",
                "--dump-dom",
                f"{root}/__probe__.html",
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=True,
        )
    finally:
        server.shutdown()
        thread.join()
    result = BeautifulSoup(run.stdout, "html.parser").select_one("#result")
    assert result is not None, run.stdout[-2000:]
    found: dict[str, str] = json.loads(result.get_text())
    return found


def test_the_translation_pages_are_probed_side_by_side(verdicts: dict[str, str]) -> None:
    """The English of every hostile case is in the page, as twins (the view was on)."""
    assert verdicts["side-by-side/ twins"] == "8"  # title, 3 paragraphs, 2 steps, table, alert
    assert all(
        verdicts[f"{case.name}/ twins"] != "0" for case in CASES if case.name != "front-matter"
    )
    assert verdicts["en/side-by-side/ twins"] == "0"


def test_the_probe_sees_a_payload_that_runs(verdicts: dict[str, str]) -> None:
    assert verdicts["__control__.html"] == "ran"


@pytest.mark.parametrize("code", ["lv", "en"])
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_no_payload_runs_in_a_browser(verdicts: dict[str, str], case: Path, code: str) -> None:
    assert verdicts[f"{PREFIX[code]}{case.name}/"] == "clean"
