#!/usr/bin/env python3
"""opsbook against Hugo on the same synthetic handbook, side by side in one run.

    python3 bench/benchmark.py                # 500 services x 20 runbooks, 3 runs each, then 52k pages
    python3 bench/benchmark.py --runs 5 --no-big
    python3 bench/benchmark.py --profile      # where one 10k build spends its time (JFR), nothing else
    python3 bench/benchmark.py --perf         # the same with Linux perf: the JIT, GC and kernel included
    python3 bench/benchmark.py --rotas        # rota expansion: 500 services x 3 layers, 26 to 104 weeks
    python3 bench/benchmark.py --no-big --no-serve --runs 1   # the ways, real Markdown, check, the example

Builds and installs this checkout first (mvn install without tests; --no-build measures what is already
built). Generates the corpora with ../shared/bench/gen_corpus.py (the handbook and the same Markdown as a Hugo
site), builds each with opsbook (bin/opsbook, the launcher users run, JVM options included) and with
Hugo alternately after one untimed run of each, output on tmpfs (/dev/shm), and prints the medians:
wall time, pages per second, the ratio, peak RSS and CPU time (/usr/bin/time -v); the floor the Markdown
library alone sets (bench/MarkdownFloor.java: commonmark-java parsing and rendering every runbook, nothing
else, in the launcher's JVM) against the time twice Hugo's rate allows; `opsbook check` on the same
corpus (what a team's build runs: every check and the reports, no pages); the reader's first search
on the 10k site (bench/first-search.js, with node if it is installed); the example handbook's
build time and what `mvn opsbook:generate` adds to Maven's own start on it; every other way users run it (java
-jar, the distribution, the Maven goals) and real Markdown (bench/real_corpus.py) against Hugo; the warm rebuild
after one runbook changed, and whether it is byte-identical to a cold build; then the 52k-page build with
-Xmx1g and its pages per second against the 10k rate; then the serve-mode rebuild after one runbook
changes. Needs python3, java, mvn, /usr/bin/time and hugo (apt-get install hugo).
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "generator", "target", "opsbook.jar")
LAUNCHER = os.path.join(ROOT, "bin", "opsbook")


def run_timed(cmd, env=None, cwd=None):
    """Runs cmd under /usr/bin/time -v; returns (wall seconds, peak RSS in MB, CPU seconds: user + system)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        start = time.monotonic()
        proc = subprocess.run(["/usr/bin/time", "-v", "-o", t.name] + cmd, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)
        wall = time.monotonic() - start
        report = open(t.name).read()
    if proc.returncode not in (0, 1):  # opsbook exits 1 when the corpus has error findings
        sys.exit("failed: %s\n%s" % (" ".join(cmd), proc.stderr[-2000:]))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1)) / 1024
    cpu = sum(float(re.search(r"%s time \(seconds\): ([\d.]+)" % kind, report).group(1)) for kind in ("User", "System"))
    return wall, rss, cpu


def pages(out):
    return sum(1 for _, _, files in os.walk(out) for f in files if f.endswith(".html"))


def generate(gen, services, runbooks, out, hugo):
    if os.path.isdir(os.path.join(out, "opsbook")):
        return
    cmd = [sys.executable, gen, "--services", str(services), "--runbooks", str(runbooks), "--seed", "1", "--out", out]
    if hugo:
        cmd.append("--hugo")
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def opsbook_cmd(content, out, command="build"):
    """opsbook as users run it: the launcher, bin/opsbook (its JVM options are part of what is measured)."""
    return [LAUNCHER, command, "--content", content, "--out", out, "--as-of", "2026-11-21"]


