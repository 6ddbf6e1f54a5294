#!/usr/bin/env python3
"""Print the markdown comparison table from measure.py's results.json files.

    .venv/bin/python tools/kernel-bench/table.py /tmp/kb/results/jjava/results.json /tmp/kb/results/rapaio/results.json

A results file may hold only some of the measures (measure.py --skip ...); several files of the
same kernel are merged, the later ones filling in what the earlier ones lack.
"""
import json
import sys


def merge(paths):
    by_kernel = {}
    for p in paths:
        with open(p) as f:
            r = json.load(f)
        cur = by_kernel.setdefault(r["kernel"], {})
        for k, v in r.items():
            if k not in cur or k in ("load_before", "load_after"):
                cur.setdefault(k, v)
    return by_kernel


def yn(b):
    return "yes" if b else "no"


def row_values(r):
    v = {}
    s = r.get("starts_summary")
    if s:
        v["starts"] = f"{s['ok']}/{s['n']} ok, {s['failed']} failed"
        if "first_result_median" in s:
            v["first"] = (f"{s['first_result_min']:.1f} / {s['first_result_median']:.1f} / "
                          f"{s['first_result_max']:.1f}")
            v["ready"] = f"{s['ready_median']:.1f}"
        v["load"] = f"{s['load1_min']:.2f} – {s['load1_max']:.2f}"
    if "interrupts" in r:
        ints = r["interrupts"]
        ok = sum(x["ok"] for x in ints)
        ends = [x["loop_ended_s_after_interrupt"] for x in ints if x.get("ok")]
        v["interrupt"] = f"{ok}/{len(ints)}" + (f" (loop ended {max(ends):.2f} s after interrupt at most)" if ends else
                                                " (loop still running 20 s after interrupt; next cell never ran)")
    f = r.get("features", {})
    if "nd4j_first" in f:
        n = f["nd4j_first"]
        v["nd4j"] = f"{n['seconds']:.1f} s, {'correct' if n['correct'] else 'WRONG'} (2nd call {f['nd4j_second_s']:.2f} s)"
    if "display" in f:
        v["display"] = yn(f["display"]["ok"])
    if "image" in f:
        v["image"] = yn(f["image"]["ok"])
    if "assert_with_ea" in f:
        ne = r.get("noea", {})
        v["assert"] = (f"without -ea: {'raises' if ne.get('raised') else 'no error'}; "
                       f"with -ea: {'AssertionError' if f['assert_with_ea']['raised'] else 'no error'}")
    if "startup_script" in f:
        v["startup"] = yn(f["startup_script"]["ok"])
    if "error_runtime" in f:
        er, ec = f["error_runtime"], f["error_compile"]
        ename = lambda x: next((m["content"]["ename"] for m in x["iopub"] if m["msg_type"] == "error"), "-")
        v["error"] = (f"runtime: {yn(er['has_fields'])} ({ename(er)}); compile: {yn(ec['has_fields'])} ({ename(ec)})")
    if "bare_expression" in f:
        res = [m for m in f["bare_expression"]["iopub"] if m["msg_type"] == "execute_result"]
        v["bare"] = ("execute_result " + ", ".join(sorted(res[0]["content"]["data"]))) if res else "nothing"
    return v


ROWS = [
    ("starts", "Cold starts, full classpath (start → `println(1+1)` = 2, timeout 180 s)"),
    ("first", "Start → first result, s (min / median / max, successful starts)"),
    ("ready", "Start → kernel ready (kernel_info), median s"),
    ("load", "1-min load average during the starts"),
    ("interrupt", "Interrupt `while (true) {}` then `println(\"alive\")`"),
    ("nd4j", "First ND4J cell (`Nd4j.ones(2,2).mmul(...)`)"),
    ("display", "display + updateDisplay (display_data → update_display_data, same display_id)"),
    ("image", "PNG image (BufferedImage → display_data image/png)"),
    ("assert", "`assert false : \"x\";`"),
    ("startup", "Start-up script imports usable in cells"),
    ("error", "Cell error → iopub `error` with ename/evalue/traceback"),
    ("bare", "Bare final expression `q + 2`"),
]


def main(paths):
    data = merge(paths)
    kernels = [k for k in ("jjava", "rapaio") if k in data]
    vals = {k: row_values(data[k]) for k in kernels}
    print("| Measure | " + " | ".join(kernels) + " |")
    print("|---|" + "---|" * len(kernels))
    for key, label in ROWS:
        print(f"| {label} | " + " | ".join(vals[k].get(key, "not measured") for k in kernels) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
