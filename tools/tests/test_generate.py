"""Tests of the generator (tools/generate.py), and the drift test: the committed student notebooks and
starter code must be exactly what the generator writes from solutions/.

Run by ./nnlab test (python -m unittest discover -s tools/tests); needs only the standard library.
"""
import contextlib
import io
import json
import pathlib
import sys
import tempfile
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
import float32_rules  # noqa: E402
import generate  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent


def code(text, exercise=None, points=2, outputs=()):
    cell = {"cell_type": "code", "execution_count": 3, "id": "x", "metadata": {}, "outputs": list(outputs),
            "source": text}
    if exercise:
        cell["metadata"]["nnlab"] = {"exercise": exercise, "points": points}
    return cell


def notebook(*cells, contract="DemoExercises"):
    return {"cells": list(cells), "metadata": {"nnlab": {"contract": contract}}, "nbformat": 4, "nbformat_minor": 5}


SOLVED = """public double twice(double x) {
    // Hint: multiply
    // BEGIN SOLUTION
    return 2 * x;
    // END SOLUTION
}
"""


class DriftTest(unittest.TestCase):
    """The repository's generated files are up to date."""

    def test_regenerating_changes_nothing(self):
        files, changed, orphans = generate.stale(ROOT)
        self.assertTrue(files, "no generated files: is solutions/notebooks/ empty?")
        self.assertEqual([], changed, "generated files differ from their sources: run ./nnlab generate and commit")
        self.assertEqual([], orphans, "generated files whose source is gone: run ./nnlab generate")

    def test_check_mode_exits_0_in_the_repository(self):
        with contextlib.redirect_stdout(io.StringIO()) as out:
            self.assertEqual(0, generate.main(["--check"]), out.getvalue())


class RegionTest(unittest.TestCase):
    """Solution regions and their stubs."""

    def test_a_region_becomes_a_stub_that_throws_with_the_exercise_id_at_the_marker_indent(self):
        self.assertEqual(
            "public double twice(double x) {\n"
            "    // Hint: multiply\n"
            "    // your code here\n"
            '    throw new UnsupportedOperationException("Exercise 1.2: not implemented yet");\n'
            "}\n",
            generate.strip_regions(SOLVED, "1.2", "nb, cell 3"))

    def test_two_regions_in_one_cell_each_become_a_stub(self):
        text = SOLVED + SOLVED.replace("twice", "thrice")
        self.assertEqual(2, generate.strip_regions(text, "1.2", "w").count("not implemented yet"))

    def test_nested_markers_are_an_error_naming_file_cell_and_line(self):
        text = "a\n// BEGIN SOLUTION\nb\n  // BEGIN SOLUTION\nc\n// END SOLUTION\n"
        with self.assertRaises(generate.GenerateError) as e:
            generate.strip_regions(text, "1.2", "solutions/notebooks/01-x.ipynb, cell 4")
        self.assertEqual("solutions/notebooks/01-x.ipynb, cell 4, line 4: nested // BEGIN SOLUTION "
                         "(the region opened at line 2 is not closed yet)", str(e.exception))

    def test_an_unclosed_region_is_an_error_naming_the_line_it_opened(self):
        with self.assertRaises(generate.GenerateError) as e:
            generate.strip_regions("x\ny\n    // BEGIN SOLUTION\nz\n", "1.2", "f.ipynb, cell 2")
        self.assertEqual("f.ipynb, cell 2, line 3: // BEGIN SOLUTION is never closed by // END SOLUTION",
                         str(e.exception))

    def test_an_end_without_begin_is_an_error(self):
        with self.assertRaises(generate.GenerateError) as e:
            generate.strip_regions("x\n// END SOLUTION\n", "1.2", "f.ipynb, cell 2")
        self.assertIn("f.ipynb, cell 2, line 2: // END SOLUTION without a // BEGIN SOLUTION", str(e.exception))

    def test_a_marker_must_stand_alone_on_its_line(self):
        with self.assertRaises(generate.GenerateError) as e:
            generate.strip_regions("return 1; // BEGIN SOLUTION\n", "1.2", "f.ipynb, cell 0")
        self.assertIn("line 1: a solution marker must stand alone", str(e.exception))


