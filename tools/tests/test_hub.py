"""Tests of the course server (hub/, docs/hub.md).

HubTest starts a real hub (./nnlab hub start --users dummy) on free loopback ports with 2 students, who log
in, get their copy of the notebooks through nbgitpuller, write their answers, run all of 01-rectangle over
the kernel's websocket (hub/student.py), get a course update merged without losing their edits, are graded
from their home folders and get their feedback back; then the hub stops with nothing left running.
It needs `./nnlab hub setup` (JupyterHub, nbgitpuller, the idle culler, the proxy): without them it is
skipped with a message saying so. The other tests need no hub."""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import unittest

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
NNLAB = ROOT / "nnlab"
sys.path.insert(0, str(ROOT / "hub"))
import feedback  # noqa: E402

LIMITS = json.loads((ROOT / "hub" / "limits.json").read_text())


def hub_missing():
    """What the hub test lacks, or None."""
    missing = []
    for module in ("jupyterhub", "nbgitpuller", "jupyterhub_idle_culler", "requests", "tornado"):
        try:
            __import__(module)
        except ImportError:
            missing.append(f"the Python package {module}")
    if not (ROOT / "build/hub/node_modules/.bin/configurable-http-proxy").exists():
        missing.append("configurable-http-proxy (npm)")
    if shutil.which("git") is None:
        missing.append("git")
    return ", ".join(missing) or None


MISSING = hub_missing()
if MISSING:
    print(f"\n*** SKIPPING the JupyterHub test (tools/tests/test_hub.py): missing {MISSING}. "
          "Run ./nnlab hub setup to install them. ***\n", file=sys.stderr)


