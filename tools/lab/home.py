"""Makes the folder `./nnlab lab` opens: one place with the student notebooks and the worked solutions.

    build/lab/
      START-HERE.ipynb   an index: each notebook's title, a link to the student notebook and to its solution
      notebooks/         a link to the repository's notebooks/ (the student copies, edited in place)
      solutions/         copies of solutions/notebooks/*.ipynb (executed, with every figure)

The solutions are copies, not links: opening a notebook in JupyterLab can save it again (the plotly renderer
stores a PNG of each figure in the notebook), and the repository's solution notebooks are the source that
the student notebooks are generated from, so they must not change by being read. A copy is refreshed
when its source is newer (a `git pull`); the student notebooks are never copied or touched.

usage: python tools/lab/home.py ROOT OUT
"""
import json
import os
import pathlib
import shutil
import sys

KERNEL = {"name": "java-nnlab", "display_name": "Java (nnlab)", "language": "java"}


def title(path):
    """The notebook's first markdown heading, without the '#'s; the file name when it has none."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return path.stem


def index(names, titles):
    rows = "\n".join(f"| {t} | [notebooks/{n}](notebooks/{n}) | [solutions/{n}](solutions/{n}) |"
                     for n, t in zip(names, titles))
    text = f"""# nnlab: start here

Work through the notebooks in order. Each one opens with the **Java (nnlab)** kernel (top right);
run the cells from the top (Shift+Enter) and fill in the exercise cells: the self-check cell under each
exercise tells you at once whether your code passes.

| notebook | your notebook (edit and run it) | worked solution (executed, every figure) |
| --- | --- | --- |
{rows}

**Your notebooks** are the files in `notebooks/`: what you write there is saved there and is what you hand in.

**The worked solutions** in `solutions/` are copies for reading and trying things out; opening or changing
them never touches your notebooks. They are refreshed from the project's `solutions/notebooks/` when those
change, so keep your own work in `notebooks/`.
"""
    lines = text.splitlines(keepends=True)
    cell = {"cell_type": "markdown", "metadata": {}, "source": lines}
    return {"cells": [cell], "metadata": {"kernelspec": KERNEL, "language_info": {"name": "java"}},
            "nbformat": 4, "nbformat_minor": 5}


def make(root, out):
    root, out = pathlib.Path(root).resolve(), pathlib.Path(out)
    (out / "solutions").mkdir(parents=True, exist_ok=True)
    link = out / "notebooks"
    target = os.path.relpath(root / "notebooks", out)
    if link.is_symlink() and os.readlink(link) != target:  # the repository moved
        link.unlink()
    if not link.is_symlink():
        if link.exists():
            sys.exit(f"expected {link} to be a link to {root / 'notebooks'} but it is a folder; remove it and run ./nnlab lab again.")
        link.symlink_to(target, target_is_directory=True)
    sources = sorted((root / "solutions" / "notebooks").glob("*.ipynb"))
    for src in sources:
        copy = out / "solutions" / src.name
        if not copy.exists() or src.stat().st_mtime > copy.stat().st_mtime:
            shutil.copyfile(src, copy)
    names = [p.name for p in sorted((root / "notebooks").glob("*.ipynb"))]
    titles = [title(root / "notebooks" / n) for n in names]
    (out / "START-HERE.ipynb").write_text(json.dumps(index(names, titles), indent=1) + "\n", encoding="utf-8")
    return out


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    make(sys.argv[1], sys.argv[2])