def opsbook_env(jvm):
    env = dict(os.environ)
    if jvm:
        env["OPSBOOK_JAVA_OPTS"] = jvm
    return env


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--services", type=int, default=500)
    p.add_argument("--runbooks", type=int, default=20)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--work", default="/dev/shm/opsbook-bench")
    p.add_argument("--gen", default=os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py"))
    p.add_argument("--jvm", default="", help="JVM options added to the launcher's (OPSBOOK_JAVA_OPTS)")
    p.add_argument("--no-big", action="store_true", help="skip the 52k-page build")
    p.add_argument("--no-serve", action="store_true", help="skip the serve-mode rebuild")
    p.add_argument("--only-serve", action="store_true", help="only the serve-mode rebuild")
    p.add_argument("--only-warm", action="store_true", help="only the warm rebuild with the build cache")
    p.add_argument("--no-maven", action="store_true", help="skip the Maven plugin's figure")
    p.add_argument("--no-real", action="store_true",
                   help="skip real Markdown: the shared prometheus-operator runbooks copied 50 times (bench/real_corpus.py)")
    p.add_argument("--no-ways", action="store_true",
                   help="skip the other ways of running it on the 10k corpus (java -jar, the distribution, Maven)")
    p.add_argument("--rotas", action="store_true",
                   help="only rota expansion: every service's rota as three follow-the-sun layers, check and build"
                        " with rotaHorizonWeeks 26, 52 and 104 (time and peak RSS grow linearly with the weeks)")
    p.add_argument("--no-parts", action="store_true",
                   help="skip the many-repositories figure (200 parts of 50 runbooks against one folder)")
    p.add_argument("--only-parts", action="store_true", help="only the many-repositories figure")
    p.add_argument("--no-build", action="store_true",
                   help="measure the jar and plugin already built and installed instead of building this checkout first")
    p.add_argument("--profile", action="store_true",
                   help="record one 10k build with Java Flight Recorder and print its hottest methods and libraries")
    p.add_argument("--perf", action="store_true",
                   help="record one 10k build with Linux perf and print the CPU time by library, JVM and kernel")
    a = p.parse_args()

    if not a.no_build or not os.path.isfile(JAR):
        # this checkout, built and installed (the Maven plugin is measured from the local repository)
        print("building this checkout (mvn install, no tests)", flush=True)
        subprocess.run(["mvn", "-q", "install", "-DskipTests", "-Dinvoker.skip=true"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    os.makedirs(a.work, exist_ok=True)
    if a.rotas:
        rotas(a)
        return
    if a.only_parts:
        parts(a)
        return
    small = os.path.join(a.work, "c%dx%d" % (a.services, a.runbooks))
    generate(a.gen, a.services, a.runbooks, small, True)

    if a.profile:
        profile(os.path.join(small, "opsbook"), os.path.join(a.work, "out-opsbook"), a)
        return
    if a.perf:
        perf_profile(os.path.join(small, "opsbook"), os.path.join(a.work, "out-opsbook"), a)
        return
    if a.only_warm:
        warm_rebuild(a, os.path.join(small, "opsbook"))
        return

    ops, hug = [], []
    env = opsbook_env(a.jvm)
    if not a.only_serve:
        # one untimed run of each first: files in the page cache, and the launcher's class archive made
        run_timed(opsbook_cmd(os.path.join(small, "opsbook"), os.path.join(a.work, "out-opsbook")), env)
        run_timed(["hugo", "--quiet", "-s", os.path.join(small, "hugo"), "-d", os.path.join(a.work, "out-hugo")])
    for i in range(0 if a.only_serve else a.runs):
        for name, cmd, out, into in (
                ("opsbook", opsbook_cmd(os.path.join(small, "opsbook"), os.path.join(a.work, "out-opsbook")),
                 os.path.join(a.work, "out-opsbook"), ops),
                ("hugo", ["hugo", "--quiet", "-s", os.path.join(small, "hugo"), "-d", os.path.join(a.work, "out-hugo")],
                 os.path.join(a.work, "out-hugo"), hug)):
            shutil.rmtree(out, ignore_errors=True)
            wall, rss, cpu = run_timed(cmd, env if name == "opsbook" else None)
            into.append((wall, rss, pages(out), cpu))
            print("run %d %-8s %6.2f s %7.0f MB %6d pages %6.1f s of CPU" % (i + 1, name, wall, rss, into[-1][2], cpu),
                  flush=True)

    def summary(rows):
        wall = statistics.median(r[0] for r in rows)
        return wall, max(r[1] for r in rows), rows[0][2], rows[0][2] / wall, statistics.median(r[3] for r in rows)

    if a.only_serve:
        a.no_big = True
    else:
        report(ops, hug, a, summary)
        if not a.no_ways:
            ways(a, os.path.join(small, "opsbook"), summary(hug))
        if not a.no_real:
            real_markdown(a)
        warm_rebuild(a, os.path.join(small, "opsbook"))
        if not a.no_parts:
            parts(a)
        markdown_floor(os.path.join(small, "opsbook"), a, summary(hug)[3], summary(ops)[0])
        check(os.path.join(small, "opsbook"), os.path.join(a.work, "out-check"), env, a.runs)
        first_search(os.path.join(a.work, "out-opsbook"))
        example(env)
        if not a.no_maven:
            maven_plugin()
    serve_and_big(a, small, ops and summary(ops)[3])


def report(ops, hug, a, summary):
    ow, orss, opages, orate, ocpu = summary(ops)
    hw, hrss, hpages, hrate, hcpu = summary(hug)
    print()
    print("machine: %d cores, %.0f GiB; %s" % (os.cpu_count(), os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30,
                                              time.strftime("%Y-%m-%d")))
    print("%-8s %8s %10s %10s %10s %12s" % ("", "pages", "median s", "pages/s", "peak RSS", "CPU s"))
    print("%-8s %8d %10.2f %10.0f %8.0f MB %12.1f" % ("opsbook", opages, ow, orate, orss, ocpu))
    print("%-8s %8d %10.2f %10.0f %8.0f MB %12.1f" % ("hugo", hpages, hw, hrate, hrss, hcpu))
    print("ratio (opsbook pages/s / hugo pages/s): %.2f  (target >= 2)" % (orate / hrate))
    print("opsbook peak RSS: %.0f MB  (target < 500)" % orss)



def markdown_floor(content, a, hugo_rate, opsbook_wall):
    """The time commonmark-java alone takes for the corpus's runbooks (bench/MarkdownFloor.java: read,
    parse and render every body on every core, nothing else), run through bin/opsbook so that the JVM
    and its options are the build's, against the time the whole build may take at twice Hugo's rate."""
    work = os.path.join(a.work, "markdown-floor")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "classes"))
    subprocess.run(["javac", "-d", os.path.join(work, "classes"), "-cp", JAR,
                    os.path.join(ROOT, "bench", "MarkdownFloor.java")], check=True)
    jar = os.path.join(work, "markdown-floor.jar")
    with zipfile.ZipFile(jar, "w") as z:  # the launcher runs a jar: one whose classes come from opsbook.jar
        z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: MarkdownFloor\nClass-Path: %s\n\n"
                   % urllib.request.pathname2url(os.path.abspath(JAR)))
        z.write(os.path.join(work, "classes", "MarkdownFloor.class"), "MarkdownFloor.class")
    env = opsbook_env(a.jvm)
    env["OPSBOOK_JAR"] = jar
    env["XDG_CACHE_HOME"] = os.path.join(work, "cache")  # its own class archive, beside opsbook's
    cmd = [LAUNCHER, content]
    run_timed(cmd, env)  # untimed: the class archive
    rows = [run_timed(cmd, env) for _ in range(a.runs)]
    wall, cpu = statistics.median(r[0] for r in rows), statistics.median(r[2] for r in rows)
    budget = pages(os.path.join(a.work, "out-opsbook")) / (2 * hugo_rate)
    print("commonmark-java alone on the 10k runbooks (read, parse, render; nothing else): %.2f s, %.1f s of CPU;"
          " a build at twice Hugo's rate has %.2f s for everything: Markdown alone takes %.0f %% of it"
          " (of opsbook's %.2f s: %.0f %%)" % (wall, cpu, budget, 100 * wall / budget, opsbook_wall, 100 * wall / opsbook_wall))


