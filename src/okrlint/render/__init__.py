"""Scorecards from Jinja templates: Markdown (``render_markdown``) and a folder of HTML pages (``write_html``)."""