class StudentNotebookTest(unittest.TestCase):
    """The student copy of a solution notebook."""

    def student(self, nb, rel="solutions/notebooks/01-demo.ipynb"):
        return generate.student_notebook(nb, rel)

    def test_outputs_and_counts_are_cleared_and_exercise_metadata_kept(self):
        out = {"output_type": "stream", "name": "stdout", "text": "6\n"}
        nb = notebook({"cell_type": "markdown", "id": "m", "metadata": {}, "source": "# Title"},
                      code(SOLVED, "1.1", outputs=[out]), code("twice(3)", outputs=[out]))
        student, exercises = self.student(nb)
        ex, demo = student["cells"][1], student["cells"][2]
        self.assertEqual(([], None), (ex["outputs"], ex["execution_count"]))
        self.assertEqual(([], None), (demo["outputs"], demo["execution_count"]))
        self.assertEqual({"exercise": "1.1", "points": 2}, ex["metadata"]["nnlab"])
        self.assertIn('throw new UnsupportedOperationException("Exercise 1.1: not implemented yet");',
                      "".join(ex["source"]))
        self.assertNotIn("2 * x", "".join(ex["source"]))
        self.assertEqual([("1.1", SOLVED, "".join(ex["source"]))], exercises)
        self.assertEqual(["# Title"], student["cells"][0]["source"])
        # the source notebook is not modified
        self.assertEqual([out], nb["cells"][1]["outputs"])

    def test_the_copy_says_where_it_comes_from_and_not_to_edit_it(self):
        student, _ = self.student(notebook(code(SOLVED, "1.1")))
        meta = student["metadata"]["nnlab"]
        self.assertEqual("solutions/notebooks/01-demo.ipynb", meta["generated_from"])
        self.assertIn("do not edit", meta["note"])

    def test_markers_outside_exercise_cells_are_an_error(self):
        with self.assertRaises(generate.GenerateError) as e:
            self.student(notebook(code("int a;"), code(SOLVED)))
        self.assertIn("solutions/notebooks/01-demo.ipynb, cell 1: solution markers are only allowed in exercise cells",
                      str(e.exception))

    def test_an_exercise_cell_needs_a_region_points_and_an_id_of_its_notebook(self):
        cases = [
            (code("public int f() { return 1; }", "1.1"), "has no // BEGIN SOLUTION"),
            (code(SOLVED, "1.1", points=0), "needs its points"),
            (code(SOLVED, "2.1"), "exercise 2.1 is in notebook 01"),
            (code(SOLVED, "one"), 'must look like "1.2"'),
        ]
        for cell, message in cases:
            with self.subTest(message), self.assertRaises(generate.GenerateError) as e:
                self.student(notebook(cell))
            self.assertIn(message, str(e.exception))

    def test_an_exercise_id_on_two_cells_is_an_error(self):
        with self.assertRaises(generate.GenerateError) as e:
            self.student(notebook(code(SOLVED, "1.1"), code(SOLVED, "1.1")))
        self.assertIn("cell 1: exercise 1.1 is marked on two cells", str(e.exception))


