"""Generates the student material from the single source in solutions/ (what `./nnlab generate` runs).

    python3 tools/generate.py            # write what changed, list it
    python3 tools/generate.py --check    # change nothing; exit 1 and list the files that would change

For every solution notebook solutions/notebooks/NN-topic.ipynb it writes
  - notebooks/NN-topic.ipynb: the student notebook: outputs and execution counts cleared, and in each
    exercise cell every region between `// BEGIN SOLUTION` and `// END SOLUTION` replaced by a stub
    that compiles and throws "Exercise N.k: not implemented yet";
  - solutions/src/main/java/org/nnlab/solutions/<Name>Solution.java: the notebook's exercise cells,
    verbatim, as a class implementing the notebook's contract (org.nnlab.exercises.<Name>Exercises);
  - exercises/src/main/java/org/nnlab/exercises/starter/<Name>Starter.java: the same with the stubs,
    the starter code for IDE users.
A notebook names its contract in its metadata, {"nnlab": {"contract": "RectangleExercises"}}. Exercise
cells carry {"nnlab": {"exercise": "1.2", "points": 2}} and hold only declarations (`public` methods,
small classes), so that their text is also valid as class members: the Java classes are compiled by
Maven, which proves that the autograder can wrap a notebook's exercise cells the same way.

Markers must stand alone on a line, in exercise cells only; a nested, unclosed or unopened region is
an error naming the file, the cell and the line. Generated files say where they come from and that
they must not be edited. Only the standard library is used (no Jupyter needed), and the notebooks are
written as nbformat writes them (indent 1, sorted keys), so JupyterLab's saves do not churn them.
"""
import argparse
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
BEGIN = "// BEGIN SOLUTION"
END = "// END SOLUTION"
EXERCISE_ID = re.compile(r"^(\d+)\.(\d+)$")
GENERATOR = "tools/generate.py (./nnlab generate)"


class GenerateError(Exception):
    """A problem in a source file; the message names the file, the cell and the line."""


def stub(indent, exercise):
    return (f"{indent}// your code here\n"
            f'{indent}throw new UnsupportedOperationException("Exercise {exercise}: not implemented yet");\n')


def strip_regions(text, exercise, where):
    """The text with each solution region replaced by a stub; `where` names the cell in errors."""
    out, begin_line, indent = [], None, ""
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines, start=1):
        marker = line.strip()
        if marker == BEGIN:
            if begin_line is not None:
                raise GenerateError(f"{where}, line {number}: nested {BEGIN} (the region opened at line "
                                    f"{begin_line} is not closed yet)")
            begin_line, indent = number, line[: len(line) - len(line.lstrip())]
        elif marker == END:
            if begin_line is None:
                raise GenerateError(f"{where}, line {number}: {END} without a {BEGIN} before it")
            out.append(stub(indent, exercise))
            begin_line = None
        elif BEGIN in line or END in line:
            raise GenerateError(f"{where}, line {number}: a solution marker must stand alone on its line: {line.strip()}")
        elif begin_line is None:
            out.append(line)
    if begin_line is not None:
        raise GenerateError(f"{where}, line {begin_line}: {BEGIN} is never closed by {END}")
    return "".join(out)


def source_text(cell):
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def as_lines(text):
    """A multi-line string as nbformat stores it: a list of lines, each with its newline."""
    return text.splitlines(keepends=True)


def exercise_of(cell, where, number):
    """The cell's exercise id, or None; checks the metadata's form and that the id is the notebook's."""
    meta = cell.get("metadata", {}).get("nnlab", {})
    if "exercise" not in meta:
        return None
    exercise, points = meta.get("exercise"), meta.get("points")
    m = EXERCISE_ID.match(str(exercise))
    if not m:
        raise GenerateError(f'{where}: the exercise id must look like "1.2", but was {exercise!r}')
    if number is not None and int(m.group(1)) != number:
        raise GenerateError(f"{where}: exercise {exercise} is in notebook {number:02d}; its id must start with {number}.")
    if not isinstance(points, int) or points <= 0:
        raise GenerateError(f"{where}: exercise {exercise} needs its points, a positive integer, in the cell metadata")
    if cell.get("cell_type") != "code":
        raise GenerateError(f"{where}: exercise {exercise} is marked on a {cell.get('cell_type')} cell; mark the code cell")
    return exercise


def student_notebook(nb, rel):
    """The student copy of a solution notebook (a dict as loaded from JSON), and the exercise cells'
    (id, solution text, student text) in order."""
    number = notebook_number(rel)
    out = json.loads(json.dumps(nb))  # a deep copy
    exercises, seen = [], set()
    for i, cell in enumerate(out["cells"]):
        where = f"{rel}, cell {i}"
        exercise = exercise_of(cell, where, number)
        text = source_text(cell)
        if exercise is None:
            if cell.get("cell_type") == "code" and (BEGIN in text or END in text):
                raise GenerateError(f"{where}: solution markers are only allowed in exercise cells "
                                    '(cell metadata {"nnlab": {"exercise": "N.k", "points": P}})')
        else:
            if exercise in seen:
                raise GenerateError(f"{where}: exercise {exercise} is marked on two cells")
            seen.add(exercise)
            student = strip_regions(text, exercise, where)
            if student == text:
                raise GenerateError(f"{where}: exercise {exercise} has no {BEGIN} ... {END} region")
            exercises.append((exercise, text, student))
            text = student
        cell["source"] = as_lines(text)
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
            cell.get("metadata", {}).pop("execution", None)  # nbclient's timings
    meta = out.setdefault("metadata", {}).setdefault("nnlab", {})
    meta.pop("executed", None)  # which run made the outputs (run_notebooks --full): a student copy has none
    meta["generated_from"] = rel
    meta["note"] = f"generated from {rel} by {GENERATOR}; do not edit: edit the source and regenerate"
    return out, exercises


