"""A simulated student on the course server, doing over HTTP what a browser does.

Logs in on the hub's login form, starts their server (the hub's REST API, with a token made from the
login), gets their copy of the notebooks (nbgitpuller's endpoint, as its page's script calls it), writes
their answers into the exercise cells (the contents API, as saving the notebook does), opens the notebook
(a session with the "Java (nnlab)" kernel) and runs every code cell in order over the kernel's websocket
(the Jupyter messaging protocol), as JupyterLab's "Run All" does. Used by hub/bench.py and
tools/tests/test_hub.py.
"""
import asyncio
import datetime
import json
import os
import re
import time
import urllib.parse
import uuid

import requests
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

NOTEBOOK = "nnlab/01-rectangle.ipynb"
# what the slides' network prints in 01-rectangle (docs: workshop 1), cells that are not exercises
# (and two that use the student's answers): a run without them did not compute what it should
EXPECTED = [
    "a1 = 0.012, a2 = 0.500, output = 0.887",
    "hidden = [0.012, 0.500], output = 0.887",
    "wrong: 46 of 512 (accuracy 91.0%)",
    "C = 29.490",
    "wrong: 46 of 512 before (accuracy 91.0%), 27 after (accuracy 94.7%)",
]


class StudentError(Exception):
    pass


def solutions(path):
    """The solution notebook's exercise cells: {exercise id: source}."""
    with open(path) as f:
        nb = json.load(f)
    return {c["metadata"]["nnlab"]["exercise"]: c["source"] for c in nb["cells"]
            if c["cell_type"] == "code" and "exercise" in c.get("metadata", {}).get("nnlab", {})}


def process_of(marker, key=None):
    """pid of the process of this OS user whose command line contains `marker` (and, with `key`, whose
    environment contains it), else None."""
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
            if marker not in cmd:
                continue
            if key:
                with open(f"/proc/{pid}/environ", "rb") as f:
                    if key.encode() not in f.read().split(b"\0"):
                        continue
            return int(pid)
        except OSError:
            continue
    return None


def memory_mb(pid):
    """(resident MB now, peak resident MB) of a process."""
    rss = hwm = 0
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1]) / 1024
                elif line.startswith("VmHWM:"):
                    hwm = int(line.split()[1]) / 1024
    except OSError:
        pass
    return rss, hwm


