"""Placeholder until the whole-book assembly lands (coordinator's branch only)."""


def write_book(site_dir, project, content, *, cover: str, colophon: str) -> None:
    return None
