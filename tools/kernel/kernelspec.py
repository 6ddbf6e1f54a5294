"""Writes the kernel.json of the "Java (nnlab)" kernelspec (JJava) to standard output.

Used by ./nnlab setup. The kernel runs JJava with the project's classpath (lib, its dependencies,
exercises), assertions enabled (-ea) and tools/kernel/startup.jshell run at start-up (the imports
the notebooks use). See docs/kernel.md for why JJava and for the measurements.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


# The JVM gives the C heap's free memory back to the system every second (glibc's malloc_trim). ND4J's
# arrays live in malloc'd memory; glibc keeps what they free (arrays the garbage collector released, a
# training's workspace freed when `fit` ends) in its arenas, so the kernel's resident memory only grows.
# 07's default run, after the CNN cell: 1,239 MB without, 959 MB with (tools/bench/kernel_memory.py).
# The option exists from Java 17.0.9 on; an older JVM is not given it (it would refuse to start).
TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=1000"


def accepts(java, option):
    """Whether `java` starts with the JVM option `option`."""
    try:
        return subprocess.run([java, option, "-version"], capture_output=True, timeout=120).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def kernel_json(java, spec_dir, classpath, display_name, data_dir, cds_archive=None):
    jvm_opts = [
        "-ea",  # notebooks and self-checks may use `assert`
        "-Xmx4g",
        "-XX:+UseSerialGC",  # 2-core laptops: no parallel GC threads competing with ND4J
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        # JavaCPP's check of the process's resident memory off (as ./nnlab bench runs, bench/Machine.java):
        # it reads /proc/self/statm each time ND4J wraps native memory in a pointer, several times per
        # operation, to call the garbage collector when the kernel holds more than 16 GB (JavaCPP's default
        # for a 4 GB heap). A training step's arrays live in a workspace that the next step reuses.
        "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0",
    ]
    if accepts(java, TRIM_NATIVE_HEAP):
        jvm_opts.append(TRIM_NATIVE_HEAP)
    if cds_archive:
        # the classes of JShell, javac, JJava, ND4J and nnlab mapped from the archive that tools/kernel/cds.py
        # wrote, instead of read from jars at every start; a missing or stale archive is skipped silently
        jvm_opts += ["-XX:SharedArchiveFile=" + cds_archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"]
    spec = {
        # The kernel JVM is started directly, not through jjava-launcher.jar: the launcher would
        # start a second JVM with the plain `java` found on PATH (maybe not Java 17) and, killed
        # alone, could leave that JVM behind. These are the arguments the launcher passes.
        # org.nnlab.kernel.NnlabKernel (tools/kernel/NnlabKernel.java, compiled by ./nnlab setup into
        # nnlab-kernel.jar) is JJava's kernel with the real exception class as ename, library-style messages,
        # an exit on shutdown, interrupted trainings that end their progress display, and Shift+Tab with Javadoc.
        # --add-opens: JJava reads a JShell internal; NnlabKernel gives JShell the library's sources for Javadoc.
        "argv": [java, *jvm_opts, "--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED",
                 "-cp", os.pathsep.join([os.path.join(spec_dir, "jjava.jar"), os.path.join(spec_dir, "nnlab-kernel.jar")]),
                 "org.nnlab.kernel.NnlabKernel", "{connection_file}"],
        "display_name": display_name,
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            "JJAVA_CLASSPATH": classpath,
            "JJAVA_STARTUP_SCRIPTS_PATH": os.path.join(spec_dir, "startup.jshell"),
            # JJava's extension loading scans every jar of the class path for services (~0.4 s of start-up,
            # median of 6 starts 3.47 -> 3.03 s to the first ND4J result); the one extension there is
            # (JJava's NotebookInitializer: two static imports) is done by startup.jshell instead
            "JJAVA_LOAD_EXTENSIONS": "0",
            "NNLAB_DATA": data_dir,  # Mnist.digits() finds $NNLAB_DATA/mnist wherever a notebook is opened
            # the library's sources, read by JShell for the Javadoc that Shift+Tab shows
            "NNLAB_SOURCE_PATH": os.pathsep.join(os.path.join(ROOT, m, "src", "main", "java") for m in ("lib", "exercises")),
            # ND4J's OpenMP threads spin briefly (microseconds), then sleep, between two operations (as
            # ./nnlab bench runs): an MLP batch is ~80 short ops. MLP epoch, quiet 2 cores: 5.2 s vs 6.8 s when
            # they sleep at once (OMP_WAIT_POLICY=PASSIVE); ~10% slower than that beside 2 busy processes.
            # libgomp's default spin (~300,000 turns) was ~2x slower on a loaded laptop (docs/performance.md).
            "GOMP_SPINCOUNT": "10000",
        },
        "metadata": {"debugger": False},
    }
    return spec


def installed_dir(name="java-nnlab"):
    """The folder of the installed kernelspec `name`; exits with a hint when it is not installed."""
    from jupyter_client.kernelspec import KernelSpecManager
    d = KernelSpecManager().find_kernel_specs().get(name)
    if not d:
        sys.exit(f"expected the {name} kernelspec to be installed but it was not.\nHint: run ./nnlab setup.")
    return d


def copy_installed(root, add=(), drop=(), name="java-nnlab", env=None):
    """Copies the installed kernelspec into root/kernels/name (a JUPYTER_PATH for root) with the JVM
    options `add` put after the java executable, the kernel's own options starting with a prefix in
    `drop` left out and the environment variables `env` (a dict) set; returns root. Used to start
    variants of the kernel (tools/kernel/cds.py, tools/bench/kernel_start.py) without touching the
    installed one."""
    dst = os.path.join(root, "kernels", name)
    shutil.copytree(installed_dir(name), dst)
    with open(os.path.join(dst, "kernel.json")) as f:
        spec = json.load(f)
    keep = [a for a in spec["argv"][1:] if not any(a.startswith(d) for d in drop)]
    spec["argv"] = spec["argv"][:1] + list(add) + keep
    spec.setdefault("env", {}).update(env or {})
    with open(os.path.join(dst, "kernel.json"), "w") as f:
        json.dump(spec, f)
    return root


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--java", required=True, help="absolute path of the java executable (17+)")
    p.add_argument("--spec-dir", required=True, help="the kernelspec folder (holds the jjava jars)")
    p.add_argument("--classpath-file", required=True, help="file with the ':'-separated classpath")
    p.add_argument("--name", default="Java (nnlab)", help="display name")
    p.add_argument("--data-dir", required=True, help="the data folder (NNLAB_DATA) the notebooks read")
    p.add_argument("--cds-archive", help="class-data-sharing archive of the kernel's classes (tools/kernel/cds.py)")
    a = p.parse_args(argv)
    with open(a.classpath_file, encoding="utf-8") as f:
        classpath = f.read().strip()
    if not classpath:
        sys.exit(f"kernelspec.py: the classpath file {a.classpath_file} is empty; run ./nnlab setup again.")
    json.dump(kernel_json(a.java, os.path.abspath(a.spec_dir), classpath, a.name, os.path.abspath(a.data_dir),
                          os.path.abspath(a.cds_archive) if a.cds_archive else None),
              sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
