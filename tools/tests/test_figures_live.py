"""Live check that figures draw inside a running Jupyter, offline.

test_figures.py checks the `jupyter nbconvert --to html` export. This one checks the two live UIs:
  * JupyterLab, started as students start it: `./nnlab lab --no-browser --port P --ServerApp.token=T`
    (plus a temporary notebook folder, `--LabApp.expose_app_in_browser=True` so that the driver can
    say "run all cells", and a temporary workspaces folder so the user's layout is left alone);
  * the classic notebook: Debian's notebook 6 (`python3 -m notebook` of /usr/bin/python3), which is
    what `./nnlab lab` starts when setup fell back to Debian's packages (the fallback venv is
    /usr/bin/python3's with --system-site-packages, so it is the same server and page). It is started
    directly here because `./nnlab lab` picks the classic UI only when the venv has no JupyterLab.
    Skipped with a message when that python has no notebook < 7. (Notebook 7 is not in
    requirements.txt; it is built from JupyterLab's own output renderer, tested above.)

In each, headless Chromium (driven by playwright-core from npm, pinned below and installed on first
use into build/node/, git-ignored; its own browser download is not used: the system Chromium is)
opens tools/tests/notebooks/figures-live.ipynb, runs all cells through the "Java (nnlab)" kernel and
checks in the live DOM that JupyterLab's plotly renderer drew every chart (Plotly's .main-svg layers,
g.trace groups), that the classic notebook shows every chart's static image, and that every static
picture (digit grid, class templates, network drawing) is there, decoded, with a size.

StoredFiguresTest below opens every solution notebook as stored (executed, not run) on a fresh HOME,
so nothing is trusted, and counts every figure drawn, in both UIs. Every request that is not to the Jupyter server on 127.0.0.1 is
aborted, and the test asserts that none was even attempted (no CDN). Screenshots go to
build/figures-live/{lab,classic}.png. The two UIs run side by side to keep the time down.

Needs Chromium (Debian: apt-get install chromium) and node/npm; skipped with a message without them,
except when CI=true, where it must run.
"""
import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.request

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from test_figures import chromium, needs_browser  # noqa: E402  (one way to find the browser)

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "tools" / "tests" / "notebooks" / "figures-live.ipynb"
DRIVER = ROOT / "tools" / "tests" / "figures_live.js"
OUT = ROOT / "build" / "figures-live"
NODE_DIR = ROOT / "build" / "node"
PLAYWRIGHT = "playwright-core@1.65.1"
KERNEL = os.environ.get("NNLAB_KERNEL", "java-nnlab")
CI = os.environ.get("CI") == "true"
TIMEOUT = 150  # seconds per UI, all included; they take ~50-60 s each here
EXPECTED_FIGURES = 2   # Plotly: the loss curves, the contours with two descent paths
EXPECTED_PICTURES = 3  # static SVG: the digit grid with predictions, the class templates, the network
CLASSIC_PYTHON = "/usr/bin/python3"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def playwright_dir():
    """playwright-core, installed on first use into build/node (pinned); None when npm cannot."""
    target = NODE_DIR / "node_modules" / "playwright-core"
    wanted = PLAYWRIGHT.split("@")[1]
    package = target / "package.json"
    if package.is_file() and json.loads(package.read_text())["version"] == wanted:
        return target
    if not shutil.which("npm"):
        return None
    NODE_DIR.mkdir(parents=True, exist_ok=True)
    # PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: playwright-core downloads none anyway; the system Chromium is used
    done = subprocess.run(["npm", "install", "--prefix", str(NODE_DIR), "--no-audit", "--no-fund",
                           "--loglevel=error", "--no-save", PLAYWRIGHT],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1"})
    if done.returncode != 0 or not package.is_file():
        sys.stderr.write(done.stdout + done.stderr)
        return None
    return target


def browser_harness(out):
    """What a browser test needs before it starts: playwright-core (a skip, or in CI a failure, when npm
    cannot install it) and an empty output folder ``out``; returns playwright-core's folder."""
    playwright = playwright_dir()
    if playwright is None:
        message = f"npm could not install {PLAYWRIGHT} into {NODE_DIR}"
        if CI:
            raise AssertionError(message)
        raise unittest.SkipTest(message)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    return playwright


def drive_in_parallel(uis, make_server, drive_one, work):
    """Starts a server per UI (``make_server(ui)``), drives each from its own thread (``drive_one(server)``,
    which records its result), then stops them all and removes ``work``, also when one fails to start."""
    servers = []
    try:
        for ui in uis:
            servers.append(make_server(ui))
        threads = [threading.Thread(target=drive_one, args=(server,)) for server in servers]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


def classic_notebook_available():
    if not os.access(CLASSIC_PYTHON, os.X_OK):
        return False
    done = subprocess.run([CLASSIC_PYTHON, "-c", "import notebook, sys; "
                           "sys.exit(int(notebook.__version__.split('.')[0]) >= 7)"], capture_output=True)
    return done.returncode == 0


def as_root():
    """Jupyter refuses to run as root unless told."""
    return ["--allow-root"] if os.geteuid() == 0 else []


def fresh_home(home):
    """The environment of a server on a fresh HOME (made here): no trust database, so nothing is trusted,
    and no JUPYTER_* setting of the caller's."""
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER_")}
    env["HOME"] = str(home)
    return env


class Server:
    """A Jupyter server of ours on 127.0.0.1, in its own folder on fresh copies of the notebooks; stopped by
    its pid. This one serves figures-live.ipynb in JupyterLab started as students start it (./nnlab lab) or
    in the classic Notebook; subclasses start others with prepare, the commands below and start."""

    token_prefix = "nnlab-live-"

    def __init__(self, ui, work):
        self.prepare(ui, work, [NOTEBOOK], OUT / f"{ui}-server.log")
        env = dict(os.environ)
        if ui == "lab":
            cmd = [str(ROOT / "nnlab"), "lab", "--no-browser", f"--port={self.port}", "--ip=127.0.0.1",
                   f"--ServerApp.token={self.token}", f"--notebook-dir={self.dir}",
                   "--LabApp.expose_app_in_browser=True", f"--LabApp.workspaces_dir={work / 'workspaces'}"]
        else:
            cmd = self.classic_command(env)
        self.start(cmd, env)

    def prepare(self, ui, work, notebooks, log_path):
        """Its port, token, log and folder work/ui, with fresh copies of ``notebooks``."""
        self.ui, self.port, self.token = ui, free_port(), self.token_prefix + os.urandom(8).hex()
        self.dir = work / ui
        self.dir.mkdir(parents=True)
        for nb in notebooks:
            shutil.copy(nb, self.dir / nb.name)
        self.log_path = log_path

    def classic_command(self, env):
        """What ./nnlab lab runs in Debian's fallback: python -m notebook, the kernel named as default; the
        kernelspec lives in the venv, so ``env`` points Jupyter there."""
        env["JUPYTER_PATH"] = os.pathsep.join(
            p for p in (str(ROOT / ".venv" / "share" / "jupyter"), env.get("JUPYTER_PATH")) if p)
        return [CLASSIC_PYTHON, "-m", "notebook", "--no-browser", f"--port={self.port}", "--ip=127.0.0.1",
                f"--NotebookApp.token={self.token}", f"--notebook-dir={self.dir}",
                f"--MappingKernelManager.default_kernel_name={KERNEL}", *as_root()]

    def lab_command(self, workspaces, *options):
        """The venv's JupyterLab with nothing to fetch (no news, no update check), its app exposed to the driver."""
        return [str(ROOT / ".venv" / "bin" / "python"), "-m", "jupyterlab", "--no-browser", f"--port={self.port}",
                "--ip=127.0.0.1", f"--IdentityProvider.token={self.token}", f"--notebook-dir={self.dir}",
                f"--LabApp.workspaces_dir={workspaces}", "--LabApp.expose_app_in_browser=True",
                "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
                *options, *as_root()]

    def start(self, cmd, env):
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(cmd, cwd=self.dir, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, start_new_session=True)

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def wait_up(self, seconds):
        end = time.time() + seconds
        while time.time() < end:
            if self.proc.poll() is not None:
                raise AssertionError(f"the {self.ui} server exited ({self.proc.returncode}); see {self.log_path}")
            try:
                with urllib.request.urlopen(f"{self.base}/api/status?token={self.token}", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        raise AssertionError(f"the {self.ui} server did not answer within {seconds} s; see {self.log_path}")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()  # Jupyter shuts its kernels down on SIGTERM
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        try:  # a kernel left behind in the server's own session (started by us, ended by its group id)
            os.killpg(self.proc.pid, 9)
        except (ProcessLookupError, PermissionError):
            pass
        self.log.close()


def driver_config(server, playwright, work, **more):
    """What every browser driver (tools/tests/*.js, see browser_common.js) is told, and ``more``: the browser,
    playwright-core, the server, a fresh profile (user-data-dir) in ``work``."""
    return {"chromium": chromium(), "playwright": str(playwright), "base": server.base, "token": server.token,
            "profile": str(work / f"profile-{server.ui}"), **more}


def run_driver(driver, config, timeout, log_path):
    """Runs a browser driver (node DRIVER CONFIG_JSON), keeps its log in ``log_path`` and returns the JSON
    line it printed last; raises AssertionError with the end of its log when it failed."""
    done = subprocess.run(["node", str(driver), json.dumps(config)], capture_output=True, text=True, timeout=timeout)
    log_path.write_text(done.stderr)
    if done.returncode != 0:
        raise AssertionError(f"the browser driver failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def drive(server, driver, config, timeout, out, results):
    """Runs ``driver`` against one server once it is up; results[ui] = the page's JSON or an error message."""
    try:
        server.wait_up(90)
        results[server.ui] = run_driver(driver, config, timeout, out / f"{server.ui}-driver.log")
    except Exception as e:  # noqa: BLE001 - reported by the test that reads it
        results[server.ui] = f"{type(e).__name__}: {e}"


@needs_browser
class LiveFiguresTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        playwright = browser_harness(OUT)
        cls.work = pathlib.Path(tempfile.mkdtemp(prefix="nnlab-live-"))
        uis = ["lab"] + (["classic"] if classic_notebook_available() else [])
        cls.results = {}
        started = time.time()

        def drive_one(server):
            config = driver_config(server, playwright, cls.work, ui=server.ui, notebook=NOTEBOOK.name,
                                   screenshot=str(OUT / f"{server.ui}.png"), timeout=TIMEOUT - 20)
            drive(server, DRIVER, config, TIMEOUT, OUT, cls.results)

        drive_in_parallel(uis, lambda ui: Server(ui, cls.work), drive_one, cls.work)
        print(f"\nlive figures: {', '.join(uis)} in {time.time() - started:.0f} s; screenshots in {OUT}",
              file=sys.stderr)

    def check_ui(self, ui):
        result = self.results.get(ui)
        if not isinstance(result, dict):
            self.fail(f"{ui}: {result}")
        if ui == "lab":  # the plotly package's renderer draws the charts
            self.assertEqual(EXPECTED_FIGURES, len(result["plotly"]), f"{ui}: Plotly figures {result['plotly']}")
            for f in result["plotly"]:
                self.assertGreaterEqual(f["mainSvgs"], 2, f"{ui}: Plotly's SVG layers {f}")
                self.assertGreaterEqual(f["traceGroups"], 1, f"{ui}: Plotly's trace groups {f}")
                self.assertTrue(f["size"] and f["size"][0] > 300 and f["size"][1] > 200, f"{ui}: {f}")
        else:  # the classic notebook has no renderer for Plotly's MIME type: the static image
            charts = [f for f in result["figureImages"] if not f["inProgress"]]
            self.assertEqual(EXPECTED_FIGURES, len(charts), f"{ui}: chart images {result['figureImages']}")
            for f in charts:
                self.assertTrue(f["decoded"] and f["size"][0] > 300, f"{ui}: chart image {f}")
        self.assertEqual(EXPECTED_PICTURES, len(result["pictures"]), f"{ui}: {result['pictures']}")
        for p in result["pictures"]:
            self.assertTrue(p["decoded"] and p["size"][0] > 100 and p["size"][1] > 100, f"{ui}: picture {p}")
        self.assertEqual([], result["blocked"], f"{ui}: requests that tried to leave 127.0.0.1 (blocked)")
        self.assertEqual([], result["cdnScripts"], f"{ui}: scripts from elsewhere")
        self.assertFalse([e for e in result["errors"] if "plotly" in e.lower() or "nnlab" in e.lower()],
                         f"{ui}: page errors {result['errors']}")
        self.assertGreater((OUT / f"{ui}.png").stat().st_size, 50_000, f"{ui}.png is (nearly) blank")

    def test_jupyterlab(self):
        self.check_ui("lab")

    def test_classic_notebook(self):
        if "classic" not in self.results:
            self.skipTest(f"{CLASSIC_PYTHON} has no classic notebook (< 7): Debian's jupyter-notebook "
                          "(what ./nnlab lab starts after the Debian fallback) is not installed")
        self.check_ui("classic")


PLOTLY_MIME = "application/vnd.plotly.v1+json"
SOLUTIONS = ROOT / "solutions" / "notebooks"
STORED_DRIVER = ROOT / "tools" / "tests" / "figures_stored.js"
STORED_OUT = ROOT / "build" / "figures-stored"
STORED_TIMEOUT = 420  # seconds per UI for all eight notebooks; they take ~2-3 minutes each here


def expected_figures(path):
    """What a notebook's stored outputs hold: Plotly charts, and the static images (<img class="nnlab-static">)
    that JupyterLab (beside its Plotly figures) and the classic Notebook (for everything) should show."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    charts = lab_images = classic_images = 0
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            html = data.get("text/html", "")
            images = ("".join(html) if isinstance(html, list) else html).count('<img class="nnlab-static"')
            classic_images += images
            if PLOTLY_MIME in data:
                charts += 1
            else:
                lab_images += images
    return {"charts": charts, "labImages": lab_images, "classicImages": classic_images}


class StoredServer(Server):
    """A Jupyter server on fresh copies of the solution notebooks, with a fresh HOME (no trust database:
    nothing is trusted) and the Jupyter data and config folders inside it."""

    token_prefix = "nnlab-stored-"

    def __init__(self, ui, work):  # noqa: super().__init__ is replaced: other notebooks and HOME
        self.prepare(ui, work, sorted(SOLUTIONS.glob("*.ipynb")), STORED_OUT / f"{ui}-server.log")
        env = fresh_home(work / f"home-{ui}")
        if ui == "lab":
            cmd = self.lab_command(work / "workspaces", f"--MappingKernelManager.default_kernel_name={KERNEL}")
        else:
            cmd = self.classic_command(env)
        self.start(cmd, env)


@needs_browser
class StoredFiguresTest(unittest.TestCase):
    """Every stored figure of every solution notebook is drawn when the notebook is opened as a reader
    opens it (not run, not trusted, fresh HOME): in JupyterLab by the plotly renderer (the charts) and as
    images (pictures, the progress's loss curve); in the classic Notebook all as images. Counted from the
    DOM; an element screenshot of each figure goes to build/figures-stored/ for review."""

    @classmethod
    def setUpClass(cls):
        playwright = browser_harness(STORED_OUT)
        cls.expected = {nb.name: expected_figures(nb) for nb in sorted(SOLUTIONS.glob("*.ipynb"))}
        cls.work = pathlib.Path(tempfile.mkdtemp(prefix="nnlab-stored-"))
        uis = ["lab"] + (["classic"] if classic_notebook_available() else [])
        cls.results = {}
        started = time.time()

        def drive_one(server):
            config = driver_config(server, playwright, cls.work, ui=server.ui, notebooks=sorted(cls.expected),
                                   expected=cls.expected, shots=str(STORED_OUT), timeout=STORED_TIMEOUT - 20)
            drive(server, STORED_DRIVER, config, STORED_TIMEOUT, STORED_OUT, cls.results)

        drive_in_parallel(uis, lambda ui: StoredServer(ui, cls.work), drive_one, cls.work)
        print(f"\nstored figures: {', '.join(uis)} in {time.time() - started:.0f} s; screenshots in {STORED_OUT}",
              file=sys.stderr)

    def check(self, ui):
        result = self.results.get(ui)
        if not isinstance(result, dict):
            self.fail(f"{ui}: {result}")
        self.assertGreater(sum(e["charts"] for e in self.expected.values()), 10, "the solutions hold Plotly charts")
        for name, expected in self.expected.items():
            with self.subTest(ui=ui, notebook=name):
                page = result["notebooks"][name]
                self.assertFalse(page["trusted"], f"{ui}: {name} should open untrusted (fresh HOME)")
                decoded = [i for i in page["images"] if i["decoded"] and i["size"][0] > 100]
                if ui == "lab":
                    drawn = [p for p in page["plotly"] if p["mainSvgs"] >= 1 and p["traceGroups"] >= 1]
                    self.assertEqual(expected["charts"], len(drawn), f"{ui}: {name}: Plotly figures {page['plotly']}")
                    self.assertEqual(expected["labImages"], len(decoded), f"{ui}: {name}: images {page['images']}")
                else:
                    self.assertEqual(expected["classicImages"], len(decoded), f"{ui}: {name}: images {page['images']}")
                self.assertEqual([], page["textual"], f"{ui}: {name}: figures shown as text")
        self.assertEqual([], result["blocked"], f"{ui}: requests that tried to leave 127.0.0.1 (blocked)")
        self.assertFalse([e for e in result["errors"] if "plotly" in e.lower()], f"{ui}: page errors {result['errors']}")

    def test_jupyterlab_draws_every_stored_figure_untrusted(self):
        self.check("lab")

    def test_classic_notebook_shows_every_stored_figure_untrusted(self):
        if "classic" not in self.results:
            self.skipTest(f"{CLASSIC_PYTHON} has no classic notebook (< 7): Debian's jupyter-notebook "
                          "(what ./nnlab lab starts after the Debian fallback) is not installed")
        self.check("classic")


if __name__ == "__main__":
    unittest.main()
