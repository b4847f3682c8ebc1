#!/usr/bin/env python3
"""Breaks each mechanism of mutations.json in turn (one text replacement), runs the test that claims it, restores the
file, and prints a markdown row per mutation: RED (a test failed, as it must) or GREEN (a defect: nothing noticed).

usage: python3 .ci/mutations/run.py [id ...]     (from the repository root, JAVA_HOME set to a JDK 21+)
The modules must have been installed once (./mvnw install -DskipTests). A mutation in the tested module recompiles
and runs it (infra, worker: 20-60 s); one in another module installs that module's jar alone, runs the tested
module's already-compiled tests against it and puts the saved jar back (local: 40-90 s). A browser mutation (web/site)
runs the browser story up to the step it names ("args" selects the browser group; npm ci --prefix web/e2e first):
one to three minutes."""
import glob, json, os, shutil, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MUTATIONS = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "mutations.json")))
REPOSITORY = os.path.expanduser("~/.m2/repository/org/anb/showcase")
BROWSER_LOG = os.path.join(ROOT, "local", "target", "browser-tests.log")


def maven(args):
    return subprocess.run(f"./mvnw -o -q {args}", shell=True, cwd=ROOT, capture_output=True, text=True)


def installed_jar(module):
    return glob.glob(os.path.join(REPOSITORY, module, "*", f"{module}-*.jar"))[0]


def verdict(r):
    red = [l.replace("[ERROR]", "").strip() for l in r.stdout.splitlines() if l.startswith("[ERROR]   ") and "Test." in l]
    if r.returncode == 0:
        return "GREEN", ""
    if "secrets in the test run's output" in r.stdout + r.stderr:
        return "RED", "RunOutputScan.main (verify phase)"
    # Only a failing test counts: a build that does not compile proves nothing.
    return ("RED", red[0].split(" ")[0]) if red else ("BUILD FAILED", "")


def browser_verdict(m, r):
    """The browser story runs as one JUnit test: the failing steps are read from its log (node's spec reporter)."""
    failed = [l.split("✖", 1)[1].strip() for l in open(BROWSER_LOG).read().splitlines() if "✖" in l] \
        if os.path.exists(BROWSER_LOG) else []
    named = [f for f in failed if f.startswith(m["browser_test"])]
    if named:
        return "RED", named[0].split(" (")[0]
    return ("RED", failed[0].split(" (")[0]) if failed else verdict(r)


def run(m, prepared):
    path = os.path.join(ROOT, m["file"])
    original = open(path).read()
    if m["old"] not in original:
        return "NOT APPLIED (the code moved: update mutations.json)", ""
    tests = f"-Dtest='{m['test']}' -Dsurefire.failIfNoSpecifiedTests=false {m.get('args', '')}"
    if m.get("browser_test") and not m.get("full_story"):
        tests += f" '-Dbrowser.stop-after={m['browser_test']}'"  # the story up to that step, not its cascade
    other = m.get("install")
    saved = None
    if other and m["module"] not in prepared:
        maven(f"-pl {m['module']} test-compile")  # once: the tested module's tests, compiled against the intact jars
        prepared.add(m["module"])
    shutil.rmtree(os.path.join(ROOT, m["module"], "target", "surefire-reports"), ignore_errors=True)  # this run's only
    open(path, "w").write(original.replace(m["old"], m["new"], 1))
    try:
        if other:
            saved = installed_jar(other) + ".intact"
            shutil.copy2(installed_jar(other), saved)
            if maven(f"-pl {other} install -Dmaven.test.skip=true").returncode != 0:
                return "BUILD FAILED", ""
            if m.get("browser_test") and os.path.exists(BROWSER_LOG):
                os.remove(BROWSER_LOG)  # a log from an earlier run must not speak for this one
            r = maven(f"-pl {m['module']} surefire:test {tests}")
            return browser_verdict(m, r) if m.get("browser_test") else verdict(r)
        return verdict(maven(f"-pl {m['module']} test {tests}"))
    finally:
        open(path, "w").write(original)
        if saved:
            shutil.move(saved, installed_jar(other))


wanted = set(sys.argv[1:])
prepared = set()
print("| mechanism | mutation | verdict | red test |\n|---|---|---|---|")
for m in MUTATIONS:
    if wanted and m["id"] not in wanted:
        continue
    verdict_, test = run(m, prepared)
    print(f"| {m['claim']} | `{m['id']}` in `{os.path.basename(m['file'])}` | {verdict_} | `{test}` |", flush=True)
