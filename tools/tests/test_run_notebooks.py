"""Tests of the headless notebook runner: it must fail notebooks that raise or write to stderr.

Run by ./nnlab test (python -m unittest discover -s tools/tests). The end-to-end cases start the
real "Java (nnlab)" kernel, so they also prove that the installed kernel runs Java and reports errors.
"""
import contextlib
import io
import os
import pathlib
import sys
import tempfile
import unittest

import nbformat

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
import run_notebooks  # noqa: E402

KERNEL = os.environ.get("NNLAB_KERNEL", "java-nnlab")


def notebook(*cells):
    nb = nbformat.v4.new_notebook()
    for source, tags in cells:
        cell = nbformat.v4.new_code_cell(source)
        if tags:
            cell.metadata["tags"] = tags
        nb.cells.append(cell)
    return nb


class ProblemsInTest(unittest.TestCase):
    """The judgement of an executed notebook, without a kernel."""

    def test_error_output_is_a_problem(self):
        nb = notebook(("x", None))
        nb.cells[0].outputs = [nbformat.v4.new_output("error", ename="CompilationException", evalue="bad", traceback=[])]
        self.assertEqual(["cell 0: CompilationException: bad"], run_notebooks.problems_in(nb))

    def test_stderr_is_a_problem(self):
        nb = notebook(("x", None))
        nb.cells[0].outputs = [nbformat.v4.new_output("stream", name="stderr", text="WARN something\n")]
        self.assertEqual(["cell 0 wrote to stderr: WARN something"], run_notebooks.problems_in(nb))

    def test_stdout_and_tagged_errors_are_fine(self):
        nb = notebook(("x", None), ("y", ["raises-exception"]))
        nb.cells[0].outputs = [nbformat.v4.new_output("stream", name="stdout", text="2\n")]
        nb.cells[1].outputs = [nbformat.v4.new_output("error", ename="E", evalue="on purpose", traceback=[])]
        self.assertEqual([], run_notebooks.problems_in(nb))


class StudentNotebookTest(unittest.TestCase):
    """A generated student notebook may stop at exercise stubs ("not implemented yet"), and at nothing else."""

    STUB = "java.lang.UnsupportedOperationException, Exercise 1.2: not implemented yet"

    def executed(self, evalue, student=True):
        nb = notebook(("sigmoid(0)", None))
        if student:
            nb.metadata["nnlab"] = {"generated_from": "solutions/notebooks/01-rectangle.ipynb"}
        nb.cells[0].outputs = [nbformat.v4.new_output("error", ename="RuntimeException", evalue=evalue, traceback=[])]
        return nb

    def test_a_stub_in_a_student_notebook_is_expected(self):
        nb = self.executed(self.STUB)
        self.assertEqual([], run_notebooks.problems_in(nb))
        self.assertEqual([0], run_notebooks.stub_errors(nb))

    def test_any_other_error_in_a_student_notebook_is_a_problem(self):
        nb = self.executed("java.lang.NullPointerException")
        self.assertEqual(["cell 0: RuntimeException: java.lang.NullPointerException"], run_notebooks.problems_in(nb))

    def test_a_stub_in_a_solution_notebook_is_a_problem(self):
        nb = self.executed(self.STUB, student=False)
        self.assertEqual([f"cell 0: RuntimeException: {self.STUB}"], run_notebooks.problems_in(nb))


class CommittedSolutionsTest(unittest.TestCase):
    """Saved solution notebooks carry their figures as data (Plotly's JSON and an SVG), no script."""

    def test_the_committed_solution_notebooks_hold_no_script_and_stay_small(self):
        for path in sorted((pathlib.Path(__file__).resolve().parents[2] / "solutions" / "notebooks").glob("*.ipynb")):
            with self.subTest(notebook=path.name):
                self.assertNotIn("<script", path.read_text(encoding="utf-8"))
                self.assertLess(path.stat().st_size, 2_000_000, "a solution notebook should stay small for git")