def first_search(site):
    """The reader's first search on the 10k site, in node (V8, Chromium's engine), if node is installed."""
    if not shutil.which("node"):
        print("first search: skipped (no node)")
        return
    out = subprocess.run(["node", "--expose-gc", os.path.join(ROOT, "bench", "first-search.js"), site],
                         check=True, capture_output=True, text=True).stdout.strip()
    print("10k " + out)


FOLLOW_THE_SUN = """timezone: Europe/London
coverage: 24x7
rotation: 1w
layers:
  - name: APAC
    timezone: Australia/Sydney
    start: 2026-11-02T10:00
    hours: { days: [mon, tue, wed, thu, fri, sat, sun], from: "10:00", to: "18:00" }
    lead: [%(a)s, %(b)s]
    engineer: [%(b)s, %(a)s]
    shadow: [%(c)s]
  - name: EMEA
    timezone: Europe/London
    start: 2026-11-02T07:00
    hours: { days: [mon, tue, wed, thu, fri, sat, sun], from: "07:00", to: "15:00" }
    lead: [%(c)s, %(a)s]
    engineer: [%(a)s, %(b)s]
    holidays:
      days:
        - { date: 2026-12-25, name: Christmas Day, lead: %(b)s, engineer: %(c)s }
        - { date: 2027-12-25, name: Christmas Day, lead: %(b)s, engineer: %(c)s }
  - name: AMER
    timezone: America/New_York
    start: 2026-11-02T10:00
    hours: { days: [mon, tue, wed, thu, fri, sat, sun], from: "10:00", to: "18:00" }
    lead: [%(b)s, %(c)s]
    engineer: [%(c)s, %(b)s]
escalation:
  - { after: 10m, contact: %(a)s }
"""


def rotas(a):
    """Rota expansion at scale: 500 services (one runbook each), every rota three layers handing over in three
    zones with a shadow and holiday cover, checked and built with a horizon of 26, 52 and 104 weeks."""
    base = os.path.join(a.work, "rotas-c%dx1" % a.services)
    generate(a.gen, a.services, 1, base, False)
    content = os.path.join(base, "opsbook")
    people = {}
    for team in sorted(os.listdir(os.path.join(content, "teams"))):
        text = open(os.path.join(content, "teams", team)).read()
        people[team[:-5]] = re.findall(r"id: ([a-z0-9-]+)", text)
    services = sorted(os.listdir(os.path.join(content, "services")))
    for sid in services:
        folder = os.path.join(content, "services", sid)
        owner = re.search(r"^owner: (\S+)", open(os.path.join(folder, "service.yaml")).read(), re.M).group(1)
        ids = people[owner]
        if len(ids) < 3:
            sys.exit("team %s has fewer than three people" % owner)
        open(os.path.join(folder, "rota.yaml"), "w").write(
            FOLLOW_THE_SUN % {"a": ids[0], "b": ids[1], "c": ids[2]})
    settings = os.path.join(content, "opsbook.yaml")
    original = open(settings).read() if os.path.exists(settings) else ""
    original = re.sub(r"^rotaHorizonWeeks:.*\n", "", original, flags=re.M)
    env = opsbook_env(a.jvm)
    out = os.path.join(a.work, "out-rotas")
    print("rota expansion: %d services, three layers each (APAC, EMEA, AMER), a shadow and holiday cover"
          % len(services))
    for weeks in (26, 52, 104):
        open(settings, "w").write(original + "rotaHorizonWeeks: %d\n" % weeks)
        for command in ("check", "build"):
            run_timed(opsbook_cmd(content, out, command), env)  # untimed: the page cache
            rows = []
            for _ in range(a.runs):
                shutil.rmtree(out, ignore_errors=True)
                rows.append(run_timed(opsbook_cmd(content, out, command), env))
            print("  %3d weeks %-5s %6.2f s median of %d, %6.0f MB peak, %6.1f s of CPU"
                  % (weeks, command, statistics.median(r[0] for r in rows), a.runs, max(r[1] for r in rows),
                     statistics.median(r[2] for r in rows)), flush=True)
    open(settings, "w").write(original)
    shutil.rmtree(out, ignore_errors=True)


