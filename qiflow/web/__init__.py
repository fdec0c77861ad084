"""The casebook in a browser: a self-contained HTML page per case and the library as a static site.

Pages are rendered by Jinja2 with autoescaping from data the engine computes at build time; the only
script is ``static/step.js`` (vanilla), inlined with the stylesheet so a page works from ``file://``.
"""
