"""The Jinja environment that renders the project's own HTML templates.

It is independent of mkdocs-macros: renderers take plain values and return
HTML strings, so they can be tested, and reused by another site generator.

What the templates write lands in a page's Markdown, and some of it inside
an element that Markdown reads too (``markdown`` attribute): there, a value
with "[x](javascript:…)" would become a link and "{: onclick=… }" an
attribute. So every value a template writes is escaped for HTML and its
Markdown characters become character references, which the browser shows as
the very characters and Markdown leaves alone (``inert``).
"""

from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

# Characters that start a link, an attribute list, emphasis or code in
# Markdown, as character references.
_MARKDOWN_REFERENCES = str.maketrans({ch: f"&#{ord(ch)};" for ch in "[]{}*_`\\"})


def inert(value: object) -> object:
    """A value as a template writes it: HTML-escaped, no Markdown in it."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return Markup(str(escape(value)).translate(_MARKDOWN_REFERENCES))


@lru_cache(maxsize=1)
def environment() -> Environment:
    """Return the shared template environment (autoescaping, strict undefined)."""
    return Environment(
        loader=PackageLoader("macros.render", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "svg"), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        finalize=inert,
    )


def render(template_name: str, **context: object) -> str:
    """Render one template to a string without blank lines.

    Python-Markdown ends a raw HTML block at a blank line, so rendered blocks
    must not contain any.
    """
    html = environment().get_template(template_name).render(**context)
    return "\n".join(line for line in html.splitlines() if line.strip())
