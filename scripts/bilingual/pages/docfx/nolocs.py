"""``:::no-loc text="…":::``: a string the translation left untranslated, shown as its text.

Learn's markdown reference: ``\\"`` escapes a quote inside the text (``\\\\`` a backslash). The
text is written as literal markdown text (nothing in it becomes markup); a directive inside code
stays as written (``masks``).
"""

from __future__ import annotations

import re

from bilingual.pages.docfx import masks
from bilingual.pages.docfx.context import Resolver
from bilingual.pages.docfx.escape import markdown_text
from bilingual.pages.docfx.inline import Construct

NO_LOC = re.compile(
    r""":::no-loc[ \t]+text[ \t]*=[ \t]*(?:"(?P<dq>(?:\\.|[^"\\\n])*)"|'(?P<sq>(?:\\.|[^'\\\n])*)')[ \t]*:::""",
    re.IGNORECASE,
)
ESCAPE = re.compile(r"\\(.)")


def replace_no_loc(body: str, match: re.Match[str], resolver: Resolver | None) -> str:
    if masks.inside(masks.code(body), match.start()):
        return match.group()
    raw = match.group("dq") if match.group("dq") is not None else match.group("sq")
    return markdown_text(ESCAPE.sub(r"\1", raw))


CONSTRUCT = Construct("no-loc", NO_LOC, replace_no_loc, marker=":::")
