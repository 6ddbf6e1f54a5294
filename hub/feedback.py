"""Returns graded feedback into each student's home folder on the course server.

    ./nnlab grade /home --out grades/ --notebook 01       # grades every home folder (one student each)
    ./nnlab hub return grades/ --homes /home               # grades/<student>/feedback.* -> /home/<student>/feedback/

For each student folder of the grader's --out folder (one with a grade.json: graded), copies
feedback.html, feedback.md and results.json into HOMES/<student>/feedback/ (written to a temporary file and
renamed, so a student never sees half a file), owned by the owner of the home folder when run as root.
A graded student without a home folder is reported and skipped; the exit status is then 1.
"""
import argparse
import os
import pathlib
import shutil
import sys

FILES = ("feedback.html", "feedback.md", "results.json")


def deliver(grades, homes, folder="feedback", log=print):
    """Copies the feedback of every graded student; returns (delivered students, problems)."""
    grades, homes = pathlib.Path(grades), pathlib.Path(homes)
    if not grades.is_dir():
        raise SystemExit(f"expected the --out folder of ./nnlab grade, but {grades} is not a folder.\n"
                         f"Hint: ./nnlab grade {homes} --out {grades} first.")
    students = sorted(d for d in grades.iterdir() if d.is_dir() and (d / "grade.json").is_file())
    if not students:
        raise SystemExit(f"expected graded students in {grades} (folders with a grade.json), but found none.\n"
                         f"Hint: ./nnlab grade {homes} --out {grades}")
    delivered, problems = [], []
    for s in students:
        home = homes / s.name
        if not home.is_dir():
            problems.append(f"{s.name}: no home folder {home}; feedback not returned")
            continue
        owner = home.stat()
        dst = home / folder
        dst.mkdir(exist_ok=True)
        for name in FILES:
            src = s / name
            if not src.is_file():
                continue
            tmp = dst / f".{name}.partial"
            shutil.copyfile(src, tmp)
            if os.getuid() == 0:
                os.chown(tmp, owner.st_uid, owner.st_gid)
            os.replace(tmp, dst / name)
        if os.getuid() == 0:
            os.chown(dst, owner.st_uid, owner.st_gid)
        delivered.append(s.name)
        log(f"    {s.name}: {dst}")
    return delivered, problems


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("grades", help="the --out folder of ./nnlab grade")
    p.add_argument("--homes", default="/home", help="the folder of the students' home folders (default /home)")
    p.add_argument("--folder", default="feedback", help="the folder inside each home (default feedback)")
    a = p.parse_args(argv)
    delivered, problems = deliver(a.grades, a.homes, a.folder)
    print(f"returned feedback to {len(delivered)} student(s) in {a.homes}/<student>/{a.folder}/")
    for m in problems:
        print("warning: " + m, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