@unittest.skipIf(MISSING, f"missing {MISSING}: run ./nnlab hub setup")
class HubTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        import bench
        import student as st
        cls.st = st
        cls.hub = bench.Hub(NNLAB)
        cls.addClassCleanup(cls.hub.cleanup)
        cls.hub.start()
        # the course repository belongs to someone else than the students, as on a course machine
        # (git then refuses to pull from it unless told to trust it: hub/jupyterhub_config.py does)
        subprocess.run(["chown", "-R", "12345:12345", str(cls.hub.course)], check=os.getuid() == 0)
        cls.answers = st.solutions(ROOT / "solutions/notebooks/01-rectangle.ipynb")
        cls.students = [st.Student(cls.hub.base, f"student{i}", cls.hub.password, str(cls.hub.course))
                        for i in (1, 2)]
        cls.results, cls.errors = {}, {}

        def work(s):
            try:
                s.login()
                s.start_server()
                s.pull()
                s.answer(cls.answers)
                cls.results[s.name] = s.run()
                cls.kernel = s.kernel_id
            except Exception as e:
                cls.errors[s.name] = f"{type(e).__name__}: {e}"
        threads = [threading.Thread(target=work, args=(s,)) for s in cls.students]
        for t in threads:
            t.start()
        for t in threads:
            t.join(1200)
        cls.hub_pid = cls.hub.proc.pid

    @classmethod
    def tearDownClass(cls):
        cls.hub.stop()

    def setUp(self):
        self.assertEqual({}, self.errors, "\n" + self.hub.tail())

    def test_1_each_student_ran_01_with_the_slides_numbers_and_no_error(self):
        for s in self.students:
            with self.subTest(student=s.name):
                results = self.results[s.name]
                self.assertEqual([], self.st.check(results))
                self.assertGreater(len(results), 20)

    def test_2_each_student_has_an_own_copy_with_their_answers_saved(self):
        for s in self.students:
            nb = json.loads((self.hub.homes / s.name / "nnlab" / "01-rectangle.ipynb").read_text())
            sigmoid = [c for c in nb["cells"] if c.get("metadata", {}).get("nnlab", {}).get("exercise") == "1.2"]
            self.assertNotIn("not implemented yet", "".join(sigmoid[0]["source"]))
            self.assertTrue((self.hub.homes / s.name / "nnlab" / ".git").is_dir())

    def test_3_the_kernel_runs_with_the_course_limits(self):
        k = LIMITS["kernel"]
        s = self.students[0]
        pid = self.st.process_of(f"kernel-{s.kernel_id}.json")
        self.assertIsNotNone(pid, "the kernel of student1 is not running")
        cmd = pathlib.Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        for opt in (f"-Xmx{k['heap']}", f"-Dorg.bytedeco.javacpp.maxbytes={k['offheap_max_bytes']}",
                    f"-Dorg.bytedeco.javacpp.maxphysicalbytes={k['physical_max_bytes']}"):
            self.assertIn(opt.encode(), cmd)
        env = pathlib.Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        self.assertIn(f"OMP_NUM_THREADS={k['cpus']}".encode(), env)
        # the hard limits: a cgroup of its own where the machine lets us make one (the hub's log says which)
        said = re.findall(r"kernel-limits: (.*)", self.hub.tail(400))
        self.assertTrue(said, "hub/kernel-limits said nothing in the hub's log")
        cgroups = pathlib.Path(f"/proc/{pid}/cgroup").read_text()
        if said[-1].startswith("cgroup"):
            self.assertIn(f"nnlab-kernel-{pid}", cgroups)
            if said[-1].startswith("cgroup v1"):
                mem = re.search(r"memory:(\S+)", cgroups).group(1)
                limit = int(pathlib.Path(f"/sys/fs/cgroup/memory{mem}/memory.limit_in_bytes").read_text())
                self.assertEqual(k["memory_limit_mb"] << 20, limit)
        else:
            self.assertIn("nice 5", said[-1])

    def test_3b_a_heap_beyond_xmx_fails_the_cell_and_the_kernel_lives(self):
        s = self.students[1]
        results = s.run_cells(["long[] big = new long[300_000_000];   // 2.4 GB of heap", "1 + 1"])
        self.assertEqual("error", results[0][-1]["output_type"])
        self.assertIn("OutOfMemoryError", results[0][-1]["text"])
        self.assertIn("Java heap space", results[0][-1]["text"])
        self.assertEqual([{"output_type": "execute_result", "text": "2"}], results[1])

    def test_4_the_idle_culler_runs_beside_the_hub(self):
        culler = [p for p in os.listdir("/proc") if p.isdigit() and
                  b"jupyterhub_idle_culler" in self._read(f"/proc/{p}/cmdline")]
        self.assertTrue(culler, "no jupyterhub_idle_culler process")
        cmd = self._read(f"/proc/{culler[0]}/cmdline").split(b"\0")
        self.assertIn(f"--timeout={LIMITS['cull']['server_idle_seconds']}".encode(), cmd)

    @staticmethod
    def _read(path):
        try:
            return pathlib.Path(path).read_bytes()
        except OSError:
            return b""

    def test_5_a_course_update_is_merged_and_keeps_the_students_edits(self):
        course = self.hub.course
        nb_path = course / "01-rectangle.ipynb"
        nb = json.loads(nb_path.read_text())
        nb["cells"].append({"cell_type": "markdown", "id": "course-update", "metadata": {},
                            "source": ["A note added by the instructor after the first class."]})
        nb_path.write_text(json.dumps(nb, indent=1) + "\n")
        (course / "99-news.ipynb").write_text((course / "00-vectors-and-matrices.ipynb").read_text())
        git = ["git", "-C", str(course), "-c", "user.name=t", "-c", "user.email=t@localhost", "-c", "safe.directory=*"]
        subprocess.run(git + ["add", "-A"], check=True)
        subprocess.run(git + ["commit", "-qm", "update"], check=True)
        s = self.students[0]
        s.pull()
        mine = self.hub.homes / s.name / "nnlab"
        self.assertTrue((mine / "99-news.ipynb").exists(), "the new notebook did not arrive")
        merged = json.loads((mine / "01-rectangle.ipynb").read_text())
        text = json.dumps(merged)
        self.assertIn("A note added by the instructor", text)
        answer = "".join(self.answers["1.2"])
        self.assertIn(answer, ["".join(c["source"]) for c in merged["cells"]], "the student's answer was lost")

    def test_6_grading_the_home_folders_and_returning_the_feedback(self):
        out = self.hub.dir / "grades"
        r = subprocess.run([str(NNLAB), "grade", str(self.hub.homes), "--out", str(out), "--notebook", "01"],
                           capture_output=True, text=True, timeout=900)
        self.assertEqual(0, r.returncode, r.stdout + r.stderr)
        gradebook = (out / "gradebook.csv").read_text().splitlines()
        self.assertEqual(["student1", "student2"], sorted(line.split(",")[0] for line in gradebook[1:]))
        r = subprocess.run([str(NNLAB), "hub", "return", str(out), "--homes", str(self.hub.homes)],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(0, r.returncode, r.stdout + r.stderr)
        for s in self.students:
            fb = self.hub.homes / s.name / "feedback"
            self.assertTrue((fb / "feedback.html").is_file())
            total = json.loads((fb / "results.json").read_text())
            self.assertEqual(total["score"], json.loads((out / s.name / "results.json").read_text())["score"])
            full = sum(t["max_score"] for t in total["tests"])
            self.assertGreaterEqual(full, 18)    # 01's 18 visible points and its hidden tests'
            self.assertEqual(full, total["score"], "the solutions' answers should get every point of 01")

    def test_7_stopping_the_servers_and_the_hub_leaves_nothing_running(self):
        for s in self.students:
            s.stop()
        left = self.hub.stop()
        self.assertEqual([], left, f"left running: {getattr(self.hub, 'left_commands', {})}")


@unittest.skipIf(MISSING, f"missing {MISSING}: run ./nnlab hub setup")
class IdleCullerTest(unittest.TestCase):
    def test_an_idle_server_is_stopped_by_the_culler(self):
        # its own hub, with the culler's timeout at 20 s (hub/cull_check.py), in a process of its own
        r = subprocess.run([sys.executable, str(ROOT / "hub/cull_check.py")], capture_output=True, text=True,
                           timeout=600)
        self.assertEqual(0, r.returncode, r.stdout + r.stderr)
        self.assertRegex(r.stdout, r"ok: the idle server was stopped \d+ s after it started; processes left: none")


def cgroups_writable():
    return os.access("/sys/fs/cgroup/cgroup.controllers", os.W_OK) or (
        os.access("/sys/fs/cgroup/cpu", os.W_OK) and os.access("/sys/fs/cgroup/memory", os.W_OK))


@unittest.skipIf(MISSING, f"missing {MISSING}: run ./nnlab hub setup")
class KernelLimitsTest(unittest.TestCase):
    """One student's runaway off-heap arrays cost that student's kernel, not the server: the course kernelspec
    as hub/course_kernelspec.py writes it, here with a 700 MB memory limit (so that the test needs little memory).
    (A heap overflow is HubTest's: a cell error, in a student's kernel on the hub.)"""

    def start(self, memory_mb):
        import course_kernelspec as hub_kernelspec
        from jupyter_client import KernelManager
        from jupyter_client.kernelspec import KernelSpecManager
        # last: the empty cgroup of the ended kernel (hub/kernel-limits removes those at a start or --cleanup)
        self.addCleanup(subprocess.run, [str(ROOT / "hub/kernel-limits"), "--cleanup"], check=False)
        share = pathlib.Path(tempfile.mkdtemp(prefix="nnlab-kernel-limits-"))
        self.addCleanup(lambda: (subprocess.run(["chmod", "-R", "u+w", str(share)]), shutil.rmtree(share)))
        limits = json.loads(json.dumps(LIMITS))
        limits["kernel"]["memory_limit_mb"] = memory_mb
        hub_kernelspec.write(share, limits)
        km = KernelManager(kernel_name="java-nnlab", kernel_spec_manager=KernelSpecManager(
            kernel_dirs=[str(share / "kernels")]))
        self.log = share / "kernel.log"
        log = open(self.log, "w")
        self.addCleanup(log.close)
        km.start_kernel(stdout=log, stderr=subprocess.STDOUT)
        kc = km.client()
        kc.start_channels()
        self.addCleanup(lambda: (kc.stop_channels(), km.shutdown_kernel(now=True)))
        kc.wait_for_ready(timeout=300)
        return km, kc

    @staticmethod
    def execute(km, kc, code, timeout=300):
        """(text of the results, text of the error or ''), or None when the kernel died."""
        import queue
        import time
        msg_id = kc.execute(code)
        out, err = [], ""
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                msg = kc.get_iopub_msg(timeout=1)
            except queue.Empty:
                if not km.is_alive():
                    return None
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            t, c = msg["msg_type"], msg["content"]
            if t == "error":
                err = c["ename"] + ": " + c["evalue"]
            elif t in ("execute_result", "display_data"):
                out.append(c["data"].get("text/plain", ""))
            elif t == "stream":
                out.append(c["text"])
            elif t == "status" and c["execution_state"] == "idle":
                return "".join(out).strip(), err
        raise AssertionError(f"no answer in {timeout} s to {code}")

    @unittest.skipUnless(cgroups_writable(), "no writable cgroup here: the kernel's memory is not limited "
                                             "beyond its JVM options (docs/hub.md)")
    def test_off_heap_beyond_the_memory_limit_ends_only_that_kernel(self):
        # ND4J 1.0.0-M2.1's arrays are not counted by JavaCPP's maxbytes/maxphysicalbytes (measured, docs/hub.md):
        # the cgroup is what stops them
        km, kc = self.start(700)
        self.assertEqual(("1", ""), self.execute(km, kc, "INDArray small = Nd4j.rand(DataType.FLOAT, 1000); 1"))
        died = self.execute(km, kc, "INDArray big = Nd4j.rand(DataType.FLOAT, 250_000_000L);   // 1 GB off-heap")
        self.assertIsNone(died, "the kernel should have been stopped at its 700 MB limit")
        self.assertIn("memory.max 700 MB" if "cgroup v2" in self.log.read_text() else "limit 700 MB",
                      self.log.read_text())


class FeedbackTest(unittest.TestCase):
    def setUp(self):
        self.dir = pathlib.Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.dir)
        self.grades, self.homes = self.dir / "grades", self.dir / "homes"
        for name in ("ann", "bob", "cyd"):
            (self.grades / name).mkdir(parents=True)
            (self.grades / name / "feedback.html").write_text(f"<p>{name}</p>")
            (self.grades / name / "results.json").write_text('{"score": 3}')
            (self.grades / name / "grade.json").write_text("{}")
        (self.grades / "gradebook.csv").write_text("student\n")
        (self.homes / "ann").mkdir(parents=True)
        (self.homes / "bob").mkdir()

    def test_each_student_gets_their_own_feedback_and_a_missing_home_is_reported(self):
        delivered, problems = feedback.deliver(self.grades, self.homes, log=lambda m: None)
        self.assertEqual(["ann", "bob"], delivered)
        self.assertEqual("<p>ann</p>", (self.homes / "ann/feedback/feedback.html").read_text())
        self.assertEqual("<p>bob</p>", (self.homes / "bob/feedback/feedback.html").read_text())
        self.assertEqual([f"cyd: no home folder {self.homes / 'cyd'}; feedback not returned"], problems)
        self.assertEqual([], list(self.homes.glob("*/feedback/.*")), "a temporary file was left")

    def test_a_second_return_replaces_the_old_feedback(self):
        feedback.deliver(self.grades, self.homes, log=lambda m: None)
        (self.grades / "ann" / "feedback.html").write_text("<p>regraded</p>")
        feedback.deliver(self.grades, self.homes, log=lambda m: None)
        self.assertEqual("<p>regraded</p>", (self.homes / "ann/feedback/feedback.html").read_text())

    def test_a_folder_that_is_not_graded_says_what_to_run(self):
        with self.assertRaises(SystemExit) as e:
            feedback.deliver(self.homes, self.homes)
        self.assertIn("expected graded students", str(e.exception))
        self.assertIn("./nnlab grade", str(e.exception))


