"""Tests of the benchmark tools (tools/bench): the comparison table and its ratios, the MNIST reader's
errors. Run by ./nnlab test (python -m unittest discover -s tools/tests); numpy is in requirements.txt.
"""
import argparse
import contextlib
import io
import os
import pathlib
import struct
import sys
import tempfile
import unittest
import unittest.mock
from types import SimpleNamespace

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "bench"))
import compare  # noqa: E402


def result(name, threads, seconds, train=60000, acc=0.97, **extra):
    model = name.split()[1]
    return dict(name=name, model=model, threads=threads, seconds=seconds, train=train, test_accuracy=[acc],
                loads=[2.0, 3.0], environment=f"{name} env", **extra)


class CompareReportTest(unittest.TestCase):

    def assertShows(self, table, *lines):
        for line in lines:
            self.assertIn(line, table)

    def test_ratios_use_the_steady_state_median_of_each_and_the_best_baseline(self):
        # nnlab's first two epochs are its warm-up; numpy's fast first epoch is left out alike
        rs = [result("nnlab mlp", "1", [20.0, 12.0, 10.0, 11.0, 12.0], gflop_per_epoch=192.6, peak_gflops=332.0),
              result("numpy mlp", "1", [7.0, 8.0, 12.0, 13.0, 14.0]), result("pytorch mlp", "2", [5.0, 6.0, 5.0, 6.0, 7.0]),
              result("nnlab cnn", "1", [30.0], train=6000), result("pytorch cnn", "1", [10.0], train=6000)]
        table = compare.report(rs, SimpleNamespace(warmup=2))
        self.assertShows(table, "steady: epochs 3-5 of each run (a run of 2 epochs or fewer: all of them).",
                         "| nnlab mlp | 1 | 1 | 10.0 | 11.0 | 20.0 | 97.00% | 19.3 | 6% | 2.0-3.0 |",
                         "| numpy mlp | 1 | 1 | 12.0 | 13.0 | 7.00 |",
                         "ratio nnlab / best baseline = 1.83 (goal <= 1.0; steady medians)",
                         "best baseline pytorch mlp 6.00 s (2 threads)",
                         "MLP, fastest steady epochs: nnlab 10.0 s, pytorch mlp 5.00 s: ratio 2.00",
                         # the CNN ran on 6,000 images: scaled to 60,000 and marked; one epoch is all steady state
                         "| nnlab cnn | 1 | 1 | 300.0* | 300.0* | 300.0* |",
                         "CNN: nnlab 300 s/epoch (1 threads), PyTorch 100 s (1 threads): ratio 3.00 (goal <= 1.25)",
                         "- nnlab (1 threads): nnlab mlp env")
        self.assertNotIn("by round", table)

    def test_rounds_pool_into_one_row_and_each_round_gets_its_ratio(self):
        runs = {1: ([2.0, 2.2], [2.4, 2.6]), 2: ([2.4, 2.6], [2.0, 2.2]), 3: ([2.1, 2.1], [3.0, 3.0])}
        rs = [result(name, "2", [4.0 if name.startswith("nnlab") else 1.0, 3.0 if name.startswith("nnlab") else 2.0]
                     + steady, round=k)
              for k, (nn, np_) in runs.items() for name, steady in (("nnlab mlp", nn), ("numpy mlp", np_))]
        table = compare.report(rs, SimpleNamespace(warmup=2))
        # steady epochs pooled over the rounds: nnlab 2.0 2.2 2.4 2.6 2.1 2.1, numpy 2.4 2.6 2.0 2.2 3.0 3.0
        self.assertShows(table, "steady: epochs 3-4 of each run, 3 runs of each alternated.",
                         "| nnlab mlp | 2 | 3 | 2.00 | 2.15 | 4.00 |", "| numpy mlp | 2 | 3 | 2.00 | 2.50 | 1.00 |",
                         "ratio nnlab / best baseline = 0.86 (goal <= 1.0; steady medians)",
                         "MLP, ratio nnlab / best baseline by round: 0.84, 1.19, 0.70")

    def test_a_run_no_longer_than_the_warmup_counts_whole(self):
        rs = [result("nnlab mlp", "2", [3.0, 2.0]), result("numpy mlp", "2", [2.5, 2.5])]
        table = compare.report(rs, SimpleNamespace(warmup=2))
        self.assertShows(table, "steady: every epoch.", "ratio nnlab / best baseline = 1.00")

    def test_a_revision_before_is_a_row_of_its_own_and_gets_an_after_over_before_ratio(self):
        rs = [result("nnlab@abc1234 mlp", "2", [3.0, 2.5]), result("nnlab mlp", "2", [2.2, 2.0]),
              result("numpy mlp", "2", [2.4]),
              result("nnlab@abc1234 cnn", "2", [6.0], train=6000), result("nnlab cnn", "2", [5.4], train=6000)]
        table = compare.report(rs, SimpleNamespace(warmup=0))
        self.assertIn("| nnlab@abc1234 mlp | 2 | 1 | 2.50 | 2.75 | 3.00 |", table)
        self.assertIn("MLP: nnlab 2.10 s/epoch (2 threads), nnlab@abc1234 2.75 s (2 threads): ratio after / before = 0.76",
                      table)
        self.assertIn("CNN: nnlab 54.0 s/epoch (2 threads), nnlab@abc1234 60.0 s (2 threads): ratio after / before = 0.90",
                      table)
        # the revision before is no baseline: nnlab is compared with numpy
        self.assertIn("best baseline numpy mlp 2.40 s (2 threads): ratio nnlab / best baseline = 0.88", table)
        self.assertIn("- nnlab@abc1234 (2 threads): nnlab@abc1234 mlp env", table)
        self.assertNotIn("UTC", table, "the table is timeless: docs quote it")

    def test_the_peak_is_the_working_trees_even_after_an_older_builds_row(self):
        rs = [result("nnlab@abc1234 mlp", "2", [2.0], gflop_per_epoch=192.6, peak_gflops=332.0),
              result("nnlab mlp", "2", [2.0], gflop_per_epoch=192.6, peak_gflops=166.0)]
        table = compare.report(rs, SimpleNamespace(warmup=2))
        self.assertIn("| nnlab mlp | 2 | 1 | 2.00 | 2.00 | 2.00 | 97.00% | 96.3 | 58% |", table)
        self.assertIn("peak 166 GFLOPS float32 (cores x clock x float32 operations per cycle and core, from /proc/cpuinfo)",
                      table)

    def test_without_baselines_there_is_no_ratio(self):
        table = compare.report([result("nnlab mlp", "2", [10.0])], SimpleNamespace(warmup=2))
        self.assertNotIn("ratio", table)

    def test_counts_are_whole_numbers_and_a_wrong_one_is_explained(self):
        self.assertEqual(3, compare.count("3"))
        self.assertEqual(0, compare.count_or_zero("0"))
        for bad, parse in (("0", compare.count), ("-1", compare.count_or_zero), ("two", compare.count)):
            with self.assertRaises(argparse.ArgumentTypeError) as e:
                parse(bad)
            self.assertIn(f"got {bad!r} (e.g. 3)", str(e.exception))

    def test_every_count_option_refuses_what_is_not_one_before_anything_runs(self):
        for option, bad, least in (("--rounds", "0", 1), ("--epochs", "-1", 1), ("--cnn-epochs", "0", 1),
                                   ("--train-limit", "many", 1), ("--warmup", "-1", 0), ("--cnn-train-limit", "-1", 0)):
            err = io.StringIO()
            with contextlib.redirect_stderr(err), self.assertRaises(SystemExit) as e, \
                    unittest.mock.patch.object(sys, "argv", ["compare.py", "--java", "j", "--classpath", "c", option, bad]):
                compare.main()
            self.assertEqual(2, e.exception.code)
            self.assertIn(f"argument {option}: expected a whole number >= {least}, got {bad!r}", err.getvalue())

    def test_torch_python_is_none_when_no_candidate_imports_torch(self):
        saved_root, saved_env = compare.ROOT, os.environ.pop("NNLAB_BENCH_PYTHON", None)
        try:
            with tempfile.TemporaryDirectory() as d:
                compare.ROOT = d   # no build/bench-venv there
                self.assertIsNone(compare.torch_python("/nonexistent/python"))
                self.assertIsNone(compare.torch_python(sys.executable if not _has_torch() else "/nonexistent"))
        finally:
            compare.ROOT = saved_root
            if saved_env is not None:
                os.environ["NNLAB_BENCH_PYTHON"] = saved_env