def check(content, out, env, runs):
    """`opsbook check` on the 10k corpus: what a team's build runs (every check and the three reports, no pages)."""
    rows = [run_timed(opsbook_cmd(content, out, "check"), env) for _ in range(runs)]
    shutil.rmtree(out, ignore_errors=True)
    print("10k check (every check and the three reports, no pages): %.2f s median of %d, %.0f MB"
          % (statistics.median(r[0] for r in rows), runs, max(r[1] for r in rows)))


def example(env):
    """The example handbook (content/), from the command line: small handbooks should feel instant."""
    out = tempfile.mkdtemp(prefix="opsbook-example-")
    walls = [run_timed(opsbook_cmd(os.path.join(ROOT, "content"), os.path.join(out, "site")), env)[0] for _ in range(5)]
    shutil.rmtree(out, ignore_errors=True)
    print("example handbook (content/): %.2f s median of 5, JVM start included  (target < 1.5)" % statistics.median(walls))


def version():
    return re.search(r"<version>([^<]+)</version>", open(os.path.join(ROOT, "pom.xml")).read()).group(1)


def ways(a, content, hugo):
    """Every way a user runs opsbook, on the 10k corpus, against Hugo's median of the same run: java -jar (its
    default configuration: no JVM options), the distribution's launcher (unpacked from the tar.gz the reactor
    built), and the Maven goals with the plugin as installed (fork=auto, its default). One untimed run of each,
    then --runs timed ones; the wall time, the ratio of pages per second to Hugo's, peak RSS."""
    hw, _, hpages, hrate, _ = hugo
    dist = tempfile.mkdtemp(prefix="opsbook-dist-")
    tgz = os.path.join(ROOT, "generator", "target", "opsbook-%s-distribution.tar.gz" % version())
    subprocess.run(["tar", "-xzf", tgz, "-C", dist], check=True)
    launcher = os.path.join(dist, "opsbook-%s" % version(), "bin", "opsbook")
    out = os.path.join(a.work, "out-ways")
    env = dict(os.environ)
    env.pop("OPSBOOK_JAR", None)
    env["XDG_CACHE_HOME"] = os.path.join(dist, "cache")  # the distribution's own class archive
    mvn_dir = tempfile.mkdtemp(prefix="opsbook-mvn-")
    goal = lambda g: ["mvn", "-B", "-q", "dev.opsbook:opsbook-maven-plugin:%s:%s" % (version(), g),
                      "-Dopsbook.contentDirectory=" + content, "-Dopsbook.outputDirectory=" + out,
                      "-Dopsbook.asOf=2026-11-21"]
    rows = [
        ("java -jar opsbook.jar build", ["java", "-jar", JAR, "build", "--content", content, "--out", out,
                                         "--as-of", "2026-11-21"], env, None, True),
        ("distribution bin/opsbook build", [launcher, "build", "--content", content, "--out", out,
                                            "--as-of", "2026-11-21"], env, None, True),
        ("mvn opsbook:generate", goal("generate"), None, mvn_dir, True),
        ("mvn opsbook:check", goal("check"), None, mvn_dir, False),
    ]
    print()
    print("every way, the 10k corpus (Hugo %.2f s, %d pages; target: pages/s at least 1.5 x Hugo's, peak RSS < 500 MB):"
          % (hw, hpages))
    for name, cmd, e, cwd, builds in rows:
        shutil.rmtree(out, ignore_errors=True)
        run_timed(cmd, e, cwd)  # untimed: files cached, class archive made
        timed = []
        for _ in range(a.runs):
            shutil.rmtree(out, ignore_errors=True)
            timed.append(run_timed(cmd, e, cwd))
        wall = statistics.median(t[0] for t in timed)
        rss = max(t[1] for t in timed)
        ratio = (pages(out) / wall) / hrate if builds else hw / wall
        print("  %-34s %6.2f s  %5.2f x Hugo%s  %5.0f MB peak" % (
            name, wall, ratio, "" if builds else " (time against Hugo's build)", rss), flush=True)
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(dist, ignore_errors=True)
    shutil.rmtree(mvn_dir, ignore_errors=True)