class CommandLineTest(unittest.TestCase):
    def run_nnlab(self, *args):
        return subprocess.run([str(NNLAB), *args], capture_output=True, text=True, timeout=60)

    def test_an_unknown_hub_command_lists_the_known_ones(self):
        r = self.run_nnlab("hub", "begin")
        self.assertEqual(1, r.returncode)
        self.assertIn("'hub' expects setup, start, publish, return or bench, but got 'begin'", r.stderr)

    def test_bad_hub_start_options_fail_before_anything_starts(self):
        r = self.run_nnlab("hub", "start", "--port", "80a")
        self.assertIn("--port expects a whole number, got '80a'", r.stderr)
        r = self.run_nnlab("hub", "start", "--users", "ldap")
        self.assertIn("--users expects system (the machine's accounts) or dummy", r.stderr)
        as_user = ["setpriv", "--reuid", "65534", "--regid", "65534", "--clear-groups"] if os.getuid() == 0 else []
        if not as_user or shutil.which("setpriv"):
            r = subprocess.run(as_user + [str(NNLAB), "hub", "start", "--users", "system"], capture_output=True,
                               text=True, timeout=60, cwd="/tmp")
            self.assertIn("--users system starts each student's server as that student, which needs root", r.stderr)
        r = subprocess.run([str(NNLAB), "hub", "start", "--users", "dummy"], capture_output=True, text=True,
                           timeout=60, env={k: v for k, v in os.environ.items() if k != "NNLAB_HUB_PASSWORD"})
        self.assertIn("set it in NNLAB_HUB_PASSWORD", r.stderr)


