#!/usr/bin/python3
"""An independent fan-out load generator for chat-server (issue 14), written apart from chat-bench.

Plain protocol (no subprotocol offered), Python's `websockets` package (Debian's python3-websockets):

    /usr/bin/python3 tests/bench/neutral_fanout.py --url ws://127.0.0.1:PORT --pid SERVER_PID \
        [--rooms 10] [--per-room 50] [--rate 50] [--duration 10] [--body-bytes 64] [--senders-per-room 1]

R rooms of C members each; the senders post create_message round robin, M messages/s in total, for D seconds.
Every member checks that it gets every message of its room once, in order. It prints one JSON line on stdout
and a summary on stderr. The server's CPU (utime + stime of /proc/PID/stat, in clock ticks) is read at every
phase boundary, so the CPU per message can be given for each of these windows (all divided by messages sent):

    send        first create_message sent .. last one sent
    send_drain  first sent .. last expected message_created received (chat-bench's window)
    join_on     first enter_room sent .. end of send_drain (the join storm included, no settling pause)
    whole       before the first connection .. all connections closed (connect, join, send, drain, close)

It also counts, inside send_drain, the frames and bytes the clients received by statement type, so the work
the server must do per message (what it sends) is visible beside the CPU.
Exit code 0 when nothing was lost, duplicated or reordered; 1 otherwise; 2 on a usage error; 77 without the
websockets package.
"""
import argparse
import asyncio
import json
import os
import resource
import sys
import time

try:
    import websockets
except ImportError:
    print("SKIP: python3-websockets is not installed (Debian: python3-websockets)", file=sys.stderr)
    sys.exit(77)

TICK = os.sysconf("SC_CLK_TCK")


