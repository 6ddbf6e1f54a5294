"""Tests of the installed "Java (nnlab)" kernel itself, through jupyter_client.

What students rely on: it starts, has the library and its imports, runs with assertions on, finds
the data, and an interrupted endless loop leaves a kernel that still runs the next cell.
"""
import os
import queue
import subprocess
import time
import unittest

from jupyter_client.manager import start_new_kernel

KERNEL = os.environ.get("NNLAB_KERNEL", "java-nnlab")


class JavaNnlabKernelTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # the kernel's own log lines go nowhere; failures show up as test failures
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=300, stderr=subprocess.DEVNULL)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def run_cell(self, code, timeout=120):
        """Executes code; returns (status, stdout text, error evalue)."""
        msg_id = self.kc.execute(code)
        out, error, deadline = [], None, time.monotonic() + timeout
        while True:
            msg = self.kc.get_iopub_msg(timeout=max(1, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream" and content["name"] == "stdout":
                out.append(content["text"])
            elif kind == "error":
                error = content["evalue"]
            elif kind == "status" and content["execution_state"] == "idle":
                break
        return self.reply_to(msg_id, timeout)["content"]["status"], "".join(out), error

    def reply_to(self, msg_id, timeout):
        """The execute_reply for msg_id (replies to earlier requests are skipped)."""
        while True:
            reply = self.kc.get_shell_msg(timeout=timeout)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply

    def test_the_library_and_the_start_up_imports_are_there(self):
        status, out, error = self.run_cell(
            'var net = Sequential.of(new Linear(9, 2), new Sigmoid());\n'
            'System.out.println(net.forward(Nd4j.zeros(1, 9)).shape()[1]);')
        self.assertEqual(("ok", "2\n", None), (status, out, error))

    def test_assertions_are_enabled(self):
        status, _, error = self.run_cell('assert 1 > 2 : "assertions on";')
        self.assertEqual("error", status)
        self.assertIn("assertions on", error)

    def test_the_data_folder_is_set(self):
        status, out, _ = self.run_cell('System.out.println(System.getenv("NNLAB_DATA") != null);')
        self.assertEqual(("ok", "true\n"), (status, out))

    def test_openmp_threads_spin_only_briefly(self):
        status, out, _ = self.run_cell('System.out.println(System.getenv("GOMP_SPINCOUNT"));')
        self.assertEqual(("ok", "10000\n"), (status, out))

    def test_the_kernel_maps_its_classes_from_the_start_up_archive(self):
        # the archive ./nnlab setup made (tools/kernel/cds.py) is the one the JVM was given ...
        status, out, _ = self.run_cell(
            'System.out.println(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()'
            '.filter(a -> a.startsWith("-XX:SharedArchiveFile=")).map(a -> a.substring(22)).findFirst().orElse("none"));')
        archive = out.strip()
        self.assertEqual("ok", status)
        self.assertTrue(os.path.isfile(archive), f"expected the kernel's archive to exist but it was {archive!r}")
        # ... and this JVM can map it with the kernel's class path: -Xshare:on fails instead of going on without it
        argv = self.km.kernel_spec.argv
        java, jar = argv[0], argv[argv.index("-jar") + 1]
        check = subprocess.run([java, "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-cp", jar, "-version"],
                               capture_output=True, text=True)
        self.assertEqual(0, check.returncode, check.stdout + check.stderr)

    def test_the_kernel_runs_on_java_17_or_newer(self):
        status, out, _ = self.run_cell('System.out.println(Runtime.version().feature() >= 17);')
        self.assertEqual(("ok", "true\n"), (status, out))

    def test_an_interrupted_endless_loop_leaves_a_working_kernel(self):
        msg_id = self.kc.execute("while (true) {}")
        time.sleep(3)
        self.km.interrupt_kernel()
        reply = self.reply_to(msg_id, timeout=60)
        self.assertEqual("error", reply["content"]["status"])
        try:  # drain the loop's messages
            while True:
                self.kc.get_iopub_msg(timeout=1)
        except queue.Empty:
            pass
        status, out, _ = self.run_cell('System.out.println("alive");')
        self.assertEqual(("ok", "alive\n"), (status, out))
        # and the loop really ended (JJava alone leaves it spinning; InterruptWatchdog stops it)
        time.sleep(3)
        before = self.kernel_cpu_seconds()
        time.sleep(3)
        self.assertLess(self.kernel_cpu_seconds() - before, 1.5, "the interrupted loop still burns CPU")

    def kernel_cpu_seconds(self):
        with open(f"/proc/{self.km.provisioner.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def test_output_with_an_interrupt_pending_is_drawn_and_keeps_the_interrupt(self):
        # JJava's own output fails on an interrupted thread (ZMQException "Errno 4"), clearing the flag;
        # the display the kernel installs for the lib (LiveProgress) puts the interrupt aside and back
        status, out, error = self.run_cell(
            'if (true) {\n'
            '    Thread.currentThread().interrupt();\n'
            '    String id = Notebook.show(Map.of("text/plain", "drawn"));\n'
            '    Notebook.display().update(id, Map.of("text/plain", "drawn again"));\n'
            '    boolean kept = Thread.interrupted();\n'
            '    System.out.println(id != null && kept);\n'
            '}')
        self.assertEqual(("ok", "true\n", None), (status, out, error))

    def test_an_interrupted_training_keeps_its_history_and_the_kernel(self):
        status, _, _ = self.run_cell(
            "var data = Datasets.structured(0.1, 1);\n"
            "var model = Sequential.of(new Linear(6, 32), new Relu(), new Linear(32, 2));\n"
            "var trainer = new Trainer(model, new MeanSquaredError(), new Sgd(model.parameters(), 0.001));")
        self.assertEqual("ok", status)
        msg_id = self.kc.execute("trainer.fit(data.train(), data.test(), 1_000_000, 8);")
        # interrupt once the training runs and draws its progress (not while the cell is still compiled)
        updates, deadline = 0, time.monotonic() + 120
        while updates < 5 and time.monotonic() < deadline:
            msg = self.kc.get_iopub_msg(timeout=120)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] in ("display_data", "update_display_data"):
                updates += 1
        self.assertEqual(5, updates, "the training did not show its progress")
        time.sleep(2)
        self.km.interrupt_kernel()
        self.reply_to(msg_id, timeout=60)
        # the interrupted cell returns at once; its training stops after the batch (and callbacks) it is in
        status, out, error = self.run_cell(
            "for (int i = 0; i < 3000 && trainer.isRunning(); i++) Thread.sleep(10);\n"
            "var h = trainer.history();\n"
            "System.out.println(h.stopReason() + \" \" + (h.steps() > 0) + \" \" + (h.steps() < 8_000_000L)"
            " + \" running=\" + trainer.isRunning() + \" steps=\" + h.steps());")
        self.assertEqual(("ok", None), (status, error))
        self.assertTrue(out.startswith("INTERRUPTED true true running=false"), out)


if __name__ == "__main__":
    unittest.main()