def tree_digests(out):
    import hashlib
    found = {}
    for folder, dirs, files in os.walk(out):
        for name in files:
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                found[os.path.relpath(path, out)] = hashlib.sha256(f.read()).hexdigest()
    return found


def warm_rebuild(a, content):
    """The CI case: a build of the 10k corpus after one runbook changed, with the build cache (--cache) and the
    site the previous build left, against a cold build of the same content into an empty folder without a cache,
    with SOURCE_DATE_EPOCH fixed; alternately, --runs rounds (a different runbook changed in each), medians.
    Prints the factor and whether each warm site is byte-identical to its cold one; then the same for check."""
    work = os.path.join(a.work, "warm")
    shutil.rmtree(work, ignore_errors=True)
    src = os.path.join(work, "content")
    shutil.copytree(content, src)
    env = opsbook_env(a.jvm)
    env["SOURCE_DATE_EPOCH"] = "1795000000"
    cache = os.path.join(work, "cache")
    warm_out, cold_out = os.path.join(work, "warm-site"), os.path.join(work, "cold-site")
    first = run_timed(opsbook_cmd(src, warm_out) + ["--cache", cache], env)[0]  # the build the cache comes from
    runbooks = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(src, "services"))
                      for f in fs if f.endswith(".md"))
    warm, cold, same = [], [], True
    for i in range(a.runs):
        with open(runbooks[i * 997 % len(runbooks)], "a") as f:
            f.write("\nChanged for warm rebuild %d.\n" % (i + 1))
        warm.append(run_timed(opsbook_cmd(src, warm_out) + ["--cache", cache], env)[0])
        shutil.rmtree(cold_out, ignore_errors=True)
        cold.append(run_timed(opsbook_cmd(src, cold_out), env)[0])
        same = same and tree_digests(warm_out) == tree_digests(cold_out)
        print("warm round %d: %.2f s with the cache, %.2f s cold" % (i + 1, warm[-1], cold[-1]), flush=True)
    w, c = statistics.median(warm), statistics.median(cold)
    print("warm rebuild after one runbook changed, with --cache: %.2f s against a cold build of %.2f s: %.2f x"
          " (target >= 5; the first build, filling the cache: %.2f s); byte-identical to the cold build: %s"
          % (w, c, c / w, first, "yes" if same else "NO"))
    checks, cold_checks = [], []
    reports, cold_reports = os.path.join(work, "warm-reports"), os.path.join(work, "cold-reports")
    run_timed(opsbook_cmd(src, reports, "check") + ["--cache", cache], env)
    for i in range(a.runs):
        with open(runbooks[(i * 997 + 500) % len(runbooks)], "a") as f:
            f.write("\nChanged for warm check %d.\n" % (i + 1))
        checks.append(run_timed(opsbook_cmd(src, reports, "check") + ["--cache", cache], env)[0])
        shutil.rmtree(cold_reports, ignore_errors=True)
        cold_checks.append(run_timed(opsbook_cmd(src, cold_reports, "check"), env)[0])
        same = tree_digests(reports) == tree_digests(cold_reports)
    print("warm check with --cache: %.2f s against %.2f s cold: %.2f x; reports byte-identical: %s"
          % (statistics.median(checks), statistics.median(cold_checks),
             statistics.median(cold_checks) / statistics.median(checks), "yes" if same else "NO"))
    shutil.rmtree(work, ignore_errors=True)


def part_zip(folder, files, zip_path, artifact, services):
    """A part as opsbook package writes it: opsbook-part.json (with the content digest of
    dev.opsbook.part.ContentDigest: for each file in path order its path, NUL, its size in decimal, NUL, its bytes)
    and the files below content/. Written here rather than by 200 runs of opsbook package: what is measured is the
    organisation's build."""
    import hashlib
    import json
    import zipfile
    sha = hashlib.sha256()
    for rel in sorted(files):
        data = open(os.path.join(folder, rel), "rb").read()
        sha.update(rel.encode() + b"\0" + str(len(data)).encode() + b"\0" + data)
    manifest = {"format": "opsbook-part/1", "opsbook": "bench", "artifact": artifact, "services": services,
                "files": len(files), "digest": "sha256:" + sha.hexdigest()}
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("opsbook-part.json", json.dumps(manifest, indent=2))
        for rel in sorted(files):
            z.write(os.path.join(folder, rel), "content/" + rel)