def server_cpu(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # fields[0] is field 3 (state): utime is field 14, stime field 15
    return (int(fields[11]) + int(fields[12])) / TICK


def call(message, **payload):
    payload["message"] = message
    return json.dumps({"type": "call", "payload": payload})


def kind_of(text):
    # The statement name without parsing the whole frame: {"payload": {"message": "NAME", ... or "type": "error"
    at = text.find('"message": "')
    if at < 0:
        at = text.find('"message":"')
        if at < 0:
            return "other"
        at += len('"message":"')
    else:
        at += len('"message": "')
    end = text.find('"', at)
    return text[at:end]


def percentile(sorted_values, p):
    if not sorted_values:
        return None
    index = min(len(sorted_values) - 1, max(0, int(round(p / 100.0 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[index]


class Member:
    def __init__(self, index, room):
        self.index = index
        self.room = room
        self.ws = None
        self.user = None
        self.joined = asyncio.get_event_loop().create_future()
        self.ready = asyncio.get_event_loop().create_future()
        self.last_seq = {}
        self.got = {}


class Run:
    def __init__(self, args):
        self.args = args
        self.run_id = "%08x" % (int(time.time() * 1000) & 0xFFFFFFFF)
        self.counting = False
        self.frames = {}
        self.bytes = {}
        self.latencies = []
        self.delivered = 0
        self.duplicated = 0
        self.reordered = 0
        self.expected = 0
        self.done = None
        self.last_delivery = 0.0
        self.sent = 0
        self.sent_by = {}
        self.rooms_created = asyncio.Queue()

    async def reader(self, member):
        try:
            async for text in member.ws:
                kind = kind_of(text)
                if self.counting:
                    self.frames[kind] = self.frames.get(kind, 0) + 1
                    self.bytes[kind] = self.bytes.get(kind, 0) + len(text.encode("utf-8"))
                if kind == "message_created":
                    self.on_message(member, text)
                elif kind == "user_created" and member.user is None:
                    member.user = json.loads(text)["payload"]["object"]["uuid"]
                elif kind == "rooms_listed" and not member.ready.done():
                    member.ready.set_result(True)
                elif kind == "room_created" and member.index < 0:
                    self.rooms_created.put_nowait(json.loads(text)["payload"]["object"]["uuid"])
                elif kind == "drawing_got" and not member.joined.done():
                    member.joined.set_result(True)
        except websockets.ConnectionClosed:
            pass

    def on_message(self, member, text):
        now = time.monotonic_ns()
        body = json.loads(text)["payload"]["object"]["body"]
        parts = body.split(" ", 5)
        if len(parts) < 5 or parts[0] != "nf" or parts[1] != self.run_id:
            return
        sender, seq, sent_ns = int(parts[2]), int(parts[3]), int(parts[4])
        key = (sender, seq)
        if key in member.got:
            self.duplicated += 1
            return
        member.got[key] = True
        if seq < member.last_seq.get(sender, -1):
            self.reordered += 1
        member.last_seq[sender] = max(seq, member.last_seq.get(sender, -1))
        self.delivered += 1
        self.last_delivery = time.monotonic()
        self.latencies.append((now - sent_ns) / 1e6)
        if self.expected and not self.done.done() and self.delivered >= self.expected:
            self.done.set_result(True)


async def open_member(run, member, semaphore, url):
    async with semaphore:
        member.ws = await websockets.connect(url, max_size=None, compression=None, ping_interval=None,
                                             open_timeout=60, close_timeout=5, max_queue=None)
        member.task = asyncio.ensure_future(run.reader(member))
        await member.ready


async def main_async(args):
    run = Run(args)
    pid = args.pid
    cpu = {}
    stamps = {}

    def mark(name):
        cpu[name] = server_cpu(pid)
        stamps[name] = time.monotonic()

    mark("start")
    control = Member(-1, None)
    semaphore = asyncio.Semaphore(args.concurrency)
    await open_member(run, control, semaphore, args.url)
    rooms = []
    for _ in range(args.rooms):
        await control.ws.send(call("create_room"))
        rooms.append(await run.rooms_created.get())

    members = [Member(i, i % args.rooms) for i in range(args.rooms * args.per_room)]
    await asyncio.gather(*(open_member(run, m, semaphore, args.url) for m in members))
    mark("connected")
    for m in members:
        await m.ws.send(call("enter_room", uuid=rooms[m.room]))
    await asyncio.gather(*(m.joined for m in members))
    mark("joined")
    # No settling pause: the first message goes out as soon as every member has its drawing_got.

    senders = [m for m in members if m.index // args.rooms < args.senders_per_room]
    run.counting = True
    run.done = asyncio.get_event_loop().create_future()
    mark("send_start")
    start = time.monotonic()
    total = int(round(args.rate * args.duration))
    body_pad = args.body_bytes
    for n in range(total):
        due = start + n / args.rate
        delay = due - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        sender = senders[n % len(senders)]
        seq = run.sent_by.get(sender.index, 0)
        run.sent_by[sender.index] = seq + 1
        body = "nf %s %d %d %d " % (run.run_id, sender.index, seq, time.monotonic_ns())
        if len(body) < body_pad:
            body += "x" * (body_pad - len(body))
        await sender.ws.send(call("create_message", body=body))
        run.sent += 1
    mark("send_end")
    run.expected = run.sent * args.per_room
    if run.delivered < run.expected:
        try:
            await asyncio.wait_for(asyncio.shield(run.done), timeout=args.drain)
        except asyncio.TimeoutError:
            pass
    run.counting = False
    drained_at = run.last_delivery
    mark("drained")
    for m in members + [control]:
        await m.ws.close()
    for m in members + [control]:
        m.task.cancel()
    # The server's own teardown (users leaving their rooms, room_changed to those still connected).
    await asyncio.sleep(0.5)
    mark("closed")
    # Delete the rooms with a fresh connection (they are empty now).
    cleaner = await websockets.connect(args.url, max_size=None, compression=None, ping_interval=None)
    for uuid in rooms:
        await cleaner.send(call("delete_room", uuid=uuid))
    await cleaner.close()

    lost = run.expected - run.delivered
    lat = sorted(run.latencies)
    sent = max(run.sent, 1)

    def per_message(a, b):
        return round((cpu[b] - cpu[a]) * 1000.0 / sent, 3)

    frames_total = sum(run.frames.values())
    figures = {
        "messages_sent": run.sent,
        "expected_deliveries": run.expected,
        "delivered": run.delivered,
        "lost": lost,
        "duplicated": run.duplicated,
        "reordered": run.reordered,
        "latency_ms": {"p50": percentile(lat, 50), "p95": percentile(lat, 95), "p99": percentile(lat, 99),
                       "max": lat[-1] if lat else None},
        "windows_s": {
            "join": round(stamps["joined"] - stamps["connected"], 3),
            "send": round(stamps["send_end"] - stamps["send_start"], 3),
            "drain": round(max(0.0, drained_at - stamps["send_end"]), 3),
            "whole": round(stamps["closed"] - stamps["start"], 3),
        },
        "server_cpu_s": {
            "connect": round(cpu["connected"] - cpu["start"], 3),
            "join": round(cpu["joined"] - cpu["connected"], 3),
            "send_drain": round(cpu["drained"] - cpu["send_start"], 3),
            "close": round(cpu["closed"] - cpu["drained"], 3),
        },
        "server_cpu_ms_per_message": {
            "send": per_message("send_start", "send_end"),
            "send_drain": per_message("send_start", "drained"),
            "join_on": per_message("connected", "drained"),
            "whole": per_message("start", "closed"),
        },
        "frames_in_send_drain": run.frames,
        "bytes_in_send_drain": run.bytes,
        "frames_per_message": round(frames_total / sent, 1),
        "bytes_per_message": round(sum(run.bytes.values()) / sent),
        "generator_cpu_s": round(sum(resource.getrusage(resource.RUSAGE_SELF)[:2]), 3),
    }
    result = {"generator": "neutral_fanout.py", "parameters": vars(args), "figures": figures,
              "ok": lost == 0 and run.duplicated == 0 and run.reordered == 0}
    print(json.dumps(result))
    w = figures["server_cpu_ms_per_message"]
    print("neutral fan-out: %d rooms x %d, %g msg/s for %g s, body %d bytes: sent %d, delivered %d/%d, lost %d, "
          "dup %d, reordered %d" % (args.rooms, args.per_room, args.rate, args.duration, args.body_bytes,
                                     run.sent, run.delivered, run.expected, lost, run.duplicated,
                                     run.reordered), file=sys.stderr)
    print("  latency p50 %s p99 %s max %s ms" % (figures["latency_ms"]["p50"], figures["latency_ms"]["p99"],
                                                 figures["latency_ms"]["max"]), file=sys.stderr)
    print("  server CPU ms/message: send %.3f, send+drain %.3f, join+send+drain %.3f, whole run %.3f"
          % (w["send"], w["send_drain"], w["join_on"], w["whole"]), file=sys.stderr)
    for kind in sorted(run.frames):
        print("  %-16s %8d frames %10d bytes (%.0f bytes each)" % (
            kind, run.frames[kind], run.bytes[kind], run.bytes[kind] / run.frames[kind]), file=sys.stderr)
    return 0 if result["ok"] else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--rooms", type=int, default=10)
    parser.add_argument("--per-room", type=int, default=50)
    parser.add_argument("--senders-per-room", type=int, default=1)
    parser.add_argument("--rate", type=float, default=50)
    parser.add_argument("--duration", type=float, default=10)
    parser.add_argument("--drain", type=float, default=10)
    parser.add_argument("--body-bytes", type=int, default=64)
    parser.add_argument("--concurrency", type=int, default=50)
    args = parser.parse_args()
    if args.rooms < 1 or args.per_room < 1 or args.rate <= 0 or args.duration <= 0 \
            or not 1 <= args.senders_per_room <= args.per_room:
        print("neutral_fanout.py: bad arguments (rooms, per-room >= 1; rate, duration > 0; "
              "1 <= senders-per-room <= per-room)", file=sys.stderr)
        return 2
    try:
        os.kill(args.pid, 0)
    except OSError:
        print("neutral_fanout.py: --pid %d: no such process" % args.pid, file=sys.stderr)
        return 2
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
