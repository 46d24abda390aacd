#!/usr/bin/env python3
"""Digests of every file opsbook writes, to show a refactoring changes no byte of the output.

    python3 bench/site_digests.py > before.txt     # on the commit before
    python3 bench/site_digests.py > after.txt      # on the commit after
    diff before.txt after.txt                      # nothing: the sites and reports are byte-identical

Builds (with bin/opsbook and the packaged jar: run `mvn -q package -DskipTests -Dinvoker.skip=true` first)
the example handbook (content/) and the 10k synthetic corpus (../shared/bench/gen_corpus.py --services 500
--runbooks 20 --seed 1), both as of 2026-11-21 with SOURCE_DATE_EPOCH fixed, and `check` on each too;
prints one line per file: corpus, command, path, SHA-256. --corpus example|10k builds only one.
"""
import argparse
import hashlib
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAUNCHER = os.path.join(ROOT, "bin", "opsbook")
GEN = os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py")


def digests(out):
    for folder, dirs, files in os.walk(out):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                yield os.path.relpath(path, out), hashlib.sha256(f.read()).hexdigest()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", choices=["example", "10k"])
    args = ap.parse_args()
    env = dict(os.environ, SOURCE_DATE_EPOCH="1795000000", OPSBOOK_CDS="0")
    with tempfile.TemporaryDirectory(prefix="opsbook-digests-") as tmp:
        corpora = {"example": os.path.join(ROOT, "content")}
        if args.corpus != "example":
            gen = os.path.join(tmp, "10k")
            subprocess.run([sys.executable, GEN, "--services", "500", "--runbooks", "20", "--seed", "1", "--out", gen],
                           check=True, stdout=subprocess.DEVNULL)
            corpora["10k"] = os.path.join(gen, "opsbook")
        for corpus, content in corpora.items():
            if args.corpus and corpus != args.corpus:
                continue
            for command in ("build", "check"):
                out = os.path.join(tmp, corpus + "-" + command)
                run = subprocess.run([LAUNCHER, command, "--content", content, "--out", out, "--as-of", "2026-11-21"],
                                     env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                if run.returncode > 1:
                    sys.exit(run.stdout)
                console = hashlib.sha256(run.stdout.encode()).hexdigest()
                print(corpus, command, "(console, exit %d)" % run.returncode, console)
                for path, digest in digests(out):
                    print(corpus, command, path, digest)


if __name__ == "__main__":
    main()
