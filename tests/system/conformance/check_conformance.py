#!/usr/bin/env python3
"""Runs the conformance driver (scenario.py here) against chat-server and checks docs/PROTOCOL.md section 0.

The driver and the reference transcripts it is compared with (tests/data/transcripts/memory) are part of this
repository; nothing outside the checkout is read.

- basic, messages, drawing, multi_client_broadcast, bad_input: identical to transcripts/memory.
- rooms: identical except step 22 ("#fff\\n" is rejected with not_valid_color), so that room keeps its
  palette colour in every later frame.
- crashes: no connection closes except the > 1 MiB one (1009); every input gets a reply; every probe works.
- dup_line: the second line with the same uuid replaces the first in place; everyone keeps working.

Exit codes: 0 pass, 1 fail (a missing driver or transcript is a failure too), 77 skipped (no
python3-websockets, or --postgres env without CHAT_TEST_POSTGRES_URL).
"""
import argparse
import difflib
import json
import os
import subprocess
import sys
import tempfile

SKIP = 77
FAIL = 1
HERE = os.path.dirname(os.path.abspath(__file__))
EXACT = ["basic", "messages", "drawing", "multi_client_broadcast", "bad_input"]
ROOMS_STEP_REJECTED = 22


def load(path):
    if not os.path.exists(path):
        return [{"missing": path}]
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def dumps(entries):
    return [json.dumps(e, ensure_ascii=False) for e in entries]


def expected_rooms(entries):
    """The memory transcript of rooms with our strict colour rule applied to step 22."""
    out = []
    for e in entries:
        if e["step"] == ROOMS_STEP_REJECTED and e["dir"] == "recv":
            if e["client"] == "A":
                out.append({"step": e["step"], "client": "A", "dir": "recv",
                            "frame": {"payload": {"message": "not_valid_color"}, "type": "error"}})
            continue
        if e["dir"] == "recv":
            text = json.dumps(e, ensure_ascii=False).replace('"color": "#fff\\n"', '"color": "<color>"')
            e = json.loads(text)
        out.append(e)
    return out


def compare(name, expected, actual):
    exp, act = dumps(expected), dumps(actual)
    if exp == act:
        return []
    diff = difflib.unified_diff(exp, act, name + " (expected)", name + " (actual)", lineterm="", n=1)
    return ["%s differs:" % name] + list(diff)[:60]


def steps_of(entries):
    steps = {}
    for e in entries:
        if "step" not in e:
            continue
        steps.setdefault(e["step"], []).append(e)
    return steps


def label_of(step_entries):
    return next(e["label"] for e in step_entries if e["dir"] == "step")


def received(step_entries, client, message=None):
    return [e for e in step_entries if e["dir"] == "recv" and e["client"] == client
            and (message is None or e["frame"]["payload"]["message"] == message)]


def check_crashes(entries):
    problems = []
    if not any(e["dir"] == "step" and "Z connects" in e.get("label", "") for e in entries):
        problems.append("crashes: the scenario did not run to the end")
    for step, es in sorted(steps_of(entries).items()):
        label = label_of(es)
        actor = label.split(":")[0].split(" ")[0]
        closes = [e for e in es if e["dir"] == "event" and e["event"] == "closed"]
        huge = "larger than 1 MiB" in label
        if huge:
            if [e.get("code") for e in closes] != [1009]:
                problems.append("step %d (%s): expected one close 1009, got %s" % (step, label, closes))
            continue
        if closes:
            problems.append("step %d (%s): connection closed: %s" % (step, label, closes))
        if any(e["dir"] == "event" and e["event"] == "no_answer" for e in es):
            problems.append("step %d (%s): no answer" % (step, label))
        if "afterwards (alive?)" in label and not label.startswith("X21"):
            if not received(es, actor, "rooms_listed"):
                problems.append("step %d (%s): probe got no rooms_listed" % (step, label))
        elif label.startswith("X") and "connects" not in label and "enter_room" not in label \
                and "alive" not in label and not received(es, actor):
            problems.append("step %d (%s): no reply to the bad input" % (step, label))
    return problems


