"""Front matter: YAML text <-> metadata, fast for the flat shape real sources use.

Real front matter is a flat mapping of ``key: value`` lines, some values being lists of
``- item`` lines. Loading and dumping that shape through PyYAML costs more than splitting the rest
of the article, so ``load`` and ``dump`` handle it directly and hand anything else to PyYAML.
Both give exactly what PyYAML gives (``yaml.load`` with the safe loader; ``yaml.safe_dump`` with
``allow_unicode=True, sort_keys=False, width=1000``); the tests compare them over the real corpus
and generated metadata.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml

try:  # the C loader is several times faster; PyYAML builds it where libyaml is present
    from yaml import CSafeLoader as YamlLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as YamlLoader  # type: ignore[assignment]

__all__ = ["YamlLoader", "dump", "load"]

STR_TAG = "tag:yaml.org,2002:str"
WIDTH = 1000
_RESOLVER = yaml.resolver.Resolver()

# A top-level line of the flat shape: ``key: value``, ``key:``, ``- item`` or blank.
FLAT_LINE = re.compile(r"(?:([A-Za-z_][\w.\-]*):(?:[ ]+(\S(?:.*\S)?))?|-[ ]+(\S(?:.*\S)?)|)[ ]*")
# What ``_line`` makes of a line: a key and its value (None: a list may follow), or a list item.
KEY, ITEM, BLANK = 0, 1, 2
# Characters YAML prints as they are (PyYAML with allow_unicode=True); no tab, line break or BOM.
PRINTABLE = "\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010fffe"
# Where a plain scalar may not start, and what it may not hold (block context, one line).
PLAIN_RULES = r"(?![#,\[\]{}&*!|>'\"%@`])(?![?:\-](?:[ ]|$))(?!.*:(?:[ ]|$))(?!.*[ ]#)"
# A plain scalar as a flat value (its first and last characters are not spaces already).
PLAIN_VALUE = re.compile(PLAIN_RULES + ".+")
# A decimal integer as YAML 1.1 writes it without signs or underscores.
DECIMAL = re.compile(r"0|[1-9][0-9]*")
# A string PyYAML's emitter writes plain in block context (see Emitter.analyze_scalar).
PLAIN_OUT = re.compile(rf"(?!---|\.\.\.){PLAIN_RULES}(?! )[{PRINTABLE}]+(?<! )")
# A string PyYAML's emitter writes single-quoted: one line of printable characters.
QUOTABLE_OUT = re.compile(f"[{PRINTABLE}]+")


@lru_cache(maxsize=65536)
def _is_str(plain: str) -> bool:
    """Whether PyYAML resolves this plain scalar to a string (not a number, date, bool, null)."""
    tag = _RESOLVER.resolve(yaml.ScalarNode, plain, (True, False))  # type: ignore[no-untyped-call]
    return bool(tag == STR_TAG)


def _scalar(text: str) -> str | int | None:
    """The string (or decimal integer) a flat value stands for, or None when only PyYAML can tell."""
    first = text[0]
    if first == '"':
        inner = text[1:-1]
        if len(text) > 1 and text[-1] == '"' and '"' not in inner and "\\" not in inner:
            return inner
        return None
    if first == "'":
        inner = text[1:-1]
        if len(text) > 1 and text[-1] == "'" and "'" not in inner.replace("''", ""):
            return inner.replace("''", "'")
        return None
    if PLAIN_VALUE.fullmatch(text) and _is_str(text):
        return text
    if DECIMAL.fullmatch(text):
        return int(text)
    return None


@lru_cache(maxsize=65536)
def _line(line: str) -> tuple[int, str, str | int | None] | None:
    """A line of the flat shape as (KEY, key, value), (ITEM, "", item) or (BLANK, "", None).

    Tabs, CR, other line breaks and control characters are PyYAML's case (None)."""
    match = FLAT_LINE.fullmatch(line) if line.isprintable() else None
    if match is None:
        return None
    key, value, item = match.groups()
    if key is not None:
        if not _is_str(key):
            return None
        if value is None:
            return (KEY, key, None)
        scalar = _scalar(value)
        return None if scalar is None else (KEY, key, scalar)
    if item is not None:
        scalar = _scalar(item)
        return None if scalar is None else (ITEM, "", scalar)
    return (BLANK, "", None)


