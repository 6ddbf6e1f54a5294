"""End-to-end check that every kind of figure really draws.

Executes tools/tests/notebooks/figures.ipynb through the "Java (nnlab)" kernel, exports it with
`jupyter nbconvert --to html`, opens the export in headless Chromium with no network and checks:
  * every chart is Plotly's figure JSON (application/vnd.plotly.v1+json, a JSON object) with one trace
    per series, for JupyterLab's plotly renderer; no output holds a script or loads anything;
  * every figure and picture carries its SVG (image/svg+xml, for GitHub and other static viewers) and
    the same SVG as an <img> in text/html (the classic Notebook, nbconvert);
  * the HTML export shows every image, with and without scripts;
  * screenshots (kept in build/figures/ as artifacts) are not blank.
SolutionsHtmlExportTest exports every stored solution notebook the same way; OfflineRoutingTest checks
that the browser drivers' offline routing (browser_common.js) blocks and reports requests to other hosts.
Needs Chromium (Debian: apt-get install chromium chromium-driver); skipped with a message without it.
"""
import base64
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
from xml.etree import ElementTree

import nbformat

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "tools" / "tests"))  # test_figures_live (the browser driver and its helpers)
import run_notebooks  # noqa: E402

KERNEL = os.environ.get("NNLAB_KERNEL", "java-nnlab")
PLOTLY_MIME = "application/vnd.plotly.v1+json"
STATIC_IMG = r'<img [^>]*class="nnlab-static"'  # (nbconvert writes the attributes in another order)
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


# The tests that drive the browser with playwright-core need node too; CI (CI=true) must run them.
needs_browser = unittest.skipUnless(
    (chromium() and shutil.which("node")) or os.environ.get("CI") == "true",
    "headless Chromium or node is not installed (Debian: apt-get install chromium nodejs npm)")


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

    def test_every_chart_is_plotly_json_with_one_trace_per_series(self):
        charts = [o for c in self.nb.cells for o in c.get("outputs", []) if PLOTLY_MIME in o.get("data", {})]
        self.assertGreaterEqual(len(charts), 8, "the notebook shows at least 8 charts")
        for o in charts:
            figure = o["data"][PLOTLY_MIME]
            self.assertIsInstance(figure, dict, "stored as a JSON object (JupyterLab's renderer reads it so)")
            self.assertIn("title", figure["layout"])
            text = o["data"]["text/plain"]
            if text.startswith("Chart("):  # (a ConfusionMatrix's text is its table)
                series = re.findall(r'(?:line|contour|heatmap|bars) "', text)
                self.assertEqual(len(series), len(figure["data"]), text)

    def test_no_output_needs_trust_or_the_network(self):
        for cell in self.nb.cells:
            for o in cell.get("outputs", []):
                html = o.get("data", {}).get("text/html", "")
                self.assertNotIn("<script", html, "a script would need trust")
                self.assertFalse(re.search(r'\bsrc="(?!data:)', html), "only embedded data")

    def test_every_figure_and_picture_carries_a_static_svg_and_its_image(self):
        outputs = [o for o in self.outputs_with('class="nnlab-figure"') + self.outputs_with('class="nnlab-picture"')
                   if "nnlab-progress" not in o["data"]["text/html"]]  # (the progress's curve is HTML only)
        self.assertGreaterEqual(len(outputs), 14)
        for o in outputs:
            svg = o["data"].get("image/svg+xml", "")
            self.assertTrue(svg.startswith("<svg") and len(svg) > 1000, o["data"].get("text/plain"))
            self.assertEqual(svg, embedded_svgs(o["data"]["text/html"])[0], "the <img> shows the same SVG")

    def test_the_html_export_shows_every_figure_as_an_image(self):
        expected = len(self.outputs_with('<img class="nnlab-static"'))
        self.assertEqual(expected, len(re.findall(STATIC_IMG, self.dom)))
        self.assertEqual(expected, len(re.findall(STATIC_IMG, self.static_dom)), "without scripts too")

    def test_screenshots_are_not_blank(self):
        for name in ("interactive", "static"):
            fraction = non_white_fraction(OUT / (name + ".png"))
            self.assertGreater(fraction, 0.03, f"{name}.png is (nearly) blank: {fraction:.3f} non-white")


