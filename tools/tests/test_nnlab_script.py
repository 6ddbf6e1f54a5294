"""Tests of the ./nnlab entry script: MNIST verification, idempotent setup, usage errors."""
import json
import re
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import unittest
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
NNLAB = ROOT / "nnlab"
FILES = {"train-images-idx3-ubyte": 47040016, "train-labels-idx1-ubyte": 60008,
         "t10k-images-idx3-ubyte": 7840016, "t10k-labels-idx1-ubyte": 10008}


def bash(script, **env):
    """Runs bash with ./nnlab's functions defined (sourced, so no command runs)."""
    return subprocess.run(["bash", "-c", f'source "{NNLAB}"; {script}'], capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=120)


class MnistCheckTest(unittest.TestCase):
    def setUp(self):
        self.dir = pathlib.Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.dir)

    def check(self):
        return bash(f'mnist_check "{self.dir}"')

    def test_missing_files_are_named(self):
        r = self.check()
        self.assertEqual(1, r.returncode)
        for name in FILES:
            self.assertIn(f"missing: {self.dir}/{name}", r.stdout)

    def test_a_truncated_file_is_reported_with_both_sizes(self):
        (self.dir / "t10k-labels-idx1-ubyte").write_bytes(b"\0" * 100)
        r = self.check()
        self.assertEqual(1, r.returncode)
        self.assertIn("t10k-labels-idx1-ubyte has 100 bytes, expected 10008 (truncated or corrupt)", r.stdout)

    def test_a_corrupt_file_of_the_right_size_fails_the_checksum(self):
        (self.dir / "t10k-labels-idx1-ubyte").write_bytes(b"\0" * 10008)
        r = self.check()
        self.assertIn("wrong sha256: " + str(self.dir / "t10k-labels-idx1-ubyte"), r.stdout)

    @unittest.skipUnless((ROOT / "data/mnist/t10k-labels-idx1-ubyte").exists(), "MNIST not fetched yet")
    def test_the_real_files_pass(self):
        for name in FILES:
            os.symlink(ROOT / "data/mnist" / name, self.dir / name)
        r = self.check()
        self.assertEqual(0, r.returncode, r.stdout)
        self.assertEqual("", r.stdout)


class CommandLineTest(unittest.TestCase):
    def test_help_lists_the_commands(self):
        r = subprocess.run([str(NNLAB), "--help"], capture_output=True, text=True)
        self.assertEqual(0, r.returncode)
        for word in ("setup", "lab", "test", "NNLAB_DATA"):
            self.assertIn(word, r.stdout)

    def test_an_unknown_command_is_an_error_with_the_usage(self):
        r = subprocess.run([str(NNLAB), "trian"], capture_output=True, text=True)
        self.assertEqual(2, r.returncode)
        self.assertIn("unknown command 'trian'", r.stderr)
        self.assertIn("Usage:", r.stderr)

    def test_generate_names_what_it_takes_before_any_setup(self):
        r = subprocess.run([str(NNLAB), "generate", "--bogus"], capture_output=True, text=True, timeout=60)
        self.assertNotEqual(0, r.returncode)
        self.assertIn("'generate' takes --check or --execute [--full] [NN ...] (got: --bogus)", r.stderr)
        r = subprocess.run([str(NNLAB), "generate", "--execute", "--full", "99"], capture_output=True, text=True,
                           timeout=60)
        self.assertNotEqual(0, r.returncode)
        self.assertIn("no solution notebook starts with '99' (expected a number such as 07", r.stderr)
        self.assertNotIn("==>", r.stdout, "it failed before setting anything up")

    def test_bench_without_a_model_fails_at_once_with_an_example(self):
        r = subprocess.run([str(NNLAB), "bench", "rnn"], capture_output=True, text=True, timeout=60)
        self.assertNotEqual(0, r.returncode)
        self.assertIn("'bench' expects mlp, cnn, compare or steps, but got 'rnn'", r.stderr)
        self.assertIn("./nnlab bench mlp", r.stderr)

    def test_bench_runs_the_bench_modules_command_line_and_compare_checks_before(self):
        subprocess.run([str(NNLAB), "setup"], capture_output=True, text=True, check=True, timeout=1800)
        r = subprocess.run([str(NNLAB), "bench", "mlp", "--help"], capture_output=True, text=True, timeout=300)
        self.assertEqual(0, r.returncode, r.stderr)
        self.assertIn("Usage: ./nnlab bench", r.stdout)
        self.assertIn("--train-limit=N", r.stdout)
        r = subprocess.run([str(NNLAB), "bench", "mlp", "--epochs", "five"], capture_output=True, text=True, timeout=300)
        self.assertEqual(2, r.returncode, r.stderr)
        self.assertIn("bench: Invalid value for option '--epochs': expected a whole number, got 'five'", r.stderr)
        r = subprocess.run([str(NNLAB), "bench", "compare", "--before", "no-such-revision", "--cnn-train-limit", "0"],
                           capture_output=True, text=True, timeout=300)
        self.assertNotEqual(0, r.returncode)
        self.assertIn("--before expects a git revision", r.stderr)

    def test_bench_trains_with_javacpps_resident_memory_check_off(self):
        subprocess.run([str(NNLAB), "setup"], capture_output=True, text=True, check=True, timeout=1800)
        r = subprocess.run([str(NNLAB), "bench", "mlp", "--epochs", "1", "--train-limit", "512", "--test-limit", "256"],
                           capture_output=True, text=True, timeout=600)
        self.assertEqual(0, r.returncode, r.stderr)
        self.assertRegex(r.stdout, r"environment: .*, JavaCPP maxPhysicalBytes 0\n")

    def test_a_second_setup_does_nothing_and_says_so(self):
        subprocess.run([str(NNLAB), "setup"], capture_output=True, text=True, check=True, timeout=1800)
        r = subprocess.run([str(NNLAB), "setup"], capture_output=True, text=True, timeout=600)
        self.assertEqual(0, r.returncode, r.stderr)
        self.assertIn("Nothing to do", r.stdout)
        self.assertNotIn("Fetching", r.stdout)
        self.assertNotIn("Building", r.stdout)
        # the grader's sandbox is checked too: found and working, or how to install it
        self.assertRegex(r.stdout + r.stderr, r"bubblewrap [0-9.]+: ./nnlab grade runs each submission in its sandbox"
                         r"|bubblewrap is not installed.*apt-get install bubblewrap|bubblewrap is installed but cannot")