def _load_flat(block: str) -> dict[str, Any] | None:
    """The flat shape read directly, or None when the block is anything else."""
    reads = list(map(_line, block.split("\n")))
    if None in reads:
        return None
    metadata: dict[str, Any] = {}
    items: list[str | int] | None = None
    last = ""
    for kind, key, value in reads:  # type: ignore[misc]  # no None left
        if kind == KEY:
            metadata[key] = value
            last, items = key, None
        elif kind == ITEM:
            if items is None:
                if not metadata or metadata[last] is not None:
                    return None
                items = metadata[last] = []
            items.append(value)  # type: ignore[arg-type]  # items are never None
    return metadata or None


def load(block: str) -> Any:
    """The YAML value of a front matter block (its text between the ``---`` lines).

    Raises ``yaml.YAMLError`` as PyYAML does when the block is not valid YAML.
    """
    flat = _load_flat(block) if block else None
    if flat is not None:
        return flat
    return yaml.load(block, Loader=YamlLoader)


def _pyyaml_dump(metadata: dict[str, Any]) -> str:
    return yaml.safe_dump(metadata, allow_unicode=True, sort_keys=False, width=WIDTH)


@lru_cache(maxsize=65536)
def _out_scalar(text: str) -> str | None:
    """How PyYAML writes this string as a one-line scalar, or None when unsure."""
    if not text:
        return "''"
    if PLAIN_OUT.fullmatch(text) and _is_str(text):
        return text
    if QUOTABLE_OUT.fullmatch(text):
        return "'" + text.replace("'", "''") + "'"
    return None


@lru_cache(maxsize=65536, typed=True)
def _entry(key: Any, value: Any) -> str | None:
    """``key: value`` as PyYAML writes it at the top of a mapping (a list's items given as a
    tuple), or None when unsure."""
    if key.__class__ is not str or len(key) >= 100:
        return None
    name = _out_scalar(key)
    if name is None or name[0] == "'":
        return None
    kind = value.__class__
    if kind is tuple:
        return _list_entry(name, value)
    if kind is str:
        out = _out_scalar(value)
    elif kind is int:
        out = str(value)
    else:
        return None
    if out is None or len(name) + len(out) + 2 > WIDTH - 10:
        return None
    return f"{name}: {out}\n"


def _list_entry(name: str, items: tuple[Any, ...]) -> str | None:
    """``name:`` and its ``- item`` lines as PyYAML writes them, or None when unsure."""
    if not items:
        return None
    lines = [name, ":\n"]
    for item in items:
        out = _out_scalar(item) if item.__class__ is str else None
        if out is None or len(out) + 2 > WIDTH - 10:
            return None
        lines.append(f"- {out}\n")
    return "".join(lines)


def dump(metadata: dict[str, Any]) -> str:
    """Metadata as YAML, exactly as ``yaml.safe_dump(metadata, allow_unicode=True,
    sort_keys=False, width=1000)`` writes it."""
    values = [tuple(v) if v.__class__ is list else v for v in metadata.values()]
    try:
        lines = list(map(_entry, metadata, values))
    except TypeError:  # a value that cannot be hashed (a mapping, nested lists): PyYAML's case
        return _pyyaml_dump(metadata)
    if not lines or None in lines:
        return _pyyaml_dump(metadata)
    lists = [id(v) for v in metadata.values() if v.__class__ is list]
    if len(set(lists)) < len(lists):  # a list met twice is written with an anchor
        return _pyyaml_dump(metadata)
    return "".join(lines)  # type: ignore[arg-type]  # no None left
