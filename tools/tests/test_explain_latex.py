"""Explain.forward's LaTeX renders in JupyterLab: the stored 01 solution (the slides' hand computation,
written by Explain.forward) opened as a reader opens it (not run, untrusted, fresh HOME, offline) shows
its text/latex output typeset by JupyterLab's own MathJax, with no MathJax error and no raw TeX left.

Uses the browser harness of test_figures_live.py (headless Chromium, playwright-core from npm into
build/node). Screenshots go to build/explain-latex/. Skipped with a message without Chromium or node,
except when CI=true, where it must run.
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from test_figures import chromium  # noqa: E402
from test_figures_live import CI, KERNEL, Server, browser_harness, free_port  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "solutions" / "notebooks" / "01-rectangle.ipynb"
DRIVER = ROOT / "tools" / "tests" / "explain_latex.js"
OUT = ROOT / "build" / "explain-latex"
TIMEOUT = 240


class StoredNotebookServer(Server):
    """JupyterLab on a fresh copy of one solution notebook, with a fresh HOME (nothing trusted)."""

    def __init__(self, work):  # noqa: super().__init__ is replaced: another folder and command
        self.ui, self.port, self.token = "lab", free_port(), "nnlab-latex-" + os.urandom(8).hex()
        self.dir = work / "lab"
        self.dir.mkdir(parents=True)
        shutil.copy(NOTEBOOK, self.dir / NOTEBOOK.name)
        home = work / "home"
        home.mkdir()
        self.log_path = OUT / "server.log"
        env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER_")}
        env["HOME"] = str(home)
        root = ["--allow-root"] if os.geteuid() == 0 else []
        cmd = [str(ROOT / ".venv" / "bin" / "python"), "-m", "jupyterlab", "--no-browser", f"--port={self.port}",
               "--ip=127.0.0.1", f"--IdentityProvider.token={self.token}", f"--notebook-dir={self.dir}",
               f"--LabApp.workspaces_dir={work / 'workspaces'}", "--LabApp.expose_app_in_browser=True",
               "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
               f"--MappingKernelManager.default_kernel_name={KERNEL}", *root]
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(cmd, cwd=self.dir, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, start_new_session=True)


@unittest.skipUnless((chromium() and shutil.which("node")) or CI,
                     "headless Chromium or node is not installed (Debian: apt-get install chromium nodejs npm)")
class ExplainLatexInJupyterLabTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        playwright = browser_harness(OUT)
        work = pathlib.Path(tempfile.mkdtemp(prefix="nnlab-latex-"))
        server = StoredNotebookServer(work)
        try:
            server.wait_up(90)
            config = {"chromium": chromium(), "playwright": str(playwright), "base": server.base,
                      "token": server.token, "notebook": NOTEBOOK.name, "shots": str(OUT),
                      "profile": str(work / "profile"), "timeout": TIMEOUT - 20}
            done = subprocess.run(["node", str(DRIVER), json.dumps(config)], capture_output=True, text=True,
                                  timeout=TIMEOUT)
            (OUT / "driver.log").write_text(done.stderr)
            if done.returncode != 0:
                raise AssertionError(f"the browser driver failed ({done.returncode}):\n{done.stderr[-3000:]}")
            cls.result = json.loads(done.stdout.strip().splitlines()[-1])
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