def cpu_seconds(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return 0.0


class Student:
    def __init__(self, base, name, password, course, log=lambda *a: None):
        self.base, self.name, self.password, self.course, self.log = base.rstrip("/"), name, password, course, log
        self.http = requests.Session()
        self.token = None
        self.times = {}
        self.kernel_id = None

    # ------------------------------------------------------------ HTTP
    def api(self, method, path, ok=(200, 201, 202, 204), **kw):
        r = self.http.request(method, self.base + path, headers={"Authorization": f"token {self.token}"},
                              timeout=kw.pop("timeout", 120), **kw)
        if r.status_code not in ok:
            raise StudentError(f"{self.name}: {method} {path} answered {r.status_code}: {r.text[:300]}")
        return r

    def timed(self, what, f, *a):
        t0 = time.perf_counter()
        out = f(*a)
        self.times[what] = time.perf_counter() - t0
        return out

    # ------------------------------------------------------------ the steps
    def login(self):
        """The login form, as a browser posts it (with the _xsrf cookie the form's page set), then a token."""
        self.http.get(self.base + "/hub/login", timeout=60)
        xsrf = self.http.cookies.get("_xsrf", path="/hub/") or self.http.cookies.get("_xsrf")
        r = self.http.post(self.base + "/hub/login?next=", data={"username": self.name, "password": self.password,
                                                                 "_xsrf": xsrf}, allow_redirects=False, timeout=60)
        if r.status_code != 302:
            raise StudentError(f"{self.name}: the login form answered {r.status_code}, expected a redirect: {r.text[:300]}")
        # the hub page the browser lands on carries the xsrf token of the logged-in session (as its scripts send it)
        home = self.http.get(self.base + "/hub/home", timeout=60).text
        m = re.search(r'xsrf_token: "([^"]+)"', home) or re.search(r'name="_xsrf" value="([^"]+)"', home)
        xsrf = m.group(1) if m else xsrf
        r = self.http.post(self.base + f"/hub/api/users/{self.name}/tokens", json={"note": "simulated browser"},
                           headers={"X-XSRFToken": xsrf}, timeout=60)
        if r.status_code not in (200, 201):
            raise StudentError(f"{self.name}: could not get a token after logging in ({r.status_code}): {r.text[:300]}")
        self.token = r.json()["token"]

    def start_server(self, timeout=300):
        self.api("POST", f"/hub/api/users/{self.name}/server", ok=(201, 202, 400))
        deadline = time.time() + timeout
        while time.time() < deadline:
            server = self.api("GET", f"/hub/api/users/{self.name}").json().get("servers", {}).get("", {})
            if server.get("ready"):
                return
            time.sleep(0.5)
        raise StudentError(f"{self.name}: the server was not ready after {timeout} s")

    def pull(self):
        """nbgitpuller: clone the course (first time) or merge its updates into the student's copy."""
        q = urllib.parse.urlencode({"repo": "file://" + self.course, "branch": "main", "targetpath": "nnlab"})
        r = self.api("GET", f"/user/{self.name}/git-pull/api?{q}", stream=True, timeout=300)
        output = []
        for line in r.iter_lines(decode_unicode=True):
            if not line or not line.startswith("data:"):
                continue
            event = json.loads(line[5:])
            output.append(event.get("output", ""))
            if event.get("phase") == "finished":
                return "".join(output)
            if event.get("phase") == "error":
                raise StudentError(f"{self.name}: nbgitpuller failed: {event.get('message')}\n{''.join(output)}")
        raise StudentError(f"{self.name}: nbgitpuller's stream ended without finishing:\n{''.join(output)}")

    def notebook(self, path=NOTEBOOK):
        return self.api("GET", f"/user/{self.name}/api/contents/{path}").json()["content"]

    def answer(self, answers, path=NOTEBOOK):
        """Writes `answers` ({exercise: source}) into the exercise cells and saves the notebook."""
        nb = self.notebook(path)
        for c in nb["cells"]:
            ex = c.get("metadata", {}).get("nnlab", {}).get("exercise")
            if ex in answers:
                c["source"] = answers[ex]
        self.api("PUT", f"/user/{self.name}/api/contents/{path}", json={"type": "notebook", "content": nb})
        return nb

    def run(self, path=NOTEBOOK, cell_timeout=600):
        """Opens the notebook with its kernel and runs every code cell; returns the list of cells' outputs."""
        return asyncio.run(self._run(path, cell_timeout))

    def run_cells(self, cells, cell_timeout=600):
        """Runs more cells in the kernel of the notebook run() opened (a new websocket, as a reloaded page)."""
        return asyncio.run(self._run(None, cell_timeout, cells))

    async def _run(self, path, cell_timeout, cells=None):
        t_open = time.perf_counter()
        if cells is None:
            nb = self.notebook(path)
            cells = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
            sess = self.api("POST", f"/user/{self.name}/api/sessions",
                            json={"path": path, "type": "notebook", "name": "", "kernel": {"name": "java-nnlab"}}).json()
            self.kernel_id = sess["kernel"]["id"]
        session = uuid.uuid4().hex
        url = (self.base.replace("http", "ws", 1)
               + f"/user/{self.name}/api/kernels/{self.kernel_id}/channels?session_id={session}")
        ws = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {self.token}"},
                                                 request_timeout=300), max_message_size=64 << 20)
        first = None
        results = []
        try:
            await self._request(ws, session, "kernel_info_request", {}, cell_timeout)
            for code in cells:
                outputs = await self._execute(ws, session, code, cell_timeout)
                if first is None and outputs:
                    first = time.perf_counter() - t_open
                results.append(outputs)
        finally:
            ws.close()
        if path is not None:
            self.times["first result"] = first
            self.times["run 01"] = time.perf_counter() - t_open
        return results

    @staticmethod
    def _message(session, msg_type, content):
        msg_id = uuid.uuid4().hex
        return msg_id, json.dumps({
            "header": {"msg_id": msg_id, "msg_type": msg_type, "session": session, "username": "",
                       "date": datetime.datetime.now(datetime.timezone.utc).isoformat(), "version": "5.3"},
            "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": []})

    async def _request(self, ws, session, msg_type, content, timeout):
        msg_id, text = self._message(session, msg_type, content)
        await ws.write_message(text)
        deadline = time.time() + timeout
        while True:
            msg = await self._read(ws, deadline)
            if msg.get("parent_header", {}).get("msg_id") == msg_id and msg["msg_type"].endswith("_reply"):
                return msg

    async def _execute(self, ws, session, code, timeout):
        msg_id, text = self._message(session, "execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True})
        await ws.write_message(text)
        deadline = time.time() + timeout
        outputs, replied, idle = [], False, False
        while not (replied and idle):
            msg = await self._read(ws, deadline)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            t, content = msg["msg_type"], msg["content"]
            if t == "execute_reply":
                replied = True
            elif t == "status" and content.get("execution_state") == "idle":
                idle = True
            elif t == "stream":
                outputs.append({"output_type": "stream", "text": content["text"]})
            elif t in ("execute_result", "display_data"):
                outputs.append({"output_type": t, "text": content.get("data", {}).get("text/plain", "")})
            elif t == "error":
                outputs.append({"output_type": "error", "text": f"{content.get('ename')}: {content.get('evalue')}"})
        return outputs

    async def _read(self, ws, deadline):
        left = deadline - time.time()
        if left <= 0:
            raise StudentError(f"{self.name}: no answer from the kernel in time")
        text = await asyncio.wait_for(ws.read_message(), left)
        if text is None:
            raise StudentError(f"{self.name}: the kernel's websocket closed (did the kernel die?)")
        return json.loads(text)

    def kernel_memory(self):
        pid = process_of(f"kernel-{self.kernel_id}.json") if self.kernel_id else None
        return (*memory_mb(pid), cpu_seconds(pid)) if pid else (0.0, 0.0, 0.0)

    def server_memory(self):
        pid = process_of("jupyterhub-singleuser", key=f"JUPYTERHUB_USER={self.name}")
        return memory_mb(pid)[0] if pid else 0.0

    def stop(self, timeout=120):
        """Stops the student's server (as the hub's control panel does) and waits until it is gone."""
        if not self.token:
            return
        self.api("DELETE", f"/hub/api/users/{self.name}/server", ok=(202, 204, 400, 404))
        deadline = time.time() + timeout
        while time.time() < deadline:
            if not self.api("GET", f"/hub/api/users/{self.name}").json().get("servers"):
                return
            time.sleep(0.5)
        raise StudentError(f"{self.name}: the server was still running {timeout} s after it was asked to stop")


def check(results):
    """Problems of a run of 01-rectangle: error outputs and missing slide numbers (empty: correct)."""
    problems = []
    for i, outputs in enumerate(results):
        for o in outputs:
            if o["output_type"] == "error":
                problems.append(f"code cell {i + 1}: {o['text']}")
    text = "\n".join(o["text"] for outputs in results for o in outputs)
    problems += [f"missing output: {e!r}" for e in EXPECTED if e not in text]
    return problems
