"""The live learning view (org.nnlab.notebook.LiveTraining) as a notebook user meets it.

KernelLiveTrainingTest: through the Jupyter protocol (jupyter_client, the installed "Java (nnlab)" kernel), a
training with the view sends its picture once (display_data with a display_id) and then redraws it in place
(update_display_data with the same display_id) while fit runs, at most about every `seconds`; the last
update is the replay (Plotly's figure with frames and a slider, the static final frame as an image). It
also prints, for the record (no timed assertion), the fit time with and without the view.

The browser tests (JupyterLab in headless Chromium, fresh HOME, offline) are in LiveTrainingBrowserTest:
the drawing changes during training, and the replay's slider works in the saved notebook opened with no
kernel.
"""
import json
import os
import pathlib
import sys
import time
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from test_kernel import KernelTestCase  # noqa: E402  (one kernel per test class, started the same way)

KERNEL = os.environ.get("NNLAB_KERNEL", "java-nnlab")
PLOTLY = "application/vnd.plotly.v1+json"

SETUP = (
    "var data = Datasets.moons(200, 0.1, 1);\n"
    "Sequential net() {\n"
    "    return Sequential.of(new Linear(2, 8), new Tanh(), new Linear(8, 8), new Tanh(), new Linear(8, 1), new Sigmoid());\n"
    "}\n"
    "Trainer trainer(Sequential model) {\n"
    "    return new Trainer(model, new BinaryCrossEntropy(), new Adam(model.parameters(), 0.02)).seed(1).quiet();\n"
    "}")


