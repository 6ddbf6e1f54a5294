"""Writes the course server's "Java (nnlab)" kernelspec: the installed one (./nnlab setup) with the
per-kernel limits of hub/limits.json, into SHARE/kernels/java-nnlab, made read-only.

    .venv/bin/python hub/course_kernelspec.py --share build/hub/share/jupyter

Every student's server finds it first on JUPYTER_PATH (hub/jupyterhub_config.py). The limits:
  - Java heap: -Xmx (the kernel's own default is 4g, for one person on a laptop);
  - ND4J's off-heap arrays: -Dorg.bytedeco.javacpp.maxbytes (what JavaCPP allocates) and
    -Dorg.bytedeco.javacpp.maxphysicalbytes (the whole process's resident memory, checked at each
    allocation): past them a cell fails with an OutOfMemoryError that names the limit, the kernel lives;
  - CPU and memory of the process: hub/kernel-limits runs the JVM in a cgroup of its own where the
    machine allows (the hard limit: past it the kernel alone is killed), OMP_NUM_THREADS = its cores.
"""
import argparse
import json
import os
import pathlib
import shutil
import stat
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tools" / "kernel"))
import kernelspec  # noqa: E402  (tools/kernel/kernelspec.py: copy_installed)

NAME = "java-nnlab"


def limited_argv(argv, limits, wrapper):
    """The kernel's argv [java, opts..., -jar, jjava.jar, {connection_file}] run through `wrapper` with the
    JVM limits of `limits` (the "kernel" part of hub/limits.json) in place of the kernel's own -Xmx."""
    k = limits["kernel"]
    java, rest = argv[0], [a for a in argv[1:] if not a.startswith("-Xmx")]
    jvm = [f"-Xmx{k['heap']}", f"-Dorg.bytedeco.javacpp.maxbytes={k['offheap_max_bytes']}",
           f"-Dorg.bytedeco.javacpp.maxphysicalbytes={k['physical_max_bytes']}"]
    return [str(wrapper), str(k["cpus"]), str(k["memory_limit_mb"]), java, *jvm, *rest]


def write(share, limits):
    share = pathlib.Path(share)
    dst = share / "kernels" / NAME
    if dst.exists():
        for p in [dst, *dst.rglob("*")]:
            p.chmod(p.stat().st_mode | stat.S_IWUSR)
        shutil.rmtree(dst)
    kernelspec.copy_installed(str(share), name=NAME)
    with open(dst / "kernel.json") as f:
        spec = json.load(f)
    spec["argv"] = limited_argv(spec["argv"], limits, HERE / "kernel-limits")
    # the copy's own jjava.jar and start-up script, not the .venv's
    spec["argv"] = [str(dst / "jjava.jar") if a.endswith("jjava.jar") else a for a in spec["argv"]]
    spec["env"]["JJAVA_STARTUP_SCRIPTS_PATH"] = str(dst / "startup.jshell")
    spec["env"]["OMP_NUM_THREADS"] = str(limits["kernel"]["cpus"])
    with open(dst / "kernel.json", "w") as f:
        json.dump(spec, f, indent=2)
    for p in [dst, *dst.rglob("*")]:   # read-only for everyone, the owner included
        p.chmod(p.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    return dst


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--share", required=True, help="the share/jupyter folder the hub's servers put on JUPYTER_PATH")
    p.add_argument("--limits", default=str(HERE / "limits.json"))
    a = p.parse_args(argv)
    with open(a.limits) as f:
        limits = json.load(f)
    print(write(a.share, limits))


if __name__ == "__main__":
    main()