class RevisionTest(unittest.TestCase):

    def test_a_revision_that_is_not_one_is_explained(self):
        with self.assertRaises(SystemExit) as e:
            compare.revision_sha("no-such-revision-anywhere")
        self.assertIn("--before expects a git revision", str(e.exception))
        self.assertIn("got 'no-such-revision-anywhere'", str(e.exception))
        self.assertIn("Hint: git log --oneline", str(e.exception))

    def test_head_is_a_full_commit_id(self):
        self.assertRegex(compare.revision_sha("HEAD"), r"^[0-9a-f]{40}$")

    def test_the_benchmark_lives_in_bench_or_in_older_trees_in_lib(self):
        with tempfile.TemporaryDirectory() as d:
            self.assertEqual("lib", compare.benchmark_module(d))
            os.makedirs(os.path.join(d, "bench"))
            open(os.path.join(d, "bench", "pom.xml"), "w").close()
            self.assertEqual("bench", compare.benchmark_module(d))

    def test_the_class_path_of_a_build_is_the_module_jar_then_mavens_list(self):
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, "bench", "target"))
            for jar in ("nnlab-bench-0.1.0-SNAPSHOT.jar", "nnlab-bench-0.1.0-SNAPSHOT-sources.jar"):
                open(os.path.join(d, "bench", "target", jar), "w").close()
            with open(os.path.join(d, "cp.txt"), "w") as f:
                f.write("/r/lib.jar:/r/picocli.jar\n")
            self.assertEqual(os.path.join(d, "bench", "target", "nnlab-bench-0.1.0-SNAPSHOT.jar") + ":/r/lib.jar:/r/picocli.jar",
                             compare.classpath_of_build(d, "bench"))