def check_dup_line(entries):
    problems = []
    steps = steps_of(entries)
    closes = [e for e in entries if e["dir"] == "event" and e["event"] in ("closed", "connect_failed")]
    if closes:
        problems.append("dup_line: connections failed: %s" % closes)
    for step, es in steps.items():
        label = label_of(es)
        if label.startswith("A: line L1 again"):
            for client in "AB":
                got = received(es, client, "draw_line_changed")
                if len(got) != 1 or got[0]["frame"]["payload"]["object"]["points"] != [1, 2, 3, 4]:
                    problems.append("dup_line: %s did not get the replaced line once: %s" % (client, got))
        if label == "B: get_drawing":
            got = received(es, "B", "drawing_got")
            lines = got[0]["frame"]["payload"]["object"]["lines"] if got else None
            if not lines or len(lines) != 1 or lines[0]["points"] != [1, 2, 3, 4]:
                problems.append("dup_line: the drawing should hold one replaced line, has %s" % lines)
        if "connects" in label:
            actor = label.split(" ")[0]
            if not received(es, actor, "user_created") or not received(es, actor, "rooms_listed"):
                problems.append("dup_line: %s could not connect" % actor)
        if label == "B: create_message" and not received(es, "A", "message_created"):
            problems.append("dup_line: the room stopped working after the duplicate line")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--server", required=True, help="path of the chat-server executable")
    ap.add_argument("--driver", default=os.path.join(HERE, "scenario.py"), help="the scenario driver")
    ap.add_argument("--transcripts", default=os.path.join(HERE, "..", "..", "data", "transcripts", "memory"),
                    help="the reference transcripts (MemoryStorage) to compare with")
    ap.add_argument("--server-args", default="", help="extra chat-server arguments (for example --db URL)")
    ap.add_argument("--postgres", default="",
                    help="run every scenario on this PostgreSQL (a fresh schema each) instead of SQLite; "
                         "\"env\" takes CHAT_TEST_POSTGRES_URL and skips without it")
    ap.add_argument("--python", default="/usr/bin/python3")
    args = ap.parse_args()
    if args.postgres == "env":
        args.postgres = os.environ.get("CHAT_TEST_POSTGRES_URL", "")
        if not args.postgres:
            print("SKIP: CHAT_TEST_POSTGRES_URL is not set (scripts/with-postgres.sh sets it)")
            return SKIP
    if args.postgres:
        # The driver starts the server through a shell once per scenario: each gets a schema of its own.
        args.server_args += ' --db "%s?schema=conformance_$$_$(date +%%s%%N)"' % args.postgres

    driver = os.path.abspath(args.driver)
    memory = os.path.abspath(args.transcripts)
    # Both are part of the repository: their absence is a broken checkout, not a reason to skip.
    missing = [path for path in [driver] + [os.path.join(memory, name + ".jsonl") for name in EXACT + ["rooms"]]
               if not os.path.isfile(path)]
    if missing:
        print("FAIL: missing from the checkout: %s" % ", ".join(missing))
        return FAIL
    try:
        probe = subprocess.run([args.python, "-c", "import websockets"], capture_output=True)
    except OSError as error:
        print("check_conformance.py: --python %s cannot be run: %s" % (args.python, error.strerror))
        return 2
    if probe.returncode != 0:
        print("SKIP: %s has no websockets module (Debian: python3-websockets)" % args.python)
        return SKIP

    with tempfile.TemporaryDirectory() as out:
        server = os.path.abspath(args.server)
        command = "%s --port {port} --db {dir}/chat.db --log-level warning %s" % (server, args.server_args)
        # One driver per scenario, all at once: a scenario spends most of its time waiting for quiet
        # (300 ms per step), so running them side by side takes the time of the longest one.
        scenarios = EXACT + ["rooms", "crashes", "dup_line"]
        drivers = [subprocess.Popen([args.python, driver, name, "--server-cmd", command, "--out-dir", out,
                                     "--server-log", os.path.join(out, "server-%s.log" % name)],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                   for name in scenarios]
        for process in drivers:
            _, errors = process.communicate(timeout=600)
            sys.stdout.write(errors)
        problems = []
        for name in EXACT:
            problems += compare(name, load(os.path.join(memory, name + ".jsonl")), load(os.path.join(out, name + ".jsonl")))
        problems += compare("rooms", expected_rooms(load(os.path.join(memory, "rooms.jsonl"))),
                            load(os.path.join(out, "rooms.jsonl")))
        for name, check in (("crashes", check_crashes), ("dup_line", check_dup_line)):
            entries = load(os.path.join(out, name + ".jsonl"))
            problems += ["%s: no transcript" % name] if "missing" in entries[0] else check(entries)
        log = ""
        for name in scenarios:
            path = os.path.join(out, "server-%s.log" % name)
            if os.path.exists(path):
                with open(path, encoding="utf-8", errors="replace") as f:
                    log += f.read()
        if "Segmentation" in log or "AddressSanitizer" in log or "runtime error" in log:
            problems.append("server log shows a crash or sanitizer report:\n" + log[-3000:])

    for line in problems:
        print(line)
    scenarios = EXACT + ["rooms", "crashes", "dup_line"]
    failed = {p.split(" ")[0].rstrip(":") for p in problems}
    print("conformance: %d passed, %d failed" % (len(scenarios) - len(failed & set(scenarios)),
                                                len(failed & set(scenarios)) or (1 if problems else 0)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
