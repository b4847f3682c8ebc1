#!/usr/bin/env python3
"""Breaks each mechanism of mutations.json in turn (one text replacement), runs the test that claims it, restores the
file, and prints a markdown row per mutation: RED (a test failed, as it must) or GREEN (a defect: nothing noticed).

usage: python3 .ci/mutations/run.py [id ...]     (from the repository root, JAVA_HOME set to a JDK 21+)
Takes about a minute per mutation; the modules must have been installed once (./mvnw install -DskipTests)."""
import json, os, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MUTATIONS = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "mutations.json")))


def maven(args):
    return subprocess.run(f"./mvnw -o -q {args}", shell=True, cwd=ROOT, capture_output=True, text=True)


def run(m):
    path = os.path.join(ROOT, m["file"])
    original = open(path).read()
    if m["old"] not in original:
        return "NOT APPLIED (the code moved: update mutations.json)", ""
    open(path, "w").write(original.replace(m["old"], m["new"], 1))
    try:
        if m.get("install"):
            maven(f"install -DskipTests -pl {m['install']} -am")
        r = maven(f"-pl {m['module']} verify -Dtest='{m['test']}' -Dsurefire.failIfNoSpecifiedTests=false")
        red = [l.replace("[ERROR]", "").strip() for l in r.stdout.splitlines()
               if l.startswith("[ERROR]   ") and "Test." in l]
        if r.returncode == 0:
            return "GREEN", ""
        # Only a failing test counts: a build that does not compile proves nothing.
        return ("RED", red[0].split(" ")[0]) if red else ("BUILD FAILED", "")
    finally:
        open(path, "w").write(original)
        if m.get("install"):
            maven(f"install -DskipTests -pl {m['install']} -am")


wanted = set(sys.argv[1:])
print("| mechanism | mutation | verdict | red test |\n|---|---|---|---|")
for m in MUTATIONS:
    if wanted and m["id"] not in wanted:
        continue
    started = time.time()
    verdict, test = run(m)
    print(f"| {m['claim']} | `{m['id']}` in `{os.path.basename(m['file'])}` | {verdict} | `{test}` |", flush=True)
