#!/usr/bin/env python3
"""Real Markdown at scale: the prometheus-operator runbooks of ../shared/realworld, copied unchanged N times.

    python3 bench/real_corpus.py --copies 50 --out /dev/shm/opsbook-bench/real50

Writes OUT/opsbook/ (each copy's component folders as services, <component>-<k>/, read in place through a
layout, as a team would point opsbook at its runbook repository) and OUT/hugo/ (the same files under
content/, with the minimal layouts and config of ../shared/bench/gen_corpus.py --hugo). The text is the real
text, never generated: only the folder names carry the copy's number.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNBOOKS = os.path.join(ROOT, "..", "shared", "realworld", "prometheus-operator-runbooks", "runbooks")
GEN = os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py")


def copy_runbooks(into, copies):
    pages = 0
    for k in range(1, copies + 1):
        for dirpath, _, files in os.walk(RUNBOOKS):
            rel = os.path.relpath(dirpath, RUNBOOKS)
            if rel == ".":
                continue  # the top _index.md: once, below
            parts = rel.split(os.sep)
            parts[0] = "%s-%d" % (parts[0], k)
            target = os.path.join(into, *parts)
            os.makedirs(target, exist_ok=True)
            for f in files:
                shutil.copyfile(os.path.join(dirpath, f), os.path.join(target, f))
                pages += f.endswith(".md")
    shutil.copyfile(os.path.join(RUNBOOKS, "_index.md"), os.path.join(into, "_index.md"))
    return pages


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--copies", type=int, default=50)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    if not os.path.isdir(RUNBOOKS):
        sys.exit("no %s: ../shared/realworld must be beside the repository" % RUNBOOKS)
    shutil.rmtree(a.out, ignore_errors=True)
    ops = os.path.join(a.out, "opsbook")
    os.makedirs(os.path.join(ops, "teams"))
    pages = copy_runbooks(ops, a.copies)
    with open(os.path.join(ops, "severities.yaml"), "w") as f:
        f.write("severities:\n  - { id: critical, name: Critical }\n  - { id: warning, name: Warning }\n"
                "  - { id: info, name: Info }\n")
    with open(os.path.join(ops, "teams", "sre.yaml"), "w") as f:
        f.write("name: SRE\nmembers:\n  - { id: amelia, name: Amelia Park }\n")
    with open(os.path.join(ops, "opsbook.yaml"), "w") as f:
        f.write('layouts:\n  - runbooks: "{service}/{runbook}.md"\n    owner: sre\n')
    hugo = os.path.join(a.out, "hugo")
    with tempfile.TemporaryDirectory() as tmp:  # the benchmark's minimal Hugo layouts and config
        subprocess.run([sys.executable, GEN, "--services", "1", "--runbooks", "1", "--seed", "1", "--out", tmp, "--force",
                        "--hugo"], check=True, stdout=subprocess.DEVNULL)
        shutil.copytree(os.path.join(tmp, "hugo", "layouts"), os.path.join(hugo, "layouts"))
        shutil.copyfile(os.path.join(tmp, "hugo", "config.toml"), os.path.join(hugo, "config.toml"))
    copy_runbooks(os.path.join(hugo, "content"), a.copies)
    print("%d runbook files (%d copies of %s) in %s" % (pages, a.copies, RUNBOOKS, a.out))


if __name__ == "__main__":
    main()
