"""Tests of the installed "Java (nnlab)" kernel itself, through jupyter_client.

What students rely on: it starts, has the library and its imports, runs with assertions on, finds
the data, and an interrupted endless loop leaves a kernel that still runs the next cell. And what
NnlabKernel and the self-checks add (docs/kernel.md, docs/exercises.md): errors carry the real class
and the library's message style, self-checks never pass a stale definition, name an undeclared
variable and leave no thread running, an interrupted training ends its display with a summary,
Shift+Tab shows signature and Javadoc, and the kernel exits by itself on a shutdown request.
"""
import os
import queue
import subprocess
import time
import unittest

from jupyter_client.manager import start_new_kernel

KERNEL = os.environ.get("NNLAB_KERNEL", "java-nnlab")


class KernelTestCase(unittest.TestCase):
    """Tests that share one "Java (nnlab)" kernel, started through the Jupyter protocol (cls.km, cls.kc)."""

    @classmethod
    def setUpClass(cls):
        # the kernel's own log lines go nowhere; failures show up as test failures
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=300, stderr=subprocess.DEVNULL)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)


class JavaNnlabKernelTest(KernelTestCase):

    def run_cell(self, code, timeout=120):
        """Executes code; returns (status, stdout text, error evalue)."""
        status, out, error, _ = self.run_cell_fully(code, timeout)
        return status, out, error and error["evalue"]

    def run_cell_fully(self, code, timeout=120, cell_id=None):
        """Executes code (as the cell cell_id, whose id JupyterLab sends in the request's metadata); returns (status,
        stdout and execute_result text, error content or None, the iopub messages)."""
        if cell_id is None:
            msg_id = self.kc.execute(code)
        else:
            content = dict(code=code, silent=False, store_history=True, user_expressions={}, allow_stdin=False, stop_on_error=True)
            msg = self.kc.session.msg("execute_request", content, metadata={"cellId": cell_id})
            self.kc.shell_channel.send(msg)
            msg_id = msg["header"]["msg_id"]
        out, error, messages, deadline = [], None, [], time.monotonic() + timeout
        while True:
            msg = self.kc.get_iopub_msg(timeout=max(1, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            messages.append(msg)
            if kind == "stream" and content["name"] == "stdout":
                out.append(content["text"])
            elif kind == "execute_result":
                out.append(content["data"].get("text/plain", ""))
            elif kind == "error":
                error = content
            elif kind == "status" and content["execution_state"] == "idle":
                break
        return self.reply_to(msg_id, timeout)["content"]["status"], "".join(out), error, messages

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

    def test_javacpp_does_not_read_the_resident_memory_for_each_array(self):
        # the kernelspec's -Dorg.bytedeco.javacpp.maxPhysicalBytes=0: no /proc/self/statm read per native pointer
        status, out, _ = self.run_cell('System.out.println(org.bytedeco.javacpp.Pointer.maxPhysicalBytes());')
        self.assertEqual(("ok", "0\n"), (status, out))

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
        java, classpath = argv[0], argv[argv.index("-cp") + 1]
        check = subprocess.run([java, "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-cp", classpath, "-version"],
                               capture_output=True, text=True)
        self.assertEqual(0, check.returncode, check.stdout + check.stderr)

    def test_native_memory_that_arrays_free_goes_back_to_the_system(self):
        # 600 MB of ND4J arrays of 4 MB with small arrays that stay in between, dropped and collected, twice:
        # the second time glibc's malloc serves the 4 MB from its arenas and keeps what is freed below the small
        # arrays. Within a few seconds the kernel's resident memory falls back all the same (the JVM trims the
        # C heap every second, see tools/kernel/kernelspec.py).
        status, out, err = self.run_cell("""
            long residentMb(String field) throws Exception {
                for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                    if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
                throw new IllegalStateException(field);
            }
            var kept = new ArrayList<INDArray>();
            long fill() throws Exception {   // 600 MB in arrays of 4 MB, small arrays that stay in between
                var held = new ArrayList<INDArray>();
                for (int i = 0; i < 150; i++) {
                    held.add(Nd4j.ones(DataType.FLOAT, 1000, 1000));
                    kept.add(Nd4j.ones(DataType.FLOAT, 4));
                }
                long full = residentMb("VmRSS");
                held = null;
                for (int i = 0; i < 3; i++) { System.gc(); Thread.sleep(1500); }
                return full;
            }
            fill();   // once freed, glibc serves blocks of this size from its arenas rather than mapping each anew
            long full = fill();
            System.out.println(full + " " + residentMb("VmRSS"));""", timeout=120)
        self.assertEqual("ok", status, err)
        full, after = map(int, out.split())
        self.assertLess(after, full - 400, f"resident MB with the arrays {full}, after they were freed {after}")

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

    SIGMOID = "public double sigmoid(double z) {\n    return 1 / (1 + Math.exp(-z));\n}"
    SELF_CHECK = 'Check.exercise("1.2", RectangleExercises.with().sigmoid(z -> sigmoid(z)))'

    def test_a_self_check_never_passes_a_definition_whose_latest_version_did_not_compile(self):
        self.assertEqual("ok", self.run_cell(self.SIGMOID)[0])
        status, out, _ = self.run_cell(self.SELF_CHECK)
        self.assertTrue(out.startswith("Exercise 1.2: 3 of 3 checks passed"), out)
        # the student edits the cell and drops a ';': the cell fails, JShell keeps the old sigmoid
        status, _, error_content, _ = self.run_cell_fully(self.SIGMOID.replace("));", "))"))
        self.assertEqual("error", status)
        status, out, _ = self.run_cell(self.SELF_CHECK)
        self.assertEqual("ok", status)
        self.assertTrue(out.startswith("Exercise 1.2: NOT CHECKED: the latest version of sigmoid did not compile"
                                       " (';' expected, line 2 of sigmoid), so the checks ran the previous version."), out)
        self.assertNotIn("is removed too", "".join(error_content["traceback"]), "a parse error keeps the previous version")
        self.assertNotIn("Exercise 1.2: 3 of 3 checks passed", out)
        # fixed again: checked again
        self.run_cell(self.SIGMOID)
        self.assertTrue(self.run_cell(self.SELF_CHECK)[1].startswith("Exercise 1.2: 3 of 3 checks passed"))

    def test_a_self_check_never_passes_a_method_its_cell_renamed_or_retyped(self):
        cell = "exercise-1.2-renamed"
        self.assertEqual("ok", self.run_cell_fully(self.SIGMOID, cell_id=cell)[0])
        self.assertTrue(self.run_cell(self.SELF_CHECK)[1].startswith("Exercise 1.2: 3 of 3 checks passed"))
        for edited in (self.SIGMOID.replace("sigmoid(", "sigmoidd("), self.SIGMOID.replace("(double z)", "(float z)")):
            # the cell compiles, but no longer declares sigmoid(double): JShell alone would keep the old one
            status, out, _, _ = self.run_cell_fully(edited, cell_id=cell)
            self.assertEqual("ok", status)
            self.assertIn("note: this cell no longer declares sigmoid(double), so its earlier version is removed", out)
            status, out, _ = self.run_cell(self.SELF_CHECK)
            self.assertNotIn("3 of 3 checks passed", out + str(_))
            self.assertEqual("ok", self.run_cell_fully(self.SIGMOID, cell_id=cell)[0])
            self.assertTrue(self.run_cell(self.SELF_CHECK)[1].startswith("Exercise 1.2: 3 of 3 checks passed"))
        # running a cell again unchanged drops nothing
        status, out, _, _ = self.run_cell_fully(self.SIGMOID, cell_id=cell)
        self.assertNotIn("no longer declares", out)

    def test_a_self_check_never_passes_a_definition_its_failed_cell_did_not_run(self):
        self.run_cell(self.SIGMOID)
        # a helper above sigmoid in the same cell fails: JJava stops there, the edited sigmoid is not run
        status, _, error, _ = self.run_cell_fully("public double half(double z) {\n    return z / 2\n}\n"
                                                  + self.SIGMOID.replace("1 / (1", "0.5 / (1"))
        self.assertEqual("error", status)
        self.assertIn("Not run because of this error, so their previous versions (if any) stay: sigmoid.",
                      error["traceback"][-1])
        out = self.run_cell(self.SELF_CHECK)[1]
        self.assertTrue(out.startswith("Exercise 1.2: NOT CHECKED: the latest version of sigmoid was not run"), out)
        self.run_cell(self.SIGMOID)
        self.assertTrue(self.run_cell(self.SELF_CHECK)[1].startswith("Exercise 1.2: 3 of 3 checks passed"))

    def test_a_self_check_cell_says_why_a_method_whose_latest_version_has_a_type_error_is_missing(self):
        # the edit parses but does not type-check: JShell rejects it AND removes the previous sigmoid, so the
        # self-check cell itself does not compile; its error says why instead of a bare "cannot find symbol"
        edits = {
            "wrong return type": (self.SIGMOID.replace("public double", "public String"),
                                  "incompatible types: double cannot be converted to java.lang.String, line 2 of sigmoid"),
            "wrong argument type": (self.SIGMOID.replace("Math.exp(-z)", 'Math.exp("z")'),
                                    "incompatible types: java.lang.String cannot be converted to double, line 2 of sigmoid"),
        }
        for case, (edit, compile_error) in edits.items():
            with self.subTest(case):
                self.run_cell(self.SIGMOID)
                self.assertTrue(self.run_cell(self.SELF_CHECK)[1].startswith("Exercise 1.2: 3 of 3 checks passed"))
                status, _, error, _ = self.run_cell_fully(edit)
                self.assertEqual("error", status)
                self.assertIn("The previous version of sigmoid is removed too: cells that use sigmoid fail until this cell"
                              " compiles.", error["traceback"][-1])
                status, out, error, _ = self.run_cell_fully(self.SELF_CHECK)
                self.assertEqual(("error", ""), (status, out), "a self-check ran on a sigmoid JShell removed")
                expected = ("sigmoid is not defined: the latest version of its cell did not compile (" + compile_error
                            + "). Fix that cell and run it again.")
                self.assertEqual(("CompilationException", expected), (error["ename"], error["evalue"]))
                self.assertIn(expected, error["traceback"][0])
        self.run_cell(self.SIGMOID)
        self.assertTrue(self.run_cell(self.SELF_CHECK)[1].startswith("Exercise 1.2: 3 of 3 checks passed"))

    def test_a_self_check_says_which_helper_did_not_compile(self):
        self.run_cell("public double scaled(double z) {\n    return z;\n}")
        self.run_cell(self.SIGMOID.replace("-z", "-scaled(z)"))
        self.assertTrue(self.run_cell(self.SELF_CHECK)[1].startswith("Exercise 1.2: 3 of 3 checks passed"))
        try:
            # the helper's cell gets a type error: JShell removes scaled, and sigmoid can no longer run
            self.assertEqual("error", self.run_cell('public double scaled(double z) {\n    return "z";\n}')[0])
            status, out, _ = self.run_cell(self.SELF_CHECK)
            self.assertEqual("ok", status)
            why = ("the latest version of scaled did not compile (incompatible types: java.lang.String cannot be"
                   " converted to double, line 2 of scaled)")
            self.assertTrue(out.startswith("Exercise 1.2: NOT CHECKED: " + why + ", so scaled is not defined.\n"), out)
            self.assertIn("FAIL  sigmoid(0) is 0.5: sigmoid uses scaled, whose latest version did not compile"
                          " (incompatible types", out)
            self.assertNotIn("passed, 3 of 3", out)
            # calling sigmoid in a cell says the same
            _, _, error, _ = self.run_cell_fully("sigmoid(0)")
            self.assertEqual("UnresolvedReferenceException", error["ename"])
            self.assertTrue(error["evalue"].startswith("sigmoid uses scaled, whose latest version did not compile"),
                            error["evalue"])
            # a new helper and exercise in one cell, the helper first with a type error: JJava never runs the exercise
            status, _, error, _ = self.run_cell_fully('public double shifted(double z) {\n    return "z";\n}\n'
                                                      "public double sigmoid3(double z) {\n    return shifted(z);\n}")
            self.assertEqual("error", status)
            status, _, error, _ = self.run_cell_fully(self.SELF_CHECK.replace("sigmoid(z)", "sigmoid3(z)"))
            self.assertEqual(("error", "sigmoid3 is not defined: its cell stopped at a declaration before it that did not"
                              " compile. Fix that cell and run it again."), (status, error["evalue"]))
        finally:
            self.run_cell(self.SIGMOID)

    def test_a_self_check_names_the_compile_error_of_a_call_no_method_fits(self):
        # Math.exp(-z, 2): JShell accepts the method (RECOVERABLE_DEFINED, in case an exp(double, int) is declared
        # later) with no unresolved name to report; calling it throws a resolution exception
        status, _, error = self.run_cell(self.SIGMOID.replace("Math.exp(-z)", "Math.exp(-z, 2)"))
        self.assertEqual(("ok", None), (status, error), "JShell accepts a call that no method fits")
        try:
            out = self.run_cell(self.SELF_CHECK)[1]
            self.assertTrue(out.startswith("Exercise 1.2: 0 of 3 checks passed"), out)
            self.assertIn("FAIL  sigmoid(0) is 0.5: sigmoid did not compile (method exp in class java.lang.Math cannot be"
                          " applied to given types (required: double, found: double,int), line 2 of sigmoid), so sigmoid"
                          " cannot run.", out)
        finally:
            self.run_cell(self.SIGMOID)

    def test_a_self_check_names_an_undeclared_variable(self):
        status, _, error = self.run_cell(self.SIGMOID.replace("-z", "-z * steepness"))
        self.assertEqual(("ok", None), (status, error), "JShell accepts a method with an unresolved name")
        status, out, _ = self.run_cell(self.SELF_CHECK)
        self.assertTrue(out.startswith("Exercise 1.2: 0 of 3 checks passed"), out)
        self.assertIn("FAIL  sigmoid(0) is 0.5: sigmoid uses variable steepness, which is not declared in this notebook",
                      out)
        self.assertNotIn("SPIResolutionException", out)
        self.run_cell(self.SIGMOID)

    def test_a_self_check_stopped_at_its_time_limit_leaves_the_kernel_idle(self):
        # the self-check's own runner (Check.run), with a 1 s limit instead of 10 s
        self.run_cell("public double spin(double z) {\n    while (true) {}\n}")
        status, out, error = self.run_cell(
            'Check.run(ExerciseCheck.of("1.2", 1, "sigmoid(0) is 0.5", (RectangleExercises e) -> e.sigmoid(0)),\n'
            '          RectangleExercises.with().sigmoid(z -> spin(z)), java.time.Duration.ofSeconds(1)).message()')
        self.assertEqual(("ok", None), (status, error))
        self.assertIn("still running after 1 s: stopped", out)
        time.sleep(1)   # idle within a second ...
        before = self.kernel_cpu_seconds()
        time.sleep(2)   # ... and staying so: a spinning thread would use ~2 s of CPU here
        used = self.kernel_cpu_seconds() - before
        print(f"kernel CPU in the 2 s after a stopped self-check: {used:.2f} s")
        self.assertLess(used, 0.5, "the stopped self-check still burns CPU")

    def test_ename_is_the_real_exception_class(self):
        status, _, error, _ = self.run_cell_fully('throw new IllegalStateException("boom");')
        self.assertEqual(("error", "IllegalStateException", "boom"), (status, error["ename"], error["evalue"]))
        self.assertIn("java.lang.IllegalStateException: boom", error["traceback"][0])

    def test_an_nd4j_shape_error_reads_like_the_library(self):
        _, _, error, _ = self.run_cell_fully("Nd4j.ones(3, 4).add(Nd4j.ones(4, 3))")
        self.assertEqual("IllegalStateException", error["ename"])
        self.assertEqual("add: expected two arrays of the same shape (or shapes that broadcast: equal or 1 in each"
                         " dimension, e.g. [3, 4] with [1, 4]) but was [3, 4] and [4, 3].\n"
                         "Hint: the second is the first transposed: call .transpose() on one of them.", error["evalue"])
        self.assertIn("add: expected two arrays", error["traceback"][0])

    def test_a_null_pointer_names_the_variable(self):
        _, _, error, _ = self.run_cell_fully("String s = null;\ns.length()")
        self.assertEqual("NullPointerException", error["ename"])
        self.assertEqual('Cannot invoke "String.length()" because "s" is null.\n'
                         "Hint: s has no value (null): assign it before this line, or run the cell that does.",
                         error["evalue"])
        self.assertNotIn("REPL.", "".join(error["traceback"]))

    def test_inspection_after_a_name_or_a_parenthesis_shows_signature_and_javadoc(self):
        for code in ("Sequential.of", "Sequential.of("):
            msg_id = self.kc.inspect(code, len(code), 0)
            content = self.reply_to(msg_id, 60)["content"]
            text = content["data"].get("text/plain", "")
            self.assertEqual(("ok", True), (content["status"], content["found"]), code)
            self.assertTrue(text.startswith("Sequential Sequential.of(Layer... layers)\nA model of the given layers"), text)

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

    TRAINING = ("var data = Datasets.structured(0.1, 1);\n"
                "var model = Sequential.of(new Linear(6, 32), new Relu(), new Linear(32, 2));\n"
                "var trainer = new Trainer(model, new MeanSquaredError(), new Sgd(model.parameters(), 0.001));")

    def interrupt_a_training(self, setup):
        """Runs setup (it declares data and trainer), starts a fit of a million epochs, interrupts it once it shows
        its progress and returns (the last progress text of that cell, the training's state a moment later)."""
        status, _, error = self.run_cell(setup)
        self.assertEqual(("ok", None), (status, error))
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
        # the cell's reply waited for the training to stop: its progress display ends with the summary line
        last = None
        while True:
            msg = self.kc.get_iopub_msg(timeout=60)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] in ("display_data", "update_display_data"):
                last = msg["content"]["data"].get("text/plain", "")
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        # the interrupted cell returns at once; its training stops after the batch (and callbacks) it is in
        status, out, error = self.run_cell(
            "for (int i = 0; i < 3000 && trainer.isRunning(); i++) Thread.sleep(10);\n"
            "var h = trainer.history();\n"
            "System.out.println(h.stopReason() + \" \" + (h.steps() > 0) + \" \" + (h.steps() < 8_000_000L)"
            " + \" running=\" + trainer.isRunning() + \" steps=\" + h.steps());")
        self.assertEqual(("ok", None), (status, error))
        return last or "", out

    def test_an_interrupted_training_keeps_its_history_and_the_kernel(self):
        last, out = self.interrupt_a_training(self.TRAINING)
        self.assertIn("Trainer.fit: interrupted at epoch", last, f"the progress display stayed frozen; the training: {out!r}")
        self.assertTrue(out.startswith("INTERRUPTED true true running=false"), out)

    def test_an_interrupt_stops_a_training_whose_callback_swallows_it(self):
        # a student's callback that sleeps and ignores InterruptedException clears the thread's interrupt flag
        last, out = self.interrupt_a_training(
            self.TRAINING + "\ntrainer.addCallback(new Callback() {\n"
            "    public void onBatchEnd(Trainer t, long step, double loss) {\n"
            "        try { Thread.sleep(1); } catch (InterruptedException e) { }\n"
            "    }\n"
            "});")
        self.assertTrue(out.startswith("INTERRUPTED true true running=false"), out)
        self.assertIn("Trainer.fit: interrupted at epoch", last, f"the progress display stayed frozen; the training: {out!r}")


class KernelShutdownTest(unittest.TestCase):
    """A shutdown (and so a restart) does not wait for Jupyter to give up on the kernel and kill it."""

    def test_the_kernel_exits_by_itself_on_a_shutdown_request(self):
        km, kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=300, stderr=subprocess.DEVNULL)
        try:
            kc.execute_interactive('System.out.println("ready");', timeout=120)
            process = km.provisioner.process
            start = time.monotonic()
            km.request_shutdown()
            while process.poll() is None and time.monotonic() - start < 30:
                time.sleep(0.02)
            seconds = time.monotonic() - start
            print(f"kernel exit after the shutdown request: {seconds:.2f} s")
            # JJava alone stays alive (its idle cell threads are not daemons) until Jupyter kills it
            self.assertEqual(0, process.poll(), f"the kernel did not exit by itself within {seconds:.0f} s")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)

if __name__ == "__main__":
    unittest.main()