class ThroughTheKernelTest(unittest.TestCase):
    """Executes small notebooks through the installed kernel."""

    def run_notebook(self, nb):
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "t.ipynb"
            nbformat.write(nb, path)
            with contextlib.redirect_stdout(io.StringIO()) as out:
                code = run_notebooks.main(["--kernel", KERNEL, "--out", str(pathlib.Path(tmp) / "out"), str(path)])
            return code, out.getvalue()

    def test_a_clean_notebook_passes_and_tagged_errors_are_allowed(self):
        code, out = self.run_notebook(notebook(
            ("System.out.println(1 + 1);", None),
            ('throw new IllegalStateException("shown on purpose");', ["raises-exception"]),
        ))
        self.assertEqual(0, code, out)
        self.assertIn("notebooks: 1 passed, 0 failed", out)

    def test_an_exception_fails_the_notebook_and_names_the_cell(self):
        code, out = self.run_notebook(notebook(
            ("int x = 1;", None),
            ('throw new IllegalArgumentException("broken on purpose");', None),
        ))
        self.assertEqual(1, code, out)
        self.assertIn("cell 1:", out)
        self.assertIn("broken on purpose", out)
        self.assertIn("notebooks: 0 passed, 1 failed", out)

    def test_stderr_and_failed_asserts_fail_the_notebook(self):
        code, out = self.run_notebook(notebook(
            ('System.err.println("a warning");', None),
            ('assert 1 > 2 : "assertions are enabled (-ea)";', None),
        ))
        self.assertEqual(1, code, out)
        self.assertIn("cell 0 wrote to stderr: a warning", out)
        self.assertIn("assertions are enabled (-ea)", out)


class FullRunTest(unittest.TestCase):
    """A notebook with a full run (metadata nnlab.full_run): --full runs it with ENV=1 and stores it marked
    "full"; --save-outputs without --full runs it short and leaves the stored full run alone."""

    def full_run_notebook(self):
        nb = notebook(('String.valueOf(System.getenv("NNLAB_TEST_FULL_RUN"))', None))
        nb.metadata["nnlab"] = {"full_run": {"env": "NNLAB_TEST_FULL_RUN", "timeout": 900, "what": "a test"}}
        return nb

    def run_main(self, *args):
        with contextlib.redirect_stdout(io.StringIO()) as out:
            code = run_notebooks.main(["--kernel", KERNEL, *args])
        return code, out.getvalue()

    @staticmethod
    def shown(path):
        nb = nbformat.read(path, as_version=4)
        return "".join(nb.cells[0].outputs[0]["data"]["text/plain"]), nb.metadata["nnlab"].get("executed")

    def test_full_run_is_stored_and_kept(self):
        with tempfile.TemporaryDirectory() as tmp:
            path, out_dir = pathlib.Path(tmp) / "t.ipynb", str(pathlib.Path(tmp) / "out")
            nbformat.write(self.full_run_notebook(), path)
            self.assertFalse(run_notebooks.stored_full_run(path))
            code, out = self.run_main("--out", out_dir, "--save-outputs", "--full", str(path))
            self.assertEqual(0, code, out)
            self.assertIn("the full run (a test)", out)
            self.assertEqual(("1", "full"), self.shown(path))
            self.assertTrue(run_notebooks.stored_full_run(path))
            code, out = self.run_main("--out", out_dir, "--save-outputs", str(path))
            self.assertEqual(0, code, out)
            self.assertIn("holds its full run", out)
            self.assertEqual(("1", "full"), self.shown(path), "the short run must not replace the full run")
            short = pathlib.Path(out_dir) / "t.ipynb"
            if not short.exists():  # the executed copy sits under --out by its path relative to the repository
                short = next(pathlib.Path(out_dir).rglob("t.ipynb"))
            self.assertEqual(("null", "short"), self.shown(short))

    def test_a_notebook_without_a_full_run_is_saved_as_before(self):
        nb = notebook(("1 + 1", None))
        self.assertIsNone(run_notebooks.full_run_of(nb))
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "t.ipynb"
            nbformat.write(nb, path)
            code, out = self.run_main("--out", str(pathlib.Path(tmp) / "out"), "--save-outputs", "--full", str(path))
            self.assertEqual(0, code, out)
            self.assertIn("saved with outputs", out)
            self.assertNotIn("executed", nbformat.read(path, as_version=4).metadata.get("nnlab", {}))


if __name__ == "__main__":
    unittest.main()
