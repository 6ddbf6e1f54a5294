"""End-to-end check that every kind of figure really draws (issue 4).

Executes tools/tests/notebooks/figures.ipynb through the "Java (nnlab)" kernel, exports it with
`jupyter nbconvert --to html`, opens the export in headless Chromium with no network and checks:
  * every Plotly figure drew, with as many traces as the figure has series (the figure's script sets
    data-nnlab-drawn = Plotly's trace count next to data-nnlab-traces), and Plotly's .main-svg is there;
  * every output carries a static image/svg+xml too (GitHub and other viewers run no JavaScript);
  * with JavaScript off, the static pictures are in the page;
  * screenshots of both (kept in build/figures/ as artifacts) are not blank.
Needs Chromium (Debian: apt-get install chromium chromium-driver); skipped with a message without it.
"""
import os
import pathlib
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest
import zlib

import nbformat

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import run_notebooks  # noqa: E402

KERNEL = os.environ.get("NNLAB_KERNEL", "java-nnlab")
NOTEBOOK = ROOT / "tools" / "tests" / "notebooks" / "figures.ipynb"
OUT = ROOT / "build" / "figures"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars",
    # no network: every request goes to a closed port, every host name fails to resolve
    "--proxy-server=http://127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_chromium(*args, timeout=180):
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run([chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, timeout=timeout)
    return done.stdout.decode("utf-8", "replace")


def non_white_fraction(png_path):
    """The fraction of pixels that are not white, from a PNG as Chromium writes it (8-bit RGB(A))."""
    data = pathlib.Path(png_path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{png_path} is not a PNG"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and color in (2, 6), f"unexpected PNG format depth {depth} colour {color}"
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    prev = bytearray(stride)
    non_white = 0
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        if y % 4 == 0:  # every 4th row is plenty
            for x in range(0, stride, channels * 4):
                if line[x] < 240 or line[x + 1] < 240 or line[x + 2] < 240:
                    non_white += 1
        prev = line
    return non_white / ((height / 4) * (width / 4))


# CI (CI=true, where .ci/run installs Chromium) must run it; elsewhere it is skipped with a message.
@unittest.skipUnless(chromium() or os.environ.get("CI") == "true",
                     "headless Chromium is not installed (Debian: apt-get install chromium chromium-driver)")
class FiguresRenderTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        OUT.mkdir(parents=True, exist_ok=True)
        code = run_notebooks.main(["--kernel", KERNEL, "--out", str(OUT / "executed"), str(NOTEBOOK)])
        if code != 0:
            raise AssertionError(f"{NOTEBOOK} did not run cleanly (see above)")
        cls.executed = next((OUT / "executed").rglob("figures.ipynb"))
        subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", str(cls.executed),
                        "--output-dir", str(OUT), "--output", "figures"], check=True, capture_output=True)
        cls.html = OUT / "figures.html"
        cls.nb = nbformat.read(cls.executed, as_version=4)
        budget = "--virtual-time-budget=30000"
        cls.dom = run_chromium(budget, "--dump-dom", cls.html.as_uri())
        # what a viewer that runs no JavaScript shows (GitHub, a sanitised untrusted output): the page
        # without its scripts
        page = cls.html.read_text(encoding="utf-8")
        static = OUT / "figures-static.html"
        static.write_text(re.sub(r"<script\b.*?</script>", "", page, flags=re.S), encoding="utf-8")
        cls.static_dom = run_chromium(budget, "--dump-dom", static.as_uri())
        for name, url in (("interactive", cls.html.as_uri()), ("static", static.as_uri())):
            run_chromium(budget, "--window-size=1100,16000", f"--screenshot={OUT / (name + '.png')}", url)

    def outputs_with(self, marker):
        found = []
        for cell in self.nb.cells:
            for o in cell.get("outputs", []):
                if marker in o.get("data", {}).get("text/html", ""):
                    found.append(o)
        return found

    def test_every_plotly_figure_drew_all_its_traces(self):
        figures = re.findall(r'<div class="nnlab-figure"[^>]*>', self.dom)
        expected = len(self.outputs_with('class="nnlab-figure"'))
        self.assertGreaterEqual(expected, 8, "the notebook shows at least 8 Plotly figures")
        self.assertEqual(expected, len(figures))
        for tag in figures:
            traces = re.search(r'data-nnlab-traces="(\d+)"', tag).group(1)
            drawn = re.search(r'data-nnlab-drawn="(\d+)"', tag)
            self.assertIsNotNone(drawn, f"Plotly did not draw {tag}")
            self.assertEqual(traces, drawn.group(1), tag)
        self.assertGreaterEqual(self.dom.count('class="main-svg"'), 2 * expected, "Plotly's SVG layers")

    def test_plotly_is_inlined_once_and_nothing_comes_from_a_cdn(self):
        text = self.executed.read_text(encoding="utf-8")
        self.assertEqual(1, text.count("* plotly.js v2"), "plotly.js is in the notebook exactly once")
        outputs = "".join(o["data"]["text/html"] for o in self.outputs_with('class="nnlab-'))
        self.assertFalse(re.search(r"<script[^>]*\bsrc=", outputs), "no script is loaded from elsewhere")
        self.assertFalse("require([" in outputs or "requirejs" in outputs, "JupyterLab has no require()")

    def test_every_figure_and_picture_carries_a_static_svg(self):
        outputs = self.outputs_with('class="nnlab-figure"') + self.outputs_with('class="nnlab-picture"')
        self.assertGreaterEqual(len(outputs), 14)
        for o in outputs:
            svg = o["data"].get("image/svg+xml", "")
            self.assertTrue(svg.startswith("<svg") and len(svg) > 1000, o["data"].get("text/plain"))

    def test_without_javascript_the_static_pictures_show(self):
        self.assertFalse("data-nnlab-drawn" in self.static_dom, "no script ran")
        static = self.static_dom.count('<div class="nnlab-static"><svg')
        self.assertEqual(len(self.outputs_with('class="nnlab-figure"')), static)

    def test_screenshots_are_not_blank(self):
        for name in ("interactive", "static"):
            fraction = non_white_fraction(OUT / (name + ".png"))
            self.assertGreater(fraction, 0.03, f"{name}.png is (nearly) blank: {fraction:.3f} non-white")


if __name__ == "__main__":
    unittest.main()