def _has_torch():
    try:
        import torch  # noqa: F401
        return True
    except ImportError:
        return False


class MnistReaderTest(unittest.TestCase):

    def test_a_wrong_magic_number_names_the_file_and_says_what_to_do(self):
        import mnist_idx
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "bad")
            with open(path, "wb") as f:
                f.write(struct.pack(">IIII", 1234, 1, 28, 28) + bytes(784))
            with self.assertRaises(SystemExit) as e:
                mnist_idx._read(path, 2051)
            self.assertIn(f"expected magic number 2051 in {path} but was 1234", str(e.exception))
            self.assertIn("Hint: re-run ./nnlab setup", str(e.exception))
            with self.assertRaises(SystemExit) as e:
                mnist_idx._read(os.path.join(d, "missing"), 2051)
            self.assertIn("could not be read", str(e.exception))

    def test_images_are_read_as_rows_of_784(self):
        import mnist_idx
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "ok")
            with open(path, "wb") as f:
                f.write(struct.pack(">IIII", 2051, 2, 28, 28) + bytes(range(256)) * 6 + bytes(32))
            x = mnist_idx._read(path, 2051)
            self.assertEqual((2, 784), x.shape)
            self.assertEqual(255, x[0, 255])


if __name__ == "__main__":
    unittest.main()