class KernelLiveTrainingTest(KernelTestCase):
    def execute(self, code, timeout=300):
        """Runs code; returns (status, the iopub messages of the request, stdout)."""
        msg_id = self.kc.execute(code)
        messages, out, deadline = [], [], time.monotonic() + timeout
        while True:
            msg = self.kc.get_iopub_msg(timeout=max(1, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            messages.append(msg)
            if msg["msg_type"] == "stream" and msg["content"]["name"] == "stdout":
                out.append(msg["content"]["text"])
            if msg["msg_type"] == "error":
                self.fail(f"the cell failed: {msg['content']['ename']}: {msg['content']['evalue']}")
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        while True:
            reply = self.kc.get_shell_msg(timeout=timeout)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply["content"]["status"], messages, "".join(out)

    def test_fit_redraws_the_view_in_place_and_ends_with_the_replay(self):
        status, _, _ = self.execute(SETUP)
        self.assertEqual("ok", status)
        status, messages, out = self.execute(
            "var live = new LiveTraining(data, 0.2, 30);\n"
            "long t0 = System.nanoTime();\n"
            "trainer(net()).addCallback(live).fit(data, 150, 20);\n"
            "System.out.println(\"updates=\" + live.updates() + \" seconds=\" + (System.nanoTime() - t0) / 1e9);")
        self.assertEqual("ok", status)
        shown = [m for m in messages if m["msg_type"] == "display_data"
                 and "nnlab-live" in m["content"]["data"].get("text/html", "")]
        self.assertEqual(1, len(shown), "the view shows one output area")
        display_id = shown[0]["content"]["transient"]["display_id"]
        updates = [m for m in messages if m["msg_type"] == "update_display_data"
                   and m["content"]["transient"]["display_id"] == display_id]
        reported = int(out.split("updates=")[1].split()[0])
        seconds = float(out.split("seconds=")[1].split()[0])
        print(f"\nLiveTraining: {len(updates)} update_display_data in {seconds:.1f} s of fit (1500 steps)")
        self.assertEqual(reported, len(updates), "every redraw the view counted reached the notebook")
        self.assertGreaterEqual(len(updates), 2, "redrawn during fit, then the replay")
        self.assertLess(len(updates), 1500 / 4, "bounded by time, never one redraw per batch")
        live = [u["content"]["data"] for u in updates[:-1]]
        self.assertTrue(all('<img class="nnlab-static"' in d["text/html"] for d in live))
        self.assertTrue(all(d["text/plain"].startswith("training: epoch ") for d in live), live[0]["text/plain"])
        final = updates[-1]["content"]["data"]
        self.assertIn(PLOTLY, final)
        figure = final[PLOTLY]
        figure = json.loads(figure) if isinstance(figure, str) else figure
        self.assertEqual(31, len(figure["frames"]), "the start and 30 frames over 1500 steps")
        print(f"LiveTraining: the replay's Plotly JSON is {len(json.dumps(figure)) / 1000:.0f} KB for 31 frames")
        self.assertEqual(31, len(figure["layout"]["sliders"][0]["steps"]))
        self.assertIn('<img class="nnlab-static"', final["text/html"])
        self.assertTrue(final["image/svg+xml"].startswith("<svg"))

    def test_fit_time_with_and_without_the_view(self):
        """Not an assertion on time: the figures go to the test's output (and docs/figures.md)."""
        status, _, _ = self.execute(SETUP)
        self.assertEqual("ok", status)
        status, _, out = self.execute(
            "trainer(net()).fit(data, 50, 20);   // warm-up\n"
            "double[] plain = new double[2], watched = new double[2];\n"
            "for (int r = 0; r < 2; r++) {\n"
            "    long t = System.nanoTime();\n"
            "    trainer(net()).fit(data, 150, 20);\n"
            "    plain[r] = (System.nanoTime() - t) / 1e9;\n"
            "    t = System.nanoTime();\n"
            "    trainer(net()).addCallback(new LiveTraining(data)).fit(data, 150, 20);\n"
            "    watched[r] = (System.nanoTime() - t) / 1e9;\n"
            "}\n"
            "System.out.println(\"plain=\" + Arrays.toString(plain) + \" watched=\" + Arrays.toString(watched));")
        self.assertEqual("ok", status)
        print(f"\nLiveTraining cost, 1500 steps of a 2-8-8-1 net on 200 moons (2 runs, seconds): {out.strip()}")
        self.assertIn("watched=", out)


import shutil  # noqa: E402
import tempfile  # noqa: E402

from test_figures import needs_browser  # noqa: E402
from test_figures_live import Server, browser_harness, driver_config, fresh_home, run_driver  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tools" / "tests" / "notebooks" / "live-training.ipynb"
DRIVER = ROOT / "tools" / "tests" / "live_training.js"
OUT = ROOT / "build" / "live-training"
TIMEOUT = 420  # seconds per browser run, all included


class LiveServer(Server):
    """JupyterLab as students start it (./nnlab lab) on a fresh copy of the fixture (mode "live"), or, for
    mode "stored", on the notebook saved by the live run, with a fresh HOME and no kernel allowed to start
    (KernelSpecManager.allowed_kernelspecs names none that exists): the notebook is read, not run."""

    token_prefix = "nnlab-livetrain-"

    def __init__(self, mode, work, notebook):  # noqa: super().__init__ is replaced: another folder and command
        # (the saved notebook keeps the fixture's name: work/live/live-training.ipynb)
        self.prepare(mode, work, [notebook], OUT / f"{mode}-server.log")
        workspaces = work / ("workspaces-" + mode)
        if mode == "live":
            env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER_")}
            cmd = [str(ROOT / "nnlab"), "lab", f"--ServerApp.token={self.token}", "--no-browser", f"--port={self.port}",
                   "--ip=127.0.0.1", f"--notebook-dir={self.dir}", f"--LabApp.workspaces_dir={workspaces}",
                   "--LabApp.expose_app_in_browser=True"]
        else:
            env = fresh_home(work / "home-stored")
            cmd = self.lab_command(workspaces, "--KernelSpecManager.allowed_kernelspecs=nnlab-no-kernel")
        self.start(cmd, env)


def drive(server, playwright, work, mode):
    server.wait_up(90)
    config = driver_config(server, playwright, work, mode=mode, notebook=FIXTURE.name,
                           screenshot=str(OUT / f"{mode}.png"), timeout=TIMEOUT - 30)
    return run_driver(DRIVER, config, TIMEOUT, OUT / f"{mode}-driver.log")


@needs_browser
class LiveTrainingBrowserTest(unittest.TestCase):
    """In JupyterLab (headless Chromium, offline): the drawing changes while the training runs; the replay's
    slider works live, and in the saved notebook opened with no kernel."""

    @classmethod
    def setUpClass(cls):
        playwright = browser_harness(OUT)
        work = pathlib.Path(tempfile.mkdtemp(prefix="nnlab-livetrain-"))
        cls.results = {}
        try:
            server = LiveServer("live", work, FIXTURE)
            try:
                cls.results["live"] = drive(server, playwright, work, "live")
            finally:
                server.stop()
            saved = work / "live" / FIXTURE.name
            shutil.copy(saved, OUT / "saved.ipynb")
            server = LiveServer("stored", work, saved)
            try:
                cls.results["stored"] = drive(server, playwright, work, "stored")
            finally:
                server.stop()
        except Exception as e:  # noqa: BLE001 - reported by the tests that read it
            cls.results.setdefault("error", f"{type(e).__name__}: {e}")
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def result(self, mode):
        if mode not in self.results:
            self.fail(self.results.get("error", f"no {mode} result"))
        r = self.results[mode]
        self.assertEqual([], r["blocked"], f"{mode}: requests that tried to leave 127.0.0.1")
        self.assertFalse([e for e in r["errors"] if "plotly" in e.lower()], f"{mode}: page errors {r['errors']}")
        return r

    def check_slider(self, mode, replay):
        before, after = replay["before"], replay["after"]
        self.assertEqual(31, before["frames"], f"{mode}: the replay's frames (start + 30) {before}")
        self.assertEqual(31, before["sliderSteps"], f"{mode}: {before}")
        self.assertIn("step 2000", before["caption"], f"{mode}: the replay opens on the last frame")
        self.assertIn(", start", after["caption"], f"{mode}: the slider moved to the start")
        self.assertIsNotNone(before["heatmap"], f"{mode}: the decision surface is drawn")
        self.assertNotEqual(before["heatmap"], after["heatmap"], f"{mode}: the surface changed with the slider")
        self.assertGreater(before["size"][0], 600, f"{mode}: the replay is shown {before}")
        self.assertGreater(before["size"][1], 400, f"{mode}: the replay is shown {before}")

    def test_the_drawing_changes_while_training(self):
        r = self.result("live")
        self.assertGreaterEqual(r["livePictures"], 3, f"different live pictures seen during fit: {r}")

    def test_the_replay_slider_works_after_training(self):
        self.check_slider("live", self.result("live")["replay"])

    def test_the_replay_works_in_the_saved_notebook_with_no_kernel(self):
        r = self.result("stored")
        self.assertEqual([], r["kernels"], "no kernel ran")
        self.check_slider("stored", r["replay"])


if __name__ == "__main__":
    unittest.main()