def parts(a):
    """Many repositories in one handbook: the synthetic corpus of 200 services of 50 runbooks each (10,000
    runbooks), built from one folder and as the organisation's shared facts merged with 200 parts (one zip per
    service, as 200 teams would publish them), alternately after one untimed run of each; the issue's target:
    the merged build within 1.5 x the one-folder build. Both sites must be the same but for the reports."""
    corpus = os.path.join(a.work, "c200x50")
    generate(a.gen, 200, 50, corpus, False)
    one = os.path.join(corpus, "opsbook")
    work = os.path.join(a.work, "parts")
    org = os.path.join(work, "org")
    zips = []
    if not os.path.isdir(org):
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(one, org, ignore=shutil.ignore_patterns("services"))
        os.makedirs(os.path.join(work, "zips"))
        for sid in sorted(os.listdir(os.path.join(one, "services"))):
            folder = os.path.join(one, "services", sid)
            files = sorted(os.path.relpath(os.path.join(d, f), one) for d, _, fs in os.walk(folder) for f in fs)
            part_zip(one, files, os.path.join(work, "zips", sid + ".zip"), "com.example.teams:%s:1.0" % sid, [sid])
    zips = sorted(os.path.join(work, "zips", z) for z in os.listdir(os.path.join(work, "zips")))
    env = opsbook_env(a.jvm)
    merged_cmd = [LAUNCHER, "build", "--content", org]
    for z in zips:
        merged_cmd += ["--content", z]
    merged_cmd += ["--out", os.path.join(work, "out-merged"), "--as-of", "2026-11-21"]
    one_cmd = opsbook_cmd(one, os.path.join(work, "out-one"))
    run_timed(one_cmd, env)
    run_timed(merged_cmd, env)
    t_one, t_merged = [], []
    for i in range(a.runs):
        for cmd, into in ((one_cmd, t_one), (merged_cmd, t_merged)):
            into.append(run_timed(cmd, env))
    o = statistics.median(r[0] for r in t_one)
    m = statistics.median(r[0] for r in t_merged)
    reports = {"opsbook-report.json", "opsbook-report.sarif", "gl-code-quality-report.json",
               os.path.join("readiness", "index.html"), os.path.join("readiness", "audit.html")}
    d1, d2 = tree_digests(os.path.join(work, "out-one")), tree_digests(os.path.join(work, "out-merged"))
    differ = sorted(k for k in set(d1) | set(d2) if d1.get(k) != d2.get(k) and k not in reports)
    print("many repositories: 200 parts of 50 runbooks merged and built in %.2f s (%.0f MB) against %.2f s (%.0f MB)"
          " from one folder: %.2f x (target <= 1.5); pages other than the reports the same: %s"
          % (m, max(r[1] for r in t_merged), o, max(r[1] for r in t_one), m / o,
             "yes" if not differ else "NO (%d differ, such as %s)" % (len(differ), differ[0])), flush=True)


def real_markdown(a):
    """Real Markdown: ../shared/realworld's prometheus-operator runbooks copied 50 times (bench/real_corpus.py,
    5,800 files), opsbook (bin/opsbook) against Hugo with the benchmark's minimal layouts, alternately after one
    untimed run of each. The copies keep the runbooks' absolute `aliases:`, so opsbook reports them as taken
    twice (duplicate-id, exit 1) and still writes every page."""
    real = os.path.join(a.work, "real50")
    if not os.path.isdir(os.path.join(real, "opsbook")):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "real_corpus.py"), "--copies", "50", "--out", real],
                       check=True, stdout=subprocess.DEVNULL)
    cmds = {
        "opsbook": (opsbook_cmd(os.path.join(real, "opsbook"), os.path.join(a.work, "out-real-opsbook")),
                    os.path.join(a.work, "out-real-opsbook")),
        "hugo": (["hugo", "--quiet", "-s", os.path.join(real, "hugo"), "-d", os.path.join(a.work, "out-real-hugo")],
                 os.path.join(a.work, "out-real-hugo")),
    }
    rows = {"opsbook": [], "hugo": []}
    for name, (cmd, out) in cmds.items():
        run_timed(cmd, opsbook_env(a.jvm) if name == "opsbook" else None)
    for _ in range(a.runs):
        for name, (cmd, out) in cmds.items():
            shutil.rmtree(out, ignore_errors=True)
            wall, rss, _ = run_timed(cmd, opsbook_env(a.jvm) if name == "opsbook" else None)
            rows[name].append((wall, rss, pages(out)))
    o, h = rows["opsbook"], rows["hugo"]
    ow, hw = statistics.median(r[0] for r in o), statistics.median(r[0] for r in h)
    orate, hrate = o[0][2] / ow, h[0][2] / hw
    print()
    print("real Markdown (prometheus-operator runbooks x 50): opsbook %.2f s, %d pages, %.0f MB; Hugo %.2f s, %d pages,"
          " %.0f MB; ratio %.2f  (target >= 1.5)" % (ow, o[0][2], max(r[1] for r in o), hw, h[0][2],
                                                   max(r[1] for r in h), orate / hrate))