def embedded_svgs(html):
    """The SVG documents of the <img src="data:image/svg+xml;base64,..."> in an HTML output, each checked to parse."""
    svgs = [base64.b64decode(b).decode("utf-8") for b in re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', html)]
    for svg in svgs:
        ElementTree.fromstring(svg)  # well-formed, or the browser shows a broken image
    return svgs


@needs_browser
class SolutionsHtmlExportTest(unittest.TestCase):
    """`jupyter nbconvert --to html` of every stored solution notebook shows each of its figures: nbconvert
    has no Plotly renderer, so it uses the text/html image. The exports (build/figures/solutions/) are
    opened in headless Chromium, with the network blocked, and every image counted decoded from the DOM."""

    def test_every_solution_notebook_exports_with_all_its_figures(self):
        # (test_figures_live imports this module)
        from test_figures_live import STORED_DRIVER, browser_harness, expected_figures, run_driver
        out = OUT / "solutions"
        playwright = browser_harness(out)
        notebooks = sorted((ROOT / "solutions" / "notebooks").glob("*.ipynb"))
        subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", "--output-dir", str(out),
                        *map(str, notebooks)], check=True, capture_output=True)
        expected = {}
        for path in notebooks:
            nb = nbformat.read(path, as_version=4)
            for c in nb.cells:   # every embedded SVG parses (a broken one shows as a broken image)
                for o in c.get("outputs", []):
                    embedded_svgs(o.get("data", {}).get("text/html", ""))
            expected[path.stem + ".html"] = expected_figures(path)
        with tempfile.TemporaryDirectory() as profile:
            config = {"chromium": chromium(), "playwright": str(playwright), "base": out.as_uri(), "token": "",
                      "ui": "html", "notebooks": sorted(expected), "expected": expected, "shots": str(out),
                      "profile": profile, "timeout": 240}
            result = run_driver(STORED_DRIVER, config, 260, out / "driver.log")
        for name, e in expected.items():
            with self.subTest(export=name):
                page = result["notebooks"][name]
                decoded = [i for i in page["images"] if i["decoded"] and i["size"][0] > 100]
                self.assertEqual(e["classicImages"], len(decoded), f"{name}: {page['images']}")
                self.assertEqual([], page["textual"], f"{name}: figures shown as text")
        # nbconvert's own page template loads require.js and MathJax from a CDN; nothing else may be fetched
        ours = [u for u in result["blocked"] if not re.search(r"cdnjs\.cloudflare\.com/ajax/libs/(require\.js|mathjax)/", u)]
        self.assertEqual([], ours, "requests that tried to leave the machine (blocked)")


@needs_browser
class OfflineRoutingTest(unittest.TestCase):
    """The browser tests' "nothing tried to leave the machine" rests on the drivers' offline routing
    (tools/tests/browser_common.js): a page that asks other hosts for a script and an image has both
    requests aborted and reported, while its own file and data: URLs load."""

    def test_requests_to_other_hosts_are_aborted_and_reported(self):
        from test_figures_live import STORED_DRIVER, browser_harness, run_driver
        out = OUT / "offline"
        playwright = browser_harness(out)
        foreign = ["https://cdn.nnlab-offline.invalid/lib.js", "https://img.nnlab-offline.invalid/pixel.png"]
        pixel = "data:image/svg+xml," + "%3Csvg xmlns='http://www.w3.org/2000/svg' width='200' height='10'/%3E"
        (out / "page.html").write_text(f'<html><head><script src="{foreign[0]}"></script></head><body>'
                                       f'<img class="nnlab-static" src="{pixel}"><img src="{foreign[1]}">'
                                       '</body></html>', encoding="utf-8")
        with tempfile.TemporaryDirectory() as profile:
            config = {"chromium": chromium(), "playwright": str(playwright), "base": out.as_uri(), "token": "",
                      "ui": "html", "notebooks": ["page.html"], "expected": {"page.html": {"classicImages": 1}},
                      "shots": str(out), "profile": profile, "timeout": 60}
            result = run_driver(STORED_DRIVER, config, 90, out / "driver.log")
        self.assertEqual(sorted(foreign), sorted(set(result["blocked"])), "the requests to other hosts, blocked")
        images = result["notebooks"]["page.html"]["images"]
        self.assertEqual([True], [i["decoded"] for i in images], f"the page's own (data:) image loads: {images}")


if __name__ == "__main__":
    unittest.main()