class KubernetesValuesTest(unittest.TestCase):
    """hub/k8s/values.yaml (Zero to JupyterHub) names the same limits as hub/limits.json."""

    @classmethod
    def setUpClass(cls):
        import yaml
        cls.values = yaml.safe_load((ROOT / "hub/k8s/values.yaml").read_text())

    def test_server_limits(self):
        su, server = self.values["singleuser"], LIMITS["server"]
        self.assertEqual(server["mem_limit"], su["memory"]["limit"])
        self.assertEqual(server["mem_guarantee"], su["memory"]["guarantee"])
        self.assertEqual(server["cpu_limit"], su["cpu"]["limit"])
        self.assertEqual(server["cpu_guarantee"], su["cpu"]["guarantee"])

    def test_culling(self):
        cull, mine = self.values["cull"], LIMITS["cull"]
        self.assertTrue(cull["enabled"])
        self.assertEqual(mine["server_idle_seconds"], cull["timeout"])
        self.assertEqual(mine["every_seconds"], cull["every"])
        args = " ".join(self.values["singleuser"]["cmd"])
        self.assertIn(f"--MappingKernelManager.cull_idle_timeout={mine['kernel_idle_seconds']}", args)

    def test_the_notebooks_come_through_nbgitpuller_and_the_image_writes_the_limited_kernelspec(self):
        self.assertIn("/git-pull?repo=", self.values["singleuser"]["defaultUrl"])
        docker = (ROOT / "hub/k8s/Dockerfile").read_text()
        self.assertIn("RUN ./nnlab hub setup", docker)
        self.assertIn("JUPYTER_PATH=/opt/nnlab/build/hub/share/jupyter", docker)
        self.assertEqual("/opt/nnlab/build/hub/share/jupyter", self.values["singleuser"]["extraEnv"]["JUPYTER_PATH"])


if __name__ == "__main__":
    unittest.main()