def maven_plugin():
    """What `mvn opsbook:generate` adds to Maven's own start, on the example handbook (the plugin as
    installed in the local Maven repository: this checkout's, unless --no-build)."""
    version = re.search(r"<version>([^<]+)</version>", open(os.path.join(ROOT, "pom.xml")).read()).group(1)
    out = tempfile.mkdtemp(prefix="opsbook-maven-")
    goal = ["mvn", "-q", "dev.opsbook:opsbook-maven-plugin:%s:generate" % version,
            "-Dopsbook.contentDirectory=" + os.path.join(ROOT, "content"), "-Dopsbook.outputDirectory=" + os.path.join(out, "site"),
            "-Dopsbook.asOf=2026-11-21"]
    skipped, built = [], []
    for _ in range(5):  # Maven with the plugin loaded but skipped, then the real goal
        skipped.append(run_timed(goal + ["-Dopsbook.skip=true"], cwd=out)[0])
        built.append(run_timed(goal, cwd=out)[0])
    shutil.rmtree(out, ignore_errors=True)
    print("mvn opsbook:generate on the example handbook: %.2f s; Maven alone (the goal skipped) %.2f s; the plugin adds %.2f s"
          % (statistics.median(built), statistics.median(skipped), statistics.median(built) - statistics.median(skipped)))


def profile(content, out, a):
    """One 10k build under Java Flight Recorder (the launcher's JVM options; a sample every 2 ms of each
    running thread). Prints the methods that run themselves the most; the libraries that spend the
    time (a JDK method counts for the library that called it); and opsbook's packages, each sample
    counted for the innermost one on its stack. The recording stays, for JDK Mission Control."""
    jfr = os.path.join(a.work, "opsbook-10k.jfr")
    java_home = re.search(r"java\.home = (.+)", subprocess.run(["java", "-XshowSettings:properties", "-version"],
                                                               capture_output=True, text=True).stderr).group(1).strip()
    settings = os.path.join(a.work, "opsbook-profile.jfc")
    with open(os.path.join(java_home, "lib", "jfr", "profile.jfc")) as f:  # profile.jfc samples every 10 ms
        jfc = f.read()
    with open(settings, "w") as f:
        f.write(re.sub(r'(<event name="jdk.ExecutionSample">.*?<setting name="period"[^>]*>)[^<]*', r"\g<1>2 ms", jfc,
                       flags=re.S))
    run_timed(opsbook_cmd(content, out), opsbook_env(a.jvm))  # untimed: the class archive, the page cache
    shutil.rmtree(out, ignore_errors=True)
    wall, rss, _ = run_timed(opsbook_cmd(content, out), opsbook_env(
        ("%s -XX:StartFlightRecording=filename=%s,settings=%s" % (a.jvm, jfr, settings)).strip()))
    print("10k build under JFR: %.2f s, %.0f MB (recording costs a little of both); recording: %s" % (wall, rss, jfr))
    printed = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", jfr],
                             check=True, capture_output=True, text=True).stdout
    own, libraries, packages, total = {}, {}, {}, 0
    for event in printed.split("jdk.ExecutionSample")[1:]:
        frames = re.findall(r"^\s+([\w.$<>]+)\(", event, re.M)
        if not frames:
            continue
        total += 1
        count(own, frames[0])
        count(libraries, next((library(f) for f in frames if not jdk(f)), "the JDK itself"))
        count(packages, next((opsbook_package(f) for f in frames if f.startswith("dev.opsbook.")), "outside opsbook code"))
    for title, counts, n in (("methods, by their own time", own, 25), ("libraries, with the JDK code they call", libraries, 15),
                             ("opsbook packages, with everything they call", packages, 15)):
        print("\n%s (%d samples):" % (title, total))
        for name, k in sorted(counts.items(), key=lambda kv: -kv[1])[:n]:
            print("%5.1f %%  %s" % (100.0 * k / total, name))