def notebook_number(rel):
    m = re.match(r"(\d+)-", pathlib.PurePath(rel).name)
    return int(m.group(1)) if m else None


def kernel_imports(root=ROOT):
    """The kernel's start-up imports (tools/kernel/startup.jshell): the generated classes see what the cells see,
    except JJava's own notebook functions (display, kernel: org.dflib.jjava), which exist only in the kernel."""
    lines = (root / "tools" / "kernel" / "startup.jshell").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines
            if line.strip().startswith("import ") and "org.dflib.jjava." not in line]


def java_class(package, name, contract, cells, rel, what, root=ROOT):
    imports = "\n".join(kernel_imports(root))
    body = []
    for exercise, text in cells:
        body.append(f"    // Exercise {exercise}\n")
        for line in text.splitlines():
            body.append(("    " + line).rstrip() + "\n")
        body.append("\n")
    return (f"// Generated from {rel} by {GENERATOR}; do not edit.\n"
            f"package {package};\n\n{imports}\n\n"
            f"/**\n * {what}: the exercise cells of {rel} as a class implementing\n"
            f" * {{@link {contract}}}. Not final, so that a grader can subclass it.\n */\n"
            f"public class {name} implements {contract} {{\n\n" + "".join(body).rstrip("\n") + "\n}\n")


def dump_notebook(nb):
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def outputs(root=ROOT):
    """{path relative to root: text} of every generated file."""
    files = {}
    sources = sorted((root / "solutions" / "notebooks").glob("*.ipynb"))
    for path in sources:
        rel = path.relative_to(root).as_posix()
        try:
            nb = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            raise GenerateError(f"{rel}: not valid JSON: {e}") from e
        student, exercises = student_notebook(nb, rel)
        files[f"notebooks/{path.name}"] = dump_notebook(student)
        contract = nb.get("metadata", {}).get("nnlab", {}).get("contract")
        if exercises and not contract:
            raise GenerateError(f'{rel}: has exercises but names no contract; add "nnlab": {{"contract": '
                                f'"SomethingExercises"}} to the notebook metadata')
        if contract:
            if not re.fullmatch(r"[A-Z]\w*Exercises", contract):
                raise GenerateError(f"{rel}: the contract must be an interface name ending in Exercises, was {contract!r}")
            base = contract[: -len("Exercises")]
            files[f"solutions/src/main/java/org/nnlab/solutions/{base}Solution.java"] = java_class(
                "org.nnlab.solutions", f"{base}Solution", contract, [(e, s) for e, s, _ in exercises], rel,
                "The reference solution, verbatim", root)
            files[f"exercises/src/main/java/org/nnlab/exercises/starter/{base}Starter.java"] = java_class(
                "org.nnlab.exercises.starter", f"{base}Starter", contract, [(e, t) for e, _, t in exercises], rel,
                "The starter code, with each solution replaced by a stub (complete the methods; the autograder grades this class)",
                root)
    return files


def stale(root=ROOT):
    """The generated files whose content on disk differs from what the generator writes (or that are
    missing), and generated files on disk that no source produces any more."""
    files = outputs(root)
    changed = [p for p, text in files.items()
               if not (root / p).exists() or (root / p).read_text(encoding="utf-8") != text]
    orphans = [p.relative_to(root).as_posix() for p in generated_on_disk(root) if p.relative_to(root).as_posix() not in files]
    return files, changed, orphans


def generated_on_disk(root):
    """Files under notebooks/ and the generated packages that carry the generator's mark."""
    found = []
    for pattern in ("notebooks/*.ipynb", "solutions/src/main/java/org/nnlab/solutions/*.java",
                    "exercises/src/main/java/org/nnlab/exercises/starter/*.java"):
        for p in root.glob(pattern):
            if "by " + GENERATOR in p.read_text(encoding="utf-8"):
                found.append(p)
    return found


def main(argv=None, root=ROOT):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--check", action="store_true", help="change nothing; exit 1 when a generated file is out of date")
    a = p.parse_args(argv)
    try:
        files, changed, orphans = stale(root)
    except GenerateError as e:
        print(f"generate: error: {e}", file=sys.stderr)
        return 2
    if a.check:
        for path in changed:
            print(f"out of date: {path}")
        for path in orphans:
            print(f"no longer generated by any source: {path}")
        if changed or orphans:
            print("Run ./nnlab generate and commit the result (generated files are never edited by hand).")
            return 1
        print(f"generate: all {len(files)} generated files are up to date")
        return 0
    for path in changed:
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(files[path], encoding="utf-8")
        print(f"wrote {path}")
    for path in orphans:
        (root / path).unlink()
        print(f"removed {path} (its source is gone)")
    print(f"generate: {len(changed)} written, {len(orphans)} removed, {len(files) - len(changed)} unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