class GenerateFolderTest(unittest.TestCase):
    """The whole generator on a small project in a temporary folder."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = pathlib.Path(self.tmp.name)
        (self.root / "solutions" / "notebooks").mkdir(parents=True)
        (self.root / "tools" / "kernel").mkdir(parents=True)
        (self.root / "tools" / "kernel" / "startup.jshell").write_text(
            "// imports\nimport static org.dflib.jjava.kernel.JavaNotebookStatics.*;\nimport java.util.*;\n")
        self.source = self.root / "solutions" / "notebooks" / "01-demo.ipynb"
        self.source.write_text(json.dumps(notebook(code(SOLVED, "1.1"), code("twice(2)"))))
        self.contract = self.root / "exercises/src/main/java/org/nnlab/exercises/DemoExercises.java"
        self.contract.parent.mkdir(parents=True)
        self.contract.write_text(CONTRACT)
        optim = self.root / float32_rules.OPTIM
        optim.mkdir(parents=True)
        for rule in float32_rules.RULES:   # the optimisers whose float32 rules are generated too
            (optim / f"{rule}.java").write_text((generate.ROOT / float32_rules.OPTIM / f"{rule}.java").read_text())

    def tearDown(self):
        self.tmp.cleanup()

    def run_main(self, *args):
        with contextlib.redirect_stdout(io.StringIO()) as out, contextlib.redirect_stderr(io.StringIO()) as err:
            exit_code = generate.main(list(args), root=self.root)
        return exit_code, out.getvalue() + err.getvalue()

    def test_writes_the_notebook_the_reference_and_the_starter_then_nothing(self):
        code, out = self.run_main()
        self.assertEqual(0, code, out)
        solution = (self.root / "solutions/src/main/java/org/nnlab/solutions/DemoSolution.java").read_text()
        starter = (self.root / "exercises/src/main/java/org/nnlab/exercises/starter/DemoStarter.java").read_text()
        self.assertTrue(solution.startswith("// Generated from solutions/notebooks/01-demo.ipynb by tools/generate.py"))
        self.assertIn("do not edit", solution.splitlines()[0])
        self.assertIn("import java.util.*;", solution)
        self.assertNotIn("org.dflib.jjava", solution, "JJava's notebook functions exist only in the kernel")
        self.assertIn("public class DemoSolution implements DemoExercises {", solution)
        self.assertIn("        return 2 * x;", solution)
        self.assertIn("public class DemoStarter implements DemoExercises {", starter)
        self.assertIn('        throw new UnsupportedOperationException("Exercise 1.1: not implemented yet");', starter)
        self.assertNotIn("twice(2)", solution)  # only exercise cells become class members
        self.assertTrue((self.root / "notebooks" / "01-demo.ipynb").exists())
        self.assertEqual((0, "generate: all 5 generated files are up to date\n"), self.run_main("--check"))
        self.assertIn("0 written", self.run_main()[1])

    def test_check_mode_reports_a_hand_edited_file_and_changes_nothing(self):
        self.run_main()
        student = self.root / "notebooks" / "01-demo.ipynb"
        student.write_text(student.read_text().replace("twice(2)", "twice(5)"))
        code, out = self.run_main("--check")
        self.assertEqual(1, code)
        self.assertIn("out of date: notebooks/01-demo.ipynb", out)
        self.assertIn("twice(5)", student.read_text())

    def test_a_generated_file_whose_source_is_gone_is_reported_and_removed(self):
        self.run_main()
        self.source.unlink()
        code, out = self.run_main("--check")
        self.assertEqual(1, code)
        self.assertIn("no longer generated by any source: notebooks/01-demo.ipynb", out)
        self.run_main()
        self.assertFalse((self.root / "notebooks" / "01-demo.ipynb").exists())

    def test_an_error_in_a_source_exits_2_with_the_message_and_writes_nothing(self):
        self.source.write_text(json.dumps(notebook(code("// BEGIN SOLUTION\nint x;\n", "1.1"))))
        exit_code, out = self.run_main()
        self.assertEqual(2, exit_code)
        self.assertIn("generate: error: solutions/notebooks/01-demo.ipynb, cell 0, line 1: // BEGIN SOLUTION is never closed",
                      out)
        self.assertFalse((self.root / "notebooks").exists())

    def test_a_method_added_to_the_contract_makes_its_parts_adapter_out_of_date_until_regenerated(self):
        self.run_main()
        self.contract.write_text(CONTRACT[: CONTRACT.rindex("}")] + """
    /** Exercise 1.2: three times x. */
    double thrice(double x);
}
""")
        code, out = self.run_main("--check")
        self.assertEqual(1, code)
        self.assertIn("out of date: exercises/src/main/java/org/nnlab/exercises/DemoParts.java", out)
        self.run_main()
        parts = (self.root / "exercises/src/main/java/org/nnlab/exercises/DemoParts.java").read_text()
        self.assertIn('return given(thrice, "1.2").apply(x);', parts)

    def test_a_contract_that_is_missing_is_an_error_naming_it(self):
        self.contract.unlink()
        code, out = self.run_main()
        self.assertEqual(2, code)
        self.assertIn("names the contract DemoExercises, but exercises/src/main/java/org/nnlab/exercises/"
                      "DemoExercises.java does not exist", out)


CONTRACT = """package org.nnlab.exercises;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The demo contract; a {@code ;} in a comment and a "}" in a string do not end a member. */
public interface DemoExercises {

