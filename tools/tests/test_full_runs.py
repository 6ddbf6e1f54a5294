"""The committed solution notebooks show the slides' results: a notebook whose default run is shortened
(metadata nnlab.full_run) is committed with the outputs of its full run, and 07's are the slides' MNIST
runs (MLP 20 epochs, CNN 12 epochs, all 60,000 training images) at the slides' accuracies.

No kernel: these read the committed files (the full run itself is `./nnlab generate --execute --full 07`).
"""
import os
import pathlib
import re
import sys
import unittest

import nbformat

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import run_notebooks  # noqa: E402

SOLUTIONS = ROOT / "solutions" / "notebooks"


def outputs_text(cell):
    """Everything a code cell printed or displayed, as text/plain."""
    parts = []
    for o in cell.get("outputs", []):
        if o.get("output_type") == "stream":
            parts.append("".join(o.get("text", "")))
        elif "data" in o:
            parts.append(str(o["data"].get("text/plain", "")))
    return "\n".join(parts)


def history_of(nb, variable):
    """(epochs, train images, test accuracy) printed by the cell that fits `variable`."""
    for cell in nb.cells:
        if cell.cell_type == "code" and re.search(rf"History {variable} = \w+\.fit\(", cell.source):
            text = outputs_text(cell)
            m = re.search(r"(\d+) epochs? on ([\d,]+) images in \d+ min \d+ s, test accuracy ([\d.]+)%", text)
            assert m, f"the cell that trains {variable} printed no summary line; it printed:\n{text[:1000]}"
            return int(m.group(1)), int(m.group(2).replace(",", "")), float(m.group(3)) / 100, text
    raise AssertionError(f"no cell trains {variable}")


class CommittedFullRunsTest(unittest.TestCase):

    def test_every_notebook_with_a_full_run_is_committed_with_it(self):
        marked = []
        for path in sorted(SOLUTIONS.glob("*.ipynb")):
            nb = nbformat.read(path, as_version=4)
            if run_notebooks.full_run_of(nb) is not None:
                marked.append(path.name)
                self.assertEqual("full", nb.metadata["nnlab"].get("executed"),
                                 f"{path.name} has a full run but its stored outputs are not it: "
                                 f"run ./nnlab generate --execute --full {path.name[:2]}")
        self.assertIn("07-mnist.ipynb", marked)

    def test_07_shows_the_slides_mlp_and_cnn_results(self):
        nb = nbformat.read(SOLUTIONS / "07-mnist.ipynb", as_version=4)
        flags = next(outputs_text(c) for c in nb.cells if c.cell_type == "code" and "boolean FULL_RUN" in c.source)
        self.assertIn("FULL_RUN = true", flags)
        epochs, images, accuracy, text = history_of(nb, "history")
        self.assertEqual((20, 60_000), (epochs, images), text)
        self.assertGreaterEqual(accuracy, 0.98, text)
        epochs, images, accuracy, text = history_of(nb, "cnnHistory")
        self.assertEqual((12, 60_000), (epochs, images), text)
        self.assertGreaterEqual(accuracy, 0.99, text)

    def test_07_says_how_long_and_on_what_machine(self):
        nb = nbformat.read(SOLUTIONS / "07-mnist.ipynb", as_version=4)
        for variable in ("history", "cnnHistory"):
            text = history_of(nb, variable)[3]
            self.assertRegex(text, r"in \d+ min \d+ s")
            self.assertRegex(text, r"on \d+ cores \(.+\), Java \d+[\w.+-]*, ND4J \w+ \((CPU|GPU)\)")

    def test_07_shows_the_companion_codes_data_points(self):
        nb = nbformat.read(SOLUTIONS / "07-mnist.ipynb", as_version=4)
        text = "\n".join(outputs_text(c) for c in nb.cells if c.cell_type == "code")
        self.assertIn("training point 27: label 3; training point 299: label 6", text)
        self.assertRegex(text, r"test point 17: label 7, predicted 7 with probability [01]\.\d{4}")
        self.assertRegex(text, r"test point 18: label 3, predicted 3 with probability [01]\.\d{4}")


class CompanionCodeDataPointsTest(unittest.TestCase):
    """The labels the notebook asserts, read straight from MNIST's files (setup fetches them)."""

    def labels(self, name):
        folder = pathlib.Path(os.environ.get("NNLAB_DATA", ROOT / "data")) / "mnist"
        path = folder / name
        if not path.is_file():
            self.skipTest(f"MNIST is not at {folder}: run ./nnlab setup (or set NNLAB_DATA)")
        return path.read_bytes()[8:]  # IDX1: magic, count, then one byte per label

    def test_training_points_27_and_299_are_a_3_and_a_6(self):
        train = self.labels("train-labels-idx1-ubyte")
        self.assertEqual((3, 6), (train[27], train[299]))

    def test_test_points_17_and_18_are_a_7_and_a_3(self):
        test = self.labels("t10k-labels-idx1-ubyte")
        self.assertEqual((7, 3), (test[17], test[18]))


class RunnerKeepsTheFullRunTest(unittest.TestCase):
    """--save-outputs without --full leaves a stored full run alone (no kernel needed to see the rule)."""

    def test_stored_full_run_is_recognised(self):
        self.assertTrue(run_notebooks.stored_full_run(SOLUTIONS / "07-mnist.ipynb"))
        self.assertFalse(run_notebooks.stored_full_run(SOLUTIONS / "01-rectangle.ipynb"))


if __name__ == "__main__":
    unittest.main()
