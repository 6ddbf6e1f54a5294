"""Explain.forward's LaTeX renders in JupyterLab: the stored 01 solution (the slides' hand computation,
written by Explain.forward) opened as a reader opens it (not run, untrusted, fresh HOME, offline) shows
its text/latex output typeset by JupyterLab's own MathJax, with no MathJax error and no raw TeX left.

Uses the browser harness of test_figures_live.py (headless Chromium, playwright-core from npm into
build/node). Screenshots go to build/explain-latex/. Skipped with a message without Chromium or node,
except when CI=true, where it must run.
"""
import json
import pathlib
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from test_figures import needs_browser  # noqa: E402
from test_figures_live import KERNEL, Server, browser_harness, driver_config, fresh_home, run_driver  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "solutions" / "notebooks" / "01-rectangle.ipynb"
DRIVER = ROOT / "tools" / "tests" / "explain_latex.js"
OUT = ROOT / "build" / "explain-latex"
TIMEOUT = 240


class StoredNotebookServer(Server):
    """JupyterLab on a fresh copy of one solution notebook, with a fresh HOME (nothing trusted)."""

    token_prefix = "nnlab-latex-"

    def __init__(self, work):  # noqa: super().__init__ is replaced: another folder and command
        self.prepare("lab", work, [NOTEBOOK], OUT / "server.log")
        self.start(self.lab_command(work / "workspaces", f"--MappingKernelManager.default_kernel_name={KERNEL}"),
                   fresh_home(work / "home"))


@needs_browser
class ExplainLatexInJupyterLabTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        playwright = browser_harness(OUT)
        work = pathlib.Path(tempfile.mkdtemp(prefix="nnlab-latex-"))
        server = StoredNotebookServer(work)
        try:
            server.wait_up(90)
            config = driver_config(server, playwright, work, notebook=NOTEBOOK.name, shots=str(OUT),
                                   timeout=TIMEOUT - 20)
            cls.result = run_driver(DRIVER, config, TIMEOUT, OUT / "driver.log")
            (OUT / "result.json").write_text(json.dumps(cls.result, indent=1))
        finally:
            server.stop()
            shutil.rmtree(work, ignore_errors=True)

    def test_the_slides_arithmetic_is_typeset_by_mathjax(self):
        outputs = self.result["outputs"]
        self.assertEqual(1, len(outputs), f"01 holds one text/latex output (Explain.forward's): {outputs}")
        latex = outputs[0]
        self.assertGreaterEqual(latex["containers"], 1, f"MathJax typeset nothing: {latex}")
        self.assertEqual(0, latex["errors"], f"MathJax reported errors: {latex}")
        self.assertFalse(latex["rawTex"], f"raw TeX left as text: {latex}")
        self.assertGreater(latex["size"][1], 200, f"the 13 lines should be tall: {latex}")
        if latex["numbers"] is not None:  # MathJax's assistive MathML, when on: the slide's numbers
            for number in ("3.8", "4.1", "4.4", "0.012", "7.8", "0.5", "1.8", "2.1", "0.89"):
                self.assertIn(number, latex["numbers"])

    def test_opened_untrusted_and_offline(self):
        self.assertFalse(self.result["trusted"])
        self.assertEqual([], self.result["blocked"])


if __name__ == "__main__":
    unittest.main()
