"""The Jinja environment that renders the project's own HTML templates.

It is independent of mkdocs-macros: renderers take plain values and return
HTML strings, so they can be tested, and reused by another site generator.
"""

from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape


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
    )


def render(template_name: str, **context: object) -> str:
    """Render one template to a string without blank lines.

    Python-Markdown ends a raw HTML block at a blank line, so rendered blocks
    must not contain any.
    """
    html = environment().get_template(template_name).render(**context)
    return "\n".join(line for line in html.splitlines() if line.strip())
