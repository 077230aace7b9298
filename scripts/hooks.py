"""MkDocs hooks (loaded through ``hooks:`` in mkdocs.yml): each event handed to ``SiteEvents``.

``events`` is the one object holding a build's state (``bilingual.site.events``). MkDocs loads
this file once per process and keeps it for every config it loads there, so the state is dropped
at each build's start (``on_config``).
``bilingual`` is imported from ``scripts/`` (``PYTHONPATH=scripts``, as the Makefile and tests set).
"""

from __future__ import annotations

from bilingual.site.events import SiteEvents

events = SiteEvents()

on_config = events.on_config
on_pre_build = events.on_pre_build
on_build_error = events.on_build_error
on_pre_template = events.on_pre_template
on_template_context = events.on_template_context
on_page_markdown = events.on_page_markdown
on_page_content = events.on_page_content
on_page_context = events.on_page_context
on_env = events.on_env
on_post_page = events.on_post_page
on_post_template = events.on_post_template
on_post_build = events.on_post_build
