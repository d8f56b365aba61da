"""The pipeline's steps from the command line, for any engine.

    python -m macros prepare OUT_DIR   the project with its generated pages and
                                       files, as a folder another engine builds
                                       (prints the configuration file to build)
    python -m macros publish SITE_DIR  after any engine: the whole-book page,
                                       stylesheets, policies, PDFs, zip

Both read ``mkdocs.yml`` of the current folder (``--project`` for another);
a problem is one line on standard error and exit status 1.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from macros.site.project import Project, ProjectError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path("."), help="the folder of mkdocs.yml (default: here)")
    steps = parser.add_subparsers(dest="step", required=True)
    prepare_step = steps.add_parser("prepare", help="write the project, prepared, to OUT_DIR")
    prepare_step.add_argument("out_dir", type=Path)
    publish_step = steps.add_parser("publish", help="publish the site an engine built in SITE_DIR")
    publish_step.add_argument("site_dir", type=Path)
    publish_step.add_argument("--pdf-cache", help="where drawn PDFs are kept (default: the plugin's pdf_cache)")
    publish_step.add_argument("--workers", type=int, help="processes that draw PDFs at once")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    try:
        project = Project.load(args.project)
        if args.step == "prepare":
            from macros.site.prepare import prepare
            from macros.site.zensical import write_zensical_project

            config = write_zensical_project(project, prepare(project, project.content()), args.out_dir)
            print(config)
            return 0
        from macros.site.publish import publish

        if not (args.site_dir / "index.html").is_file():
            raise ProjectError(f"{args.site_dir}: no built site there (no index.html)")
        project = project.with_options(
            pdf_cache=str(Path(args.pdf_cache).resolve()) if args.pdf_cache else None,
            workers=args.workers,
        )
        done = publish(args.site_dir, project, project.content())
        logging.info(f"Published {done.pages} pages; removed {len(done.removed)} files no reader loads; wrote {done.archive}")
        return 0
    except (ProjectError, ValueError) as error:
        print(f"ERROR   -  {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
