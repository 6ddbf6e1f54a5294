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
    the starter code for IDE users;
  - exercises/src/main/java/org/nnlab/exercises/<Name>Parts.java: the contract built from one function
    per method (`<Name>Exercises.with().sigmoid(z -> sigmoid(z))`), which the self-check cells pass the
    notebook's methods to. It is read from the contract's abstract methods and their Javadoc's
    "Exercise N.k:", so a new exercise method needs no hand edit beyond the contract.
It also writes lib/src/main/java/org/nnlab/optim/Float32Rules.java, the optimisers' rules in float32
arithmetic, from the rules in double that RmsProp and Adam write once (tools/float32_rules.py).
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

import float32_rules

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


# ---------------------------------------------------------------- the Parts adapters, from the contract

def _skip_literal(text, i):
    """The index after the string or char literal that starts at text[i]."""
    quote, i = text[i], i + 1
    while i < len(text) and text[i] != quote:
        i += 2 if text[i] == "\\" else 1
    return i + 1


def interface_members(text, where):
    """The members of the top-level interface in `text`, as (javadoc, declaration) for each member that
    ends in ';' (abstract methods, constants); members with a body (default and static methods, nested
    types) are left out."""
    start = re.search(r"\binterface\s+\w+[^{]*\{", text)
    if not start:
        raise GenerateError(f"{where}: no interface declaration found")
    members, javadoc, current, depth, i = [], "", [], 1, start.end()
    while i < len(text) and depth > 0:
        c = text[i]
        if text.startswith("/**", i) or text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if depth == 1 and text.startswith("/**", i):
                javadoc = text[i:end + 2]
            i = end + 2
            continue
        if text.startswith("//", i):
            i = text.find("\n", i)
            continue
        if c in "\"'":
            j = _skip_literal(text, i)
            if depth == 1:
                current.append(text[i:j])
            i = j
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 1:   # a member with a body ended
                javadoc, current = "", []
        elif depth == 1 and c == ";":
            members.append((javadoc, " ".join("".join(current).split())))
            javadoc, current = "", []
        elif depth == 1:
            current.append(c)
        i += 1
    return members


def split_top(text, sep=","):
    """`text` split at `sep` outside <...>, (...) and [...]."""
    parts, depth, cur = [], 0, ""
    for c in text:
        depth += c in "<([" and 1 or c in ">)]" and -1 or 0
        if c == sep and depth == 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += c
    if cur.strip():
        parts.append(cur.strip())
    return parts


METHOD = re.compile(r"^(?:@\w+(?:\([^)]*\))?\s+)*(?:public\s+|abstract\s+)*(?P<ret>[\w.<>\[\], ?]+?)\s+(?P<name>\w+)\s*"
                    r"\((?P<params>.*)\)\s*(?:throws\s+(?P<throws>.+))?$")


def contract_methods(text, where):
    """The contract's abstract methods as dicts (exercise, ret, name, params [(type, name)], throws), in order."""
    methods = []
    for javadoc, decl in interface_members(text, where):
        m = METHOD.match(decl)
        if not m or "=" in decl.split("(")[0]:
            continue   # a constant
        if m.group("ret").startswith("<"):
            raise GenerateError(f"{where}: {m.group('name')} is generic; Parts adapters support plain methods only")
        exercise = re.search(r"Exercise (\d+\.\d+):", javadoc)
        if not exercise:
            raise GenerateError(f'{where}: the Javadoc of {m.group("name")} must start with "Exercise N.k:" '
                                f"(the Parts adapter names the exercise in its \"not implemented yet\")")
        params = []
        for p in split_top(m.group("params")):
            p = re.sub(r"^(?:final\s+|@\w+\s+)*", "", p)
            ptype, _, pname = p.rpartition(" ")
            params.append((ptype.strip(), pname))
        methods.append(dict(exercise=exercise.group(1), ret=m.group("ret").strip(), name=m.group("name"),
                            params=params, throws=(m.group("throws") or "").strip()))
    names = [m["name"] for m in methods]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise GenerateError(f"{where}: overloaded methods ({', '.join(twice)}) cannot be told apart by a lambda's "
                            f"arity; give each exercise method its own name")
    return methods


def parts_class(contract, text, rel):
    """The source of <Base>Parts.java for the contract whose source is `text` (rel: its path)."""
    base = contract[: -len("Exercises")]
    imports = [line.strip() for line in text.splitlines() if line.startswith("import ")]
    imports = sorted(set(imports) | {"import java.util.Objects;"})
    fns, fields, setters, overrides = [], [], [], []
    for m in contract_methods(text, rel):
        fn = m["name"][0].upper() + m["name"][1:] + "Fn"
        params = ", ".join(f"{t} {n}" for t, n in m["params"])
        args = ", ".join(n for _, n in m["params"])
        throws = f" throws {m['throws']}" if m["throws"] else ""
        call = f"given({m['name']}, \"{m['exercise']}\").apply({args})"
        fns.append(f"    /** Exercise {m['exercise']}'s function, shaped as {{@link {contract}#{m['name']}}}. */\n"
                   f"    @FunctionalInterface\n    public interface {fn} {{\n"
                   f"        {m['ret']} apply({params}){throws};\n    }}\n")
        fields.append(f"    private {fn} {m['name']};\n")
        setters.append(f"    /** Exercise {m['exercise']} from {{@code f}}; returns this. */\n"
                       f"    public {base}Parts {m['name']}({fn} f) {{\n"
                       f"        {m['name']} = Objects.requireNonNull(f, \"{m['name']}\");\n        return this;\n    }}\n")
        body = f"{call};" if m["ret"] == "void" else f"return {call};"
        overrides.append(f"    @Override\n    public {m['ret']} {m['name']}({params}){throws} {{\n        {body}\n    }}\n")
    return (f"// Generated from {rel} by {GENERATOR}; do not edit.\n"
            f"package org.nnlab.exercises;\n\n" + "\n".join(imports) + "\n\n"
            f"/**\n * A {{@link {contract}}} built from functions, one per method, for the self-check cells:\n"
            f" * {{@code {contract}.with().name((a, b) -> name(a, b))}}; a method whose function was not given\n"
            f" * throws \"Exercise N.k: not implemented yet\".\n */\n"
            f"public final class {base}Parts implements {contract} {{\n\n"
            + "\n".join(fns) + "\n" + "".join(fields) + "\n"
            f"    {base}Parts() {{\n    }}\n\n" + "\n".join(setters) + "\n" + "\n".join(overrides) + "\n"
            "    private static <F> F given(F f, String exercise) {\n"
            "        if (f == null) {\n"
            "            throw new UnsupportedOperationException(\"Exercise \" + exercise + \": not implemented yet\");\n"
            "        }\n        return f;\n    }\n}\n")


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
            source = root / "exercises" / "src" / "main" / "java" / "org" / "nnlab" / "exercises" / f"{contract}.java"
            if not source.exists():
                raise GenerateError(f"{rel}: names the contract {contract}, but {source.relative_to(root)} does not exist")
            files[f"exercises/src/main/java/org/nnlab/exercises/{base}Parts.java"] = parts_class(
                contract, source.read_text(encoding="utf-8"), source.relative_to(root).as_posix())
    try:
        files[float32_rules.TARGET] = float32_rules.generate(lambda rel: (root / rel).read_text(encoding="utf-8"), GENERATOR)
    except float32_rules.RuleError as e:
        raise GenerateError(str(e)) from e
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
                    "exercises/src/main/java/org/nnlab/exercises/starter/*.java",
                    "exercises/src/main/java/org/nnlab/exercises/*Parts.java", float32_rules.TARGET):
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