def perf_profile(content, out, a):
    """One 10k build under Linux perf (perf record -g, 999 samples a second of each running thread), the JVM
    told to keep frame pointers and to write the names of its compiled code at exit (perf-PID.map), so that
    every sample has a name: unlike JFR's, perf's samples also cover the JIT compiler, the garbage
    collector, the interpreter and the kernel. Prints the CPU time by who spends it (a JDK method counts for
    the library that called it) and what the build would still cost if opsbook's own code took no time."""
    if not shutil.which("perf"):
        sys.exit("--perf needs Linux perf (apt-get install linux-perf)")
    data = os.path.join(a.work, "opsbook-10k.perf")
    run_timed(opsbook_cmd(content, out), opsbook_env(a.jvm))  # untimed: the class archive, the page cache
    shutil.rmtree(out, ignore_errors=True)
    jvm = "%s -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit -XX:+PreserveFramePointer" % a.jvm
    recorded = subprocess.run(["perf", "record", "-F", "999", "-g", "-o", data, "--"] + opsbook_cmd(content, out),
                              env=opsbook_env(jvm.strip()), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if recorded.returncode not in (0, 1):
        sys.exit("perf record failed (perf_event_paranoid?):\n" + recorded.stderr[-2000:])
    script = subprocess.run(["perf", "script", "-i", data], check=True, capture_output=True, text=True).stdout
    who, symbols, total = {}, {}, 0
    for sample in script.split("\n\n"):
        lines = sample.strip().split("\n")
        head = re.match(r"\s*(.+?)\s+\d+(?:/\d+)?\s", lines[0]) if lines[0] else None
        if not head or len(lines) < 2:
            continue
        total += 1
        thread = head.group(1)
        frames = [re.sub(r"^\s*[0-9a-f]+\s+", "", line) for line in lines[1:]]
        count(symbols, re.sub(r"\+0x[0-9a-f]+$", "", frames[0].rsplit(" (", 1)[0]))
        count(who, perf_owner(thread, frames))
    print("%d samples of one 10k build (%s)\n" % (total, data))
    print("CPU time by who spends it:")
    for name, k in sorted(who.items(), key=lambda kv: -kv[1]):
        print("%5.1f %%  %s" % (100.0 * k / total, name))
    rest = (total - who.get("opsbook", 0)) / 999.0
    print("\nif opsbook's own code took no time, the build would still spend %.0f %% of its CPU time: about %.1f s,"
          " at least %.1f s of wall time on %d cores" % (100.0 * (total - who.get("opsbook", 0)) / total, rest,
                                                     rest / os.cpu_count(), os.cpu_count()))
    print("\nmethods and JVM routines, by their own time:")
    for name, k in sorted(symbols.items(), key=lambda kv: -kv[1])[:25]:
        print("%5.1f %%  %s" % (100.0 * k / total, name[:120]))


def perf_owner(thread, frames):
    """Who a perf sample's time belongs to: the JIT compiler, the garbage collector, the kernel, the
    interpreter, or the first library (or opsbook) on the stack that is not the JDK."""
    if thread.startswith(("C1 Compiler", "C2 Compiler")):
        return "the JIT compiler"
    if thread.startswith(("GC Thread", "VM Thread")):
        return "the garbage collector and the JVM's own thread"
    if "[kernel" in frames[0]:
        return "the kernel (files, memory, threads)"
    for frame in frames:
        m = re.search(r"([\w$]+(?:\.[\w$]+)+)\.[\w$<>]+\(", frame)
        if m and not jdk(m.group(1)):
            return library(m.group(1))
    if frames[0].startswith("Interpreter"):
        return "the interpreter, for code not yet compiled (no caller known)"
    if "libjvm" in frames[0]:
        return "the JVM's runtime (allocation, class loading, type checks; no caller known)"
    return "the JDK (no caller known)"


def count(counts, key):
    counts[key] = counts.get(key, 0) + 1


def jdk(frame):
    return frame.startswith(("java.", "javax.", "jdk.", "sun.", "com.sun."))


def library(frame):
    """A library's first names (org.commonmark, freemarker, net.fortuna.ical4j); opsbook is one."""
    if frame.startswith("dev.opsbook."):
        return "opsbook"
    parts = frame.split(".")
    return ".".join(parts[:2] if parts[0] in ("org", "com", "net") else parts[:1])


def opsbook_package(frame):
    parts = frame.split(".")
    return ".".join(parts[:3]) if parts[2][:1].islower() else "dev.opsbook"


def serve_and_big(a, small, orate):
    if not a.no_big:
        big = os.path.join(a.work, "c2500x20")
        generate(a.gen, 2500, 20, big, False)
        out = os.path.join(a.work, "out-big")
        shutil.rmtree(out, ignore_errors=True)
        wall, rss, _ = run_timed(opsbook_cmd(os.path.join(big, "opsbook"), out), opsbook_env((a.jvm + " -Xmx1g").strip()))
        n = pages(out)
        print("52k: %d pages in %.2f s with -Xmx1g (%.0f pages/s, %.0f MB); scaling %.2f of the 10k rate (target >= 0.8)"
              % (n, wall, n / wall, rss, (n / wall) / orate))

    if not a.no_serve:
        content = os.path.join(small, "opsbook")
        out = os.path.join(a.work, "out-serve")
        proc = subprocess.Popen(opsbook_cmd(content, out, "serve") + ["--port", "0"], stdout=subprocess.PIPE, text=True,
                                env=opsbook_env(a.jvm))
        try:
            for line in proc.stdout:
                if "serving http" in line:
                    break
            runbooks = os.path.join(content, "services")
            first = sorted(os.listdir(runbooks))[0]
            rb_dir = os.path.join(runbooks, first, "runbooks")
            rb = os.path.join(rb_dir, sorted(os.listdir(rb_dir))[0])
            with open(rb, "a") as f:
                f.write("\nEdited by the benchmark.\n")
            for line in proc.stdout:
                m = re.search(r"updated (\d+) pages in (\d+) ms", line)
                if m:
                    print("serve: %s pages rewritten %s ms after editing one runbook (target < 150)" % m.groups())
                m = re.search(r"built in (\d+) ms", line)
                if m:
                    print("serve: then the full rebuild in %s ms" % m.group(1))
                    break
        finally:
            proc.terminate()
            proc.wait()


if __name__ == "__main__":
    main()