class LabTest(unittest.TestCase):
    """./nnlab lab, the README's first command: JupyterLab on one folder with an index, the student notebooks
    and the worked solutions, with only our kernel; opening (and saving) a solution changes no student
    notebook and no tracked solution notebook."""

    def test_lab_serves_the_index_notebooks_and_solutions_with_the_java_nnlab_kernel(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        tracked = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "solutions" / "notebooks").glob("*.ipynb"))
        before = {p: p.read_bytes() for p in tracked}
        log = tempfile.TemporaryFile()
        proc = subprocess.Popen([str(NNLAB), "lab", "--no-browser", f"--port={port}", "--ServerApp.token=nnlabtest",
                                 "--ServerApp.port_retries=0"], stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
        base = f"http://127.0.0.1:{port}"

        def api(path, method="GET", body=None):
            request = urllib.request.Request(f"{base}/api/{path}?token=nnlabtest", method=method,
                                             data=None if body is None else json.dumps(body).encode())
            with urllib.request.urlopen(request, timeout=30) as r:
                text = r.read()
                return json.loads(text) if text else None

        try:
            specs = contents = None
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline and specs is None:
                self.assertIsNone(proc.poll(), "jupyter lab exited early")
                try:
                    specs = api("kernelspecs")
                    contents = api("contents")
                except OSError:
                    time.sleep(1)
            self.assertIsNotNone(specs, "JupyterLab did not answer within 300 s")
            self.assertEqual("java-nnlab", specs["default"])
            self.assertEqual({"java-nnlab": "Java (nnlab)"},
                             {k: v["spec"]["display_name"] for k, v in specs["kernelspecs"].items()})
            self.assertEqual({"START-HERE.ipynb", "notebooks", "solutions"}, {c["name"] for c in contents["content"]})
            with urllib.request.urlopen(f"{base}/?token=nnlabtest", timeout=10) as r:
                self.assertIn("/lab/tree/START-HERE.ipynb", r.url, "the browser opens on the index")
            # every link of the index opens: each student notebook and each worked solution
            index = "".join(api("contents/START-HERE.ipynb")["content"]["cells"][0]["source"])
            links = re.findall(r"\]\(([^)]+\.ipynb)\)", index)
            names = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
            self.assertEqual(sorted([f"notebooks/{n}" for n in names] + [f"solutions/{n}" for n in names]), sorted(links))
            for link in links:
                model = api(f"contents/{link}")
                self.assertEqual("notebook", model["type"], link)
            solution = api("contents/solutions/01-rectangle.ipynb")["content"]
            self.assertTrue(any(c.get("outputs") for c in solution["cells"]), "the solutions are the executed ones")
            # a self-learner opens a solution, its kernel starts, and the notebook is saved changed
            session = api("sessions", "POST", {"path": "solutions/01-rectangle.ipynb", "type": "notebook",
                                               "name": "01-rectangle.ipynb", "kernel": {"name": "java-nnlab"}})
            solution["cells"][0]["source"] = "changed by a self-learner"
            api("contents/solutions/01-rectangle.ipynb", "PUT", {"type": "notebook", "format": "json",
                                                                  "content": solution})
            api(f"sessions/{session['id']}", "DELETE")
            changed = [str(p.relative_to(ROOT)) for p in tracked if p.read_bytes() != before[p]]
            self.assertEqual([], changed, "opening and saving a solution changed tracked notebooks")
            self.assertIn("changed by a self-learner",
                          (ROOT / "build" / "lab" / "solutions" / "01-rectangle.ipynb").read_text(encoding="utf-8"))
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=60)
            log.close()
            copy = ROOT / "build" / "lab" / "solutions" / "01-rectangle.ipynb"
            copy.unlink(missing_ok=True)  # the next ./nnlab lab copies the solution afresh


if __name__ == "__main__":
    unittest.main()
