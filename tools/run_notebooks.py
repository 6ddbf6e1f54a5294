"""Executes notebooks headless through a Jupyter kernel and fails on any error output.

Usage (what `./nnlab test` runs):
    python tools/run_notebooks.py --kernel java-nnlab --out build/notebooks notebooks solutions

Each notebook is run top to bottom in a fresh kernel with nbclient. A notebook fails when a cell
raises (an `error` output), writes to stderr, or runs past the cell timeout, or when the kernel does
not start within the start-up timeout (minutes: the JVM and ND4J take a while on a cold machine).
Cells tagged `raises-exception` may raise (nbclient's convention, for cells that show an error on
purpose). The executed copies are written to --out for inspection; the sources are never modified.
Prints each notebook's time and a closing line "notebooks: N passed, N failed".
"""
import argparse
import pathlib
import subprocess
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def find_notebooks(paths):
    found = []
    for p in map(pathlib.Path, paths):
        if p.is_file() and p.suffix == ".ipynb":
            found.append(p)
        elif p.is_dir():
            found.extend(sorted(q for q in p.rglob("*.ipynb") if ".ipynb_checkpoints" not in q.parts))
        elif not p.exists():
            raise SystemExit(f"run_notebooks: {p} does not exist (expected a notebook or a folder of notebooks)")
    return found


def problems_in(nb):
    """Error outputs and stderr text left in an executed notebook, as readable lines."""
    out = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        allowed = "raises-exception" in cell.get("metadata", {}).get("tags", [])
        for o in cell.get("outputs", []):
            if o.get("output_type") == "error" and not allowed:
                out.append(f"cell {i}: {o.get('ename')}: {o.get('evalue')}")
            elif o.get("output_type") == "stream" and o.get("name") == "stderr" and not allowed:
                text = "".join(o.get("text", "")).strip()
                out.append(f"cell {i} wrote to stderr: {text[:2000]}")
    return out


def run_one(path, kernel, out_dir, cell_timeout, startup_timeout, root):
    nb = nbformat.read(path, as_version=4)
    timeout = nb.metadata.get("nnlab", {}).get("timeout", cell_timeout)
    client = NotebookClient(
        nb,
        kernel_name=kernel,
        timeout=timeout,
        startup_timeout=startup_timeout,
        allow_errors=True,  # collect every problem, then judge below
        resources={"metadata": {"path": str(path.parent)}},
    )
    try:
        rel = path.resolve().relative_to(root)
    except ValueError:
        rel = pathlib.Path(path.name)
    target = out_dir / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    kernel_log = target.with_suffix(".kernel.log")
    started = time.monotonic()
    problems = []
    try:
        with open(kernel_log, "wb") as log:  # the kernel's own log lines, kept out of the test output
            client.execute(stdout=log, stderr=subprocess.STDOUT)
    except CellTimeoutError as e:
        problems.append(f"a cell ran longer than {timeout} s: {str(e).splitlines()[0] if str(e) else ''}")
    except DeadKernelError as e:
        problems.append(f"the kernel died: {e} (its log: {kernel_log})")
    except CellExecutionError as e:  # only if allow_errors is turned off by metadata
        problems.append(str(e).splitlines()[0])
    except RuntimeError as e:  # e.g. the kernel did not start within startup_timeout
        problems.append(f"the kernel '{kernel}' did not start or answer: {e} (its log: {kernel_log})")
    elapsed = time.monotonic() - started
    problems.extend(problems_in(nb))
    nbformat.write(nb, target)
    return elapsed, problems, target


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", help="notebooks or folders of notebooks")
    p.add_argument("--kernel", default="java-nnlab", help="kernelspec name (default: java-nnlab)")
    p.add_argument("--out", default="build/notebooks", help="where executed copies go")
    p.add_argument("--cell-timeout", type=int, default=600, help="seconds per cell (default 600)")
    p.add_argument("--startup-timeout", type=int, default=300, help="seconds for the kernel to start (default 300)")
    a = p.parse_args(argv)

    root = pathlib.Path(__file__).resolve().parent.parent  # the repository
    notebooks = find_notebooks(a.paths)
    if not notebooks:
        print(f"run_notebooks: no notebooks found under {' '.join(a.paths)}", file=sys.stderr)
        return 1
    out_dir = pathlib.Path(a.out)
    passed = failed = 0
    total_start = time.monotonic()
    for path in notebooks:
        print(f"  running {path} ...", flush=True)
        elapsed, problems, target = run_one(path, a.kernel, out_dir, a.cell_timeout, a.startup_timeout, root)
        if problems:
            failed += 1
            print(f"FAIL {path} ({elapsed:.1f} s); executed copy: {target}")
            for line in problems:
                print(f"     {line}")
        else:
            passed += 1
            print(f"PASS {path} ({elapsed:.1f} s)")
        sys.stdout.flush()
    print(f"notebooks ran in {time.monotonic() - total_start:.1f} s")
    print(f"notebooks: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