    /** Exercise 1.1: twice x. */
    double twice(double x);

    /**
     * Exercise 1.3: a list of arrays, in place.
     *
     * @param pairs e.g. {@code Map<String, int[]>}; nothing
     */
    void fill(List<INDArray> arrays, java.util.Map<String, int[]> pairs, double... values) throws java.io.IOException;

    /** The answer; a constant, no exercise. */
    int ANSWER = 42;

    /** Not an exercise: it has a body. */
    default String describe() {
        return "}";
    }

    /** A nested type is not an exercise either. */
    interface Nested {
        int value();
    }

    static DemoParts with() {
        return new DemoParts();
    }
}
"""


class PartsTest(unittest.TestCase):
    """The Parts adapter generated from a contract."""

    def test_one_function_setter_and_override_per_abstract_method_named_by_its_exercise(self):
        parts = generate.parts_class("DemoExercises", CONTRACT, "exercises/DemoExercises.java")
        self.assertTrue(parts.startswith("// Generated from exercises/DemoExercises.java by tools/generate.py"))
        self.assertIn("public final class DemoParts implements DemoExercises {", parts)
        self.assertIn("import java.util.List;\nimport java.util.Objects;\nimport org.nd4j", parts)
        self.assertIn("    public interface TwiceFn {\n        double apply(double x);\n    }", parts)
        self.assertIn("    public DemoParts twice(TwiceFn f) {", parts)
        self.assertIn('        return given(twice, "1.1").apply(x);', parts)
        self.assertIn("        void apply(List<INDArray> arrays, java.util.Map<String, int[]> pairs, double... values)"
                      " throws java.io.IOException;", parts)
        self.assertIn('        given(fill, "1.3").apply(arrays, pairs, values);', parts)
        for absent in ("describe", "ANSWER", "NestedFn", "int value()", "WithFn"):
            self.assertNotIn(absent, parts)
        self.assertIn('"Exercise " + exercise + ": not implemented yet"', parts)

    def test_a_method_without_its_exercise_id_is_an_error(self):
        with self.assertRaises(generate.GenerateError) as e:
            generate.parts_class("DemoExercises", CONTRACT.replace("Exercise 1.1: twice", "Twice"), "C.java")
        self.assertIn('C.java: the Javadoc of twice must start with "Exercise N.k:"', str(e.exception))

    def test_overloaded_methods_are_an_error(self):
        text = CONTRACT.replace("double twice(double x);", "double twice(double x);\n    /** Exercise 1.4: */\n"
                                "    double twice(int x);")
        with self.assertRaises(generate.GenerateError) as e:
            generate.parts_class("DemoExercises", text, "C.java")
        self.assertIn("overloaded methods (twice)", str(e.exception))


if __name__ == "__main__":
    unittest.main()
