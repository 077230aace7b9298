"""The writer's block rewriting: Python-Markdown (as mkdocs.yml configures it) must give each text
the block skeleton CommonMark (markdown-it-py) gives the original."""

from __future__ import annotations

from typing import Any

import markdown  # type: ignore[import-untyped]
import pytest
import yaml
from markdown_it.tree import SyntaxTreeNode

from bilingual.checks.skeleton import skeleton
from bilingual.pages.blocks import Block, block_parser, commonmark, normalize, parse_blocks
from bilingual.pages.docfx import alerts
from conftest import PROJECT


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml; its ``!ENV`` values are not needed here."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def python_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions of mkdocs.yml (MkDocs adds toc and tables itself)."""
    config: dict[str, Any] = yaml.load(
        (PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader
    )
    names: list[str] = []
    settings: dict[str, Any] = {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        settings[name] = options or {}
    return markdown.Markdown(extensions=names, extension_configs=settings)


CASES = {
    "three-space nesting": "1. Step\n\n   More text.\n\n   ![i](m.png)\n\n2. Next\n",
    "list right after a paragraph": "Do this:\n1. One\n2. Two\n",
    "start number": "Text\n\n3. Three\n4. Four\n",
    "adjacent bullet lists": "- a\n- b\n* c\n+ d\n",
    "adjacent ordered lists": "1. a\n2) b\n",
    "ordered then bullet": "1. a\n- b\n",
    "tight nested three levels": "1. a\n   - b\n     1. c\n        - d\n2. e\n",
    "loose nested": "1. a\n\n   - b\n\n   - c\n\n2. d\n",
    "code in a step": "1. Run:\n\n   ```sh\n   make site\n\n   make test\n   ```\n\n2. Done\n",
    "tight step with fence": "1. Run:\n   ```\n   x\n   ```\n2. Done\n",
    "indented code": "Text\n\n    code\n    more\n",
    "indented code in a step": "1. Step\n\n       code\n",
    "alert in a step": "1. a\n\n   > [!NOTE]\n   > b\n\n2. c\n",
    "adjacent quotes": "> a\n\n> b\n",
    "quote with a list": "> Text\n> 1. a\n> 2. b\n",
    "lazy continuation": "1. first line\ncontinued\n2. two\n",
    "hard break": "one  \ntwo\n",
    "hash continuation": "Tag\n#support\n",
    "empty item": "- a\n-\n- c\n",
    "table in a step": "1. Step\n\n   | a | b |\n   |---|---|\n   | 1 | 2 |\n",
    "heading in a list": "- # Big\n- small\n",
    "tabs": "1.\tStep\n\n\tMore\n",
    "html lone image": '<img src="a.png">\n\nText\n',
    "link definition": "See [x][1].\n\n[1]: https://example.com\n",
    "number ten": "10. ten\n11. eleven\n\n    nested\n",
    "thematic break": "a\n\n***\n\nb\n",
    "setext heading": "Title\n=====\n\nText\n",
}


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_python_markdown_gives_the_commonmark_skeleton(text: str) -> None:
    reference = skeleton(commonmark().render(text), reference=True)
    written = normalize(text, alert=alerts("lv"))
    built = skeleton(python_markdown().convert(written))
    assert str(built) == str(reference), written


def test_without_the_rewrite_the_skeletons_differ() -> None:
    """The check above can fail: plain Python-Markdown loses these structures."""
    for name in ("three-space nesting", "list right after a paragraph", "adjacent bullet lists"):
        text = CASES[name]
        reference = skeleton(commonmark().render(text), reference=True)
        assert str(skeleton(python_markdown().convert(text))) != str(reference), name


def test_rewritten_text_reads_as_steps() -> None:
    assert normalize("Do this:\n1) One\n   - sub\n2) Two\n") == (
        "Do this:\n\n1. One\n    - sub\n2. Two\n"
    )


def _block_shape(block: Block) -> tuple[Any, ...]:
    token, children = block.token, [_block_shape(child) for child in block.children]
    span = tuple(token.map) if token.map is not None else None
    fields = (token.hidden, token.attrs, token.markup, token.info, token.content)
    return (block.kind, span, *fields, children)


def _node_shape(node: SyntaxTreeNode) -> tuple[Any, ...]:
    children = [_node_shape(child) for child in node.children]
    fields = (node.hidden, node.attrs, node.markup, node.info, node.content)
    return (node.type, node.map, *fields, children)


UNUSUAL = {
    "lone carriage returns": "1. a\r   b\r\r2. c\n",
    "NUL": "Text\0\n\n- a\0\n",
    "empty": "",
}


@pytest.mark.parametrize("text", [*CASES.values(), *UNUSUAL.values()], ids=[*CASES, *UNUSUAL])
def test_blocks_have_the_shape_of_markdown_its_syntax_tree(text: str) -> None:
    """``parse_blocks`` walks the flat token stream: the same kinds, line ranges and nesting as
    markdown-it's own ``SyntaxTreeNode``, which the writer used to build."""
    reference = SyntaxTreeNode(block_parser().parse(text))
    blocks = parse_blocks(text)
    assert [_block_shape(block) for block in blocks] == [
        _node_shape(node) for node in reference.children
    ]
