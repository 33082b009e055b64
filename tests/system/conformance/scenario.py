#!/usr/bin/env python3
# Provenance: the scenario driver that recorded tests/data/transcripts from the original Python backend
# (Denis-Source/socket_chat at commit 48d6f52). Kept unchanged (this comment aside); see README.md here.
"""Protocol scenario driver for the socket_chat websocket protocol.

Opens several websocket clients against a chat server, plays a fixed,
deterministic script of calls and records every frame each client receives.
The result is a normalized JSON-lines transcript that can be compared between
servers (the original Python backend, the C++ reimplementation, ...).

Run with a Python 3 that has the `websockets` package (>= 10), e.g.
    /usr/bin/python3 scenario.py ws://127.0.0.1:9000 basic
See README.md next to this file.

Every scenario assumes a FRESH server (no rooms yet): the rooms list sent on
connect is part of the transcript.  Use --server-cmd to let the driver start a
fresh server process for each scenario.
"""

import argparse
import asyncio
import difflib
import hashlib
import json
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import time

try:
    import websockets
except ImportError:  # pragma: no cover
    sys.stderr.write("scenario.py needs the 'websockets' package "
                     "(Debian: python3-websockets)\n")
    raise

# --------------------------------------------------------------------------
# constants

# Colors the original server picks from at random for a new room.
DEFAULT_ROOM_COLORS = {
    "#ffffff", "#5da247", "#fbeb50", "#2b347e", "#cf2e24",
    "#e69635", "#d95d98", "#5e297e", "#888888", "#e79d7e",
}

UUID_RE = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# Python's datetime.now().isoformat(): no time zone, 0 or 6 fraction digits.
ISO_TIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?$")

LONG_STRING = 200          # longer strings are replaced by a digest
LONG_SENT_FRAME = 2000     # longer sent frames are summarized


def line_uuid(n):
    """Deterministic, valid-looking line uuids chosen by the 'client'."""
    return "00000000-0000-4000-8000-%012d" % n


UNKNOWN_ROOM = "deadbeef-dead-4ead-8ead-deaddeadbeef"


# --------------------------------------------------------------------------
# driver

class Client:
    def __init__(self, driver, cid):
        self.driver = driver
        self.cid = cid
        self.ws = None
        self.reader = None
        self.frames = []          # parsed frames received so far (raw)
        self.closed = False

    async def open(self):
        try:
            self.ws = await websockets.connect(
                self.driver.url, max_size=None, ping_interval=None,
                close_timeout=3, open_timeout=5)
        except Exception as exc:  # handshake refused, no server, ...
            self.closed = True
            self.driver.record(self.cid, "event",
                               {"event": "connect_failed",
                                "error": type(exc).__name__})
            return
        self.reader = asyncio.ensure_future(self._read())

    async def _read(self):
        ws = self.ws
        try:
            async for msg in ws:
                self.driver.on_frame(self, msg)
        except websockets.ConnectionClosed:
            pass
        except Exception as exc:  # pragma: no cover - unexpected
            self.driver.record(self.cid, "event",
                               {"event": "reader_error",
                                "error": type(exc).__name__})
        try:
            await asyncio.wait_for(ws.wait_closed(), 5)
        except asyncio.TimeoutError:
            pass
        # websockets <= 13 (legacy): ws.close_rcvd; >= 14: ws.protocol.close_rcvd
        rcvd = getattr(ws, "close_rcvd", None)
        if rcvd is None and hasattr(ws, "protocol"):
            rcvd = getattr(ws.protocol, "close_rcvd", None)
        if rcvd is not None:
            code, reason = rcvd.code, rcvd.reason
        else:
            code, reason = 1006, ""   # no close frame: TCP dropped
        self.closed = True
        self.driver.record(self.cid, "event",
                           {"event": "closed", "code": code, "reason": reason})

    async def send(self, data):
        """Send a str (text frame) or bytes (binary frame)."""
        try:
            await self.ws.send(data)
        except Exception as exc:
            self.driver.record(self.cid, "event",
                               {"event": "send_failed",
                                "error": type(exc).__name__})

    def last(self, message):
        """Payload of the latest frame with payload.message == message."""
        for frame in reversed(self.frames):
            if isinstance(frame, dict) and isinstance(frame.get("payload"), dict) \
                    and frame["payload"].get("message") == message:
                return frame["payload"]
        return None


class Driver:
    def __init__(self, url, quiet_ms=300, timeout_s=5.0):
        self.url = url
        self.quiet = quiet_ms / 1000.0
        self.timeout = timeout_s
        self.clients = {}         # cid -> Client, insertion order = canonical
        self.log = []             # transcript entries (raw)
        self.pending = {}         # cid -> entries received during this step
        self.step_no = 0
        self.arrivals = 0
        self.last_arrival = 0.0

    # -- recording -------------------------------------------------------
    def record(self, cid, direction, payload):
        entry = {"step": self.step_no, "client": cid, "dir": direction}
        entry.update(payload)
        self.pending.setdefault(cid, []).append(entry)
        self.arrivals += 1
        self.last_arrival = time.monotonic()

    def on_frame(self, client, msg):
        if isinstance(msg, bytes):
            frame = {"binary_hex": msg.hex()}
            client.frames.append(frame)
            self.record(client.cid, "recv", {"frame": frame})
            return
        try:
            frame = json.loads(msg)
        except ValueError:
            frame = {"non_json_text": msg}
        client.frames.append(frame)
        self.record(client.cid, "recv", {"frame": frame})

    def flush(self):
        for cid in self.clients:
            self.log.extend(self.pending.pop(cid, []))
        for cid in list(self.pending):   # should not happen
            self.log.extend(self.pending.pop(cid))

    async def settle(self, expect):
        """Wait until the server is quiet.

        expect=True: wait (up to timeout) for at least one frame or event
        first; if none arrives, record a 'no_answer' event.
        """
        start = time.monotonic()
        start_arrivals = self.arrivals
        if not expect:
            self.last_arrival = start
        while True:
            await asyncio.sleep(0.01)
            now = time.monotonic()
            got = self.arrivals - start_arrivals
            if expect and got == 0:
                if now - start >= self.timeout:
                    return False
                continue
            if now - self.last_arrival >= self.quiet:
                return True

    # -- steps -----------------------------------------------------------
    def _begin(self, cid, label):
        self.flush()
        self.step_no += 1
        self.log.append({"step": self.step_no, "client": cid, "dir": "step",
                         "label": label})

    async def _end(self, cid, expect=True):
        ok = await self.settle(expect)
        if not ok:
            self.record(cid, "event", {"event": "no_answer",
                                       "waited_s": self.timeout})
        self.flush()

    async def connect(self, cid, label=None):
        self._begin(cid, label or "%s connects" % cid)
        client = Client(self, cid)
        self.clients[cid] = client
        await client.open()
        await self._end(cid)
        return client

    async def call(self, cid, message, label=None, **fields):
        """Send a regular call statement {"type":"call","payload":{...}}."""
        payload = {"message": message}
        payload.update(fields)
        statement = {"type": "call", "payload": payload}
        await self.send_raw(cid, json.dumps(statement),
                            label or "%s: %s" % (cid, message), as_json=True)

    async def send_raw(self, cid, data, label, expect=True, as_json=False):
        """Send one frame; recorded as {"json": ...} for well-formed calls,
        else as {"text": ...} / {"binary_hex": ...} / a digest if long."""
        self._begin(cid, label)
        client = self.clients[cid]
        self.log.append({"step": self.step_no, "client": cid, "dir": "send",
                         "frame": describe_sent(data, as_json)})
        if client.closed:
            self.record(cid, "event", {"event": "send_on_closed"})
            expect = False
        else:
            await client.send(data)
        await self._end(cid, expect)

    async def close(self, cid, label=None):
        self._begin(cid, label or "%s closes the connection" % cid)
        client = self.clients[cid]
        self.log.append({"step": self.step_no, "client": cid, "dir": "send",
                         "frame": {"close": 1000}})
        if not client.closed:
            await client.ws.close()
        await self._end(cid, expect=not client.closed)

    async def drop(self, cid, label=None):
        """Drop the TCP connection without a close frame."""
        self._begin(cid, label or "%s drops the TCP connection" % cid)
        client = self.clients[cid]
        self.log.append({"step": self.step_no, "client": cid, "dir": "send",
                         "frame": {"tcp_abort": True}})
        if not client.closed:
            client.ws.transport.abort()
        await self._end(cid, expect=False)

    async def shutdown(self):
        self.flush()
        for client in self.clients.values():
            if client.ws is not None and not client.closed:
                try:
                    await client.ws.close()
                except Exception:
                    pass
        for client in self.clients.values():
            if client.reader is not None:
                try:
                    await asyncio.wait_for(client.reader, 5)
                except Exception:
                    pass
        self.pending.clear()   # closes after the script are not recorded

    # -- helpers for scripts --------------------------------------------
    def room_uuid(self, cid, message="room_created"):
        payload = self.clients[cid].last(message)
        try:
            return payload["object"]["uuid"]
        except (TypeError, KeyError):
            return UNKNOWN_ROOM


def describe_sent(data, as_json=False):
    if isinstance(data, bytes):
        if len(data) > LONG_SENT_FRAME:
            return {"binary_len": len(data),
                    "sha1": hashlib.sha1(data).hexdigest()[:12]}
        return {"binary_hex": data.hex()}
    if len(data) > LONG_SENT_FRAME:
        return {"text_chars": len(data),
                "utf8_bytes": len(data.encode("utf-8")),
                "sha1": hashlib.sha1(data.encode("utf-8")).hexdigest()[:12]}
    if as_json:
        return {"json": json.loads(data)}
    return {"text": data}


# --------------------------------------------------------------------------
# normalization

ROOM_CALLS = {"enter_room", "delete_room", "change_name", "change_color"}


def object_kind(d):
    """Guess which protocol object a JSON object is (for uuid tokens)."""
    keys = set(d)
    message = d.get("message")
    if not isinstance(message, str):
        message = None
    if {"users", "sum"} <= keys:
        return "room"
    if "body" in keys and "user" in keys:
        return "message"
    if "lines" in keys:
        return "drawing"
    if "points" in keys or "tool" in keys or message == "change_draw_line":
        return "line"
    if message in ROOM_CALLS:
        return "room"
    if {"uuid", "name", "room_uuid"} <= keys:
        return "user"
    return None


class Normalizer:
    """Replaces run-dependent values by stable tokens.

    UUIDs become <KIND:N>, numbered per kind (room, user, message, drawing,
    line; 'uuid' when the kind is unclear) in order of first appearance, so
    that one extra uuid of one kind does not renumber all the others.
    """

    def __init__(self):
        self.uuids = {}
        self.counts = {}
        self.room_first_color = {}

    def token(self, u, kind):
        u = u.lower()
        if u not in self.uuids:
            kind = kind or "uuid"
            self.counts[kind] = self.counts.get(kind, 0) + 1
            self.uuids[u] = "<%s:%d>" % (kind, self.counts[kind])
        return self.uuids[u]

    def string(self, s, kind):
        if ISO_TIME_RE.match(s):
            return "<time>"
        if len(s) > LONG_STRING:
            digest = hashlib.sha1(s.encode("utf-8")).hexdigest()[:12]
            return "<str chars=%d sha1=%s>" % (len(s), digest)
        return UUID_RE.sub(lambda m: self.token(m.group(0), kind), s)

    def value(self, v, kind=None):
        if isinstance(v, str):
            return self.string(v, kind)
        if isinstance(v, bool) or v is None:
            return v
        if isinstance(v, float) and v.is_integer() and abs(v) < 2 ** 53:
            return int(v)
        if isinstance(v, (int, float)):
            return v
        if isinstance(v, list):
            return [self.value(x, kind) for x in v]
        if isinstance(v, dict):
            return self.obj(v, kind)
        return v

    def obj(self, d, hint=None):
        kind = object_kind(d) or hint
        is_room = {"uuid", "color", "users", "sum"} <= set(d)
        out = {}
        for k in sorted(d):
            if k in ("uuid", "name"):
                sub = kind
            elif k == "room_uuid":
                sub = "room"
            elif k in ("user", "users"):
                sub = "user"
            elif k == "lines":
                sub = "line"
            elif k in ("object", "list", "payload", "json"):
                sub = None
            else:
                sub = kind
            if is_room and k == "color" and isinstance(d[k], str):
                out[k] = self.room_color(d.get("uuid"), d[k])
            else:
                out[k] = self.value(d[k], sub)
        return out

    def room_color(self, room_uuid, color):
        key = room_uuid if isinstance(room_uuid, str) else repr(room_uuid)
        if key not in self.room_first_color:
            self.room_first_color[key] = color
        first = self.room_first_color[key]
        if first in DEFAULT_ROOM_COLORS and color == first:
            return "<color>"      # still the randomly picked initial color
        return color

    def entry(self, e):
        return {k: (e[k] if k in ("step", "client", "dir", "label")
                    else self.value(e[k])) for k in e}


def normalize(log):
    n = Normalizer()
    return [n.entry(e) for e in log]


HEAD_KEYS = ("step", "client", "dir")


def dump_lines(entries):
    """One JSON object per line: step, client, dir first, the rest sorted."""
    lines = []
    for e in entries:
        ordered = {k: e[k] for k in HEAD_KEYS if k in e}
        ordered.update((k, e[k]) for k in sorted(e) if k not in HEAD_KEYS)
        lines.append(json.dumps(ordered, ensure_ascii=False))
    return lines


# --------------------------------------------------------------------------
# scenarios
#
# Every scenario starts on a fresh server.  Clients are named A, B, C, ...

SCENARIOS = {}


def scenario(fn):
    SCENARIOS[fn.__name__[3:]] = fn
    return fn


@scenario
async def sc_basic(d):
    """Connect, one room, enter, one message, drawing, leave, delete."""
    await d.connect("A")
    await d.call("A", "list_rooms")
    await d.call("A", "create_room")
    room = d.room_uuid("A")
    await d.call("A", "list_rooms")
    await d.call("A", "change_user_name", name="Alice")
    await d.connect("B")
    await d.call("A", "enter_room", uuid=room)
    await d.call("A", "create_message", body="hello")
    await d.call("A", "list_messages")
    await d.call("A", "get_drawing")
    await d.call("A", "change_draw_line", uuid=line_uuid(1),
                 points=[10, 20, 30, 40], color="#000000cc", tool="pen")
    await d.call("A", "reset_drawing")
    await d.call("A", "leave_room")
    await d.call("A", "delete_room", uuid=room)
    await d.call("A", "list_rooms")
    await d.close("B")
    await d.connect("C", "C connects (final state)")


@scenario
async def sc_rooms(d):
    """Room life cycle: ordering, rename, colors, enter/switch/leave, delete."""
    await d.connect("A")
    await d.connect("B")
    for i in range(3):
        await d.call("A", "create_room", label="A: create_room #%d" % (i + 1))
        if i == 0:
            r1 = d.room_uuid("A")
        elif i == 1:
            r2 = d.room_uuid("A")
        else:
            r3 = d.room_uuid("A")
    await d.call("B", "list_rooms")
    # names
    await d.call("A", "change_name", uuid=r1, name="Lobby")
    await d.call("A", "change_name", uuid=r1, name="",
                 label="A: change_name to empty string (ignored)")
    await d.call("A", "change_name", uuid=r2, name="N" * 100,
                 label="A: change_name with 100 chars")
    await d.call("A", "change_name", uuid=UNKNOWN_ROOM, name="x",
                 label="A: change_name of unknown room")
    # colors
    for color in ["#123456", "#abc", "#11223344", "#ABCDEF"]:
        await d.call("A", "change_color", uuid=r1, color=color,
                     label="A: change_color %s (valid)" % color)
    for color in ["red", "#12345", "#1234567", "#ggg", "123456",
                  "#12345678a", " #123456"]:
        await d.call("A", "change_color", uuid=r1, color=color,
                     label="A: change_color %r (invalid)" % color)
    await d.call("A", "change_color", uuid=r2, color="#fff\n",
                 label="A: change_color '#fff\\n' (trailing newline)")
    await d.call("A", "change_color", uuid=r1, color="",
                 label="A: change_color empty string")
    await d.call("A", "change_color", uuid=r1, color=None,
                 label="A: change_color null")
    await d.call("A", "change_color", uuid=UNKNOWN_ROOM, color="#123456",
                 label="A: change_color of unknown room (valid color)")
    await d.call("A", "change_color", uuid=UNKNOWN_ROOM, color="nope",
                 label="A: change_color of unknown room (invalid color)")
    # entering, switching, leaving
    await d.call("A", "enter_room", uuid=r1)
    await d.call("B", "enter_room", uuid=r1)
    await d.call("A", "enter_room", uuid=r2, label="A: enter_room r2 (switch)")
    await d.call("A", "enter_room", uuid=r2,
                 label="A: enter_room r2 again (already inside)")
    await d.call("A", "enter_room", uuid=UNKNOWN_ROOM,
                 label="A: enter_room unknown room")
    await d.call("A", "list_rooms")
    await d.call("B", "delete_room", uuid=r2,
                 label="B: delete_room r2 (A inside)")
    await d.call("B", "delete_room", uuid=UNKNOWN_ROOM,
                 label="B: delete_room unknown room")
    await d.call("A", "leave_room")
    await d.call("B", "delete_room", uuid=r2, label="B: delete_room r2 (empty)")
    await d.call("B", "delete_room", uuid=r2,
                 label="B: delete_room r2 again (already deleted)")
    await d.call("A", "enter_room", uuid=r2,
                 label="A: enter_room r2 (deleted)")
    await d.call("A", "enter_room", uuid=r3)
    await d.close("B", "B closes while inside r1")
    await d.call("A", "list_rooms")
    await d.connect("C", "C connects (final state)")


@scenario
async def sc_messages(d):
    """Messages: not in room, bodies, broadcast, history, user renames."""
    await d.connect("A")
    await d.connect("B")
    await d.connect("C")
    await d.call("A", "create_room")
    room = d.room_uuid("A")
    await d.call("A", "create_message", body="nobody hears",
                 label="A: create_message while in no room")
    await d.call("A", "list_messages", label="A: list_messages while in no room")
    await d.call("A", "enter_room", uuid=room)
    await d.call("B", "enter_room", uuid=room)
    await d.call("A", "create_message", body="hello")
    await d.call("B", "create_message", body="", label="B: create_message ''")
    await d.call("A", "create_message",
                 body="h\u00e9llo \u2713 \U0001F389 <b>&amp;</b> \"q\" \\ \n\t",
                 label="A: create_message unicode/escapes")
    await d.call("B", "create_message", body="x" * 5000,
                 label="B: create_message 5000 chars")
    await d.call("A", "create_message", body="with extra keys",
                 uuid=UNKNOWN_ROOM, name="ignored", color="#000",
                 label="A: create_message with extra payload keys")
    await d.call("A", "list_messages")
    await d.call("A", "change_user_name", name="Alice",
                 label="A: change_user_name while in room")
    await d.call("B", "list_messages", label="B: list_messages after rename")
    await d.call("C", "enter_room", uuid=room,
                 label="C: enter_room (history)")
    await d.call("C", "leave_room")
    await d.call("A", "leave_room")
    await d.call("B", "list_messages", label="B: list_messages after A left")
    await d.close("B", "B closes while inside the room")
    await d.call("C", "list_rooms")
    await d.call("C", "enter_room", uuid=room, label="C: enter_room again")
    await d.call("C", "create_message", body="last")
    await d.connect("D", "D connects (final state)")


@scenario
async def sc_drawing(d):
    """Drawing: not in room, lines, who receives, get, reset."""
    await d.connect("A")
    await d.connect("B")
    await d.connect("C")
    await d.call("A", "create_room")
    room = d.room_uuid("A")
    await d.call("A", "get_drawing", label="A: get_drawing while in no room")
    await d.call("A", "change_draw_line", uuid=line_uuid(99), points=[1, 2],
                 color="#000000", tool="pen",
                 label="A: change_draw_line while in no room")
    await d.call("A", "change_draw_line",
                 label="A: change_draw_line without fields while in no room")
    await d.call("A", "reset_drawing", label="A: reset_drawing while in no room")
    await d.call("A", "enter_room", uuid=room)
    await d.call("B", "enter_room", uuid=room)
    await d.call("A", "get_drawing")
    await d.call("A", "change_draw_line", uuid=line_uuid(1),
                 points=[10, 20, 30, 40, 50, 60], color="#000000cc",
                 tool="pen", label="A: change_draw_line pen")
    await d.call("B", "change_draw_line", uuid=line_uuid(2),
                 points=[0.5, 1.25, -3, 1e3, 639.75, 479.5], color="#ffffff",
                 tool="eraser", label="B: change_draw_line eraser, floats")
    await d.call("A", "change_draw_line", uuid=line_uuid(3), points=[],
                 color="#ABC", tool="brush",
                 label="A: change_draw_line unknown tool, empty points")
    await d.call("A", "change_draw_line", uuid=line_uuid(4), points=[5, 5],
                 color="#12345678", tool="pen", extra="ignored",
                 label="A: change_draw_line 8-digit color, extra key")
    await d.call("B", "get_drawing")
    await d.call("C", "enter_room", uuid=room, label="C: enter_room (drawing)")
    await d.call("C", "leave_room")
    await d.call("B", "reset_drawing")
    await d.call("A", "get_drawing", label="A: get_drawing after reset")
    await d.call("A", "change_draw_line", uuid=line_uuid(5), points=[1, 1, 2, 2],
                 color="#5da247", tool="pen", label="A: line after reset")
    await d.call("A", "leave_room")
    await d.call("A", "get_drawing", label="A: get_drawing after leaving")
    await d.call("B", "get_drawing")
    await d.connect("D", "D connects (final state)")


@scenario
async def sc_bad_input(d):
    """Malformed statements that the original answers (no crash)."""
    await d.connect("A")
    await d.call("A", "create_room")
    room = d.room_uuid("A")
    await d.send_raw("A", "not json", "A: invalid JSON text")
    await d.send_raw("A", "{", "A: truncated JSON")
    await d.send_raw("A", "", "A: empty text frame")
    await d.send_raw("A", "{}", "A: {} (no payload)")
    await d.send_raw("A", '{"type": "call"}', "A: no payload key")
    await d.send_raw("A", '{"type": "call", "payload": {}}',
                     "A: payload without message")
    await d.send_raw("A", '{"type": "call", "payload": {"uuid": "x"}}',
                     "A: payload without message, other keys")
    await d.send_raw("A", '{"payload": {"message": "list_rooms"}}',
                     "A: no type key (type is ignored)")
    await d.send_raw("A", '{"type": "bogus", "payload": {"message": "list_rooms"}}',
                     "A: bogus type value (ignored)")
    await d.send_raw("A", '{"type": "call", "payload": {"message": "list_rooms"}, '
                     '"payload": {"message": "create_room"}}',
                     "A: duplicate payload key (last wins)")
    # statement length limit: 100000 characters
    base = '{"type": "call", "payload": {"message": "list_rooms", "pad": "'
    tail = '"}}'
    pad = 100000 - len(base) - len(tail)
    await d.send_raw("A", base + "p" * pad + tail,
                     "A: list_rooms, exactly 100000 chars (accepted)")
    await d.send_raw("A", base + "p" * (pad + 1) + tail,
                     "A: list_rooms, 100001 chars (too long)")
    await d.send_raw("A", "x" * 100001,
                     "A: 100001 chars of garbage (length checked first)")
    wide = base + "\u00e9" * 60000 + tail
    await d.send_raw("A", wide,
                     "A: list_rooms, %d chars / %d UTF-8 bytes "
                     "(limit counts characters)"
                     % (len(wide), len(wide.encode("utf-8"))))
    # binary frames carrying JSON are parsed like text
    await d.send_raw("A", json.dumps({"type": "call",
                                      "payload": {"message": "list_rooms"}}).encode(),
                     "A: binary frame with a list_rooms call")
    await d.send_raw("A", b"\xff\xfe", "A: binary frame ff fe (UTF-16 BOM)")
    # calls that need a room while in none
    for message in ["list_messages", "get_drawing", "reset_drawing"]:
        await d.call("A", message, label="A: %s while in no room" % message)
    await d.call("A", "create_message", body="x",
                 label="A: create_message while in no room")
    await d.call("A", "change_draw_line", uuid=line_uuid(1), points=[1, 2],
                 color="#000", tool="pen",
                 label="A: change_draw_line while in no room")
    # wrong types that do not crash the original
    await d.call("A", "enter_room", uuid=12345, label="A: enter_room uuid=12345")
    await d.call("A", "enter_room", uuid=None, label="A: enter_room uuid=null")
    await d.call("A", "delete_room", uuid=None, label="A: delete_room uuid=null")
    await d.call("A", "change_user_name", name="",
                 label="A: change_user_name '' (ignored)")
    await d.call("A", "change_user_name", name=None,
                 label="A: change_user_name null (ignored)")
    await d.call("A", "change_name", uuid=room, name=None,
                 label="A: change_name null (ignored)")
    await d.call("A", "create_room", name="ignored", color="#000000",
                 label="A: create_room with name/color (ignored)")
    await d.call("A", "list_rooms", label="A: list_rooms (still alive)")


# Each crash case runs on its own fresh client.  (label, needs_room, data)
CRASH_CASES = [
    ("unknown message type", False,
     {"type": "call", "payload": {"message": "fly"}}),
    ("leave_room while in no room", False,
     {"type": "call", "payload": {"message": "leave_room"}}),
    ("enter_room without uuid", False,
     {"type": "call", "payload": {"message": "enter_room"}}),
    ("delete_room without uuid", False,
     {"type": "call", "payload": {"message": "delete_room"}}),
    ("change_name without name", False,
     {"type": "call", "payload": {"message": "change_name", "uuid": "@ROOM"}}),
    ("change_color without color", False,
     {"type": "call", "payload": {"message": "change_color", "uuid": "@ROOM"}}),
    ("change_color with a number", False,
     {"type": "call", "payload": {"message": "change_color", "uuid": "@ROOM",
                                  "color": 123}}),
    ("change_user_name without name", False,
     {"type": "call", "payload": {"message": "change_user_name"}}),
    ("create_message without body (in no room)", False,
     {"type": "call", "payload": {"message": "create_message"}}),
    ("payload is a string", False, '{"type": "call", "payload": "list_rooms"}'),
    ("top-level JSON array", False, '[]'),
    ("top-level JSON null", False, 'null'),
    ("top-level JSON string", False, '"list_rooms"'),
    ("message is a list", False,
     {"type": "call", "payload": {"message": ["list_rooms"]}}),
    ("binary frame, invalid UTF-8", False, b"\x80\x81\x82"),
    ("create_message without body (in room)", True,
     {"type": "call", "payload": {"message": "create_message"}}),
    ("create_message with a number body (in room)", True,
     {"type": "call", "payload": {"message": "create_message", "body": 42}}),
    ("change_draw_line without points (in room)", True,
     {"type": "call", "payload": {"message": "change_draw_line",
                                  "uuid": line_uuid(7), "color": "#000",
                                  "tool": "pen"}}),
    ("change_draw_line with invalid color (in room)", True,
     {"type": "call", "payload": {"message": "change_draw_line",
                                  "uuid": line_uuid(8), "points": [1, 2],
                                  "color": "black", "tool": "pen"}}),
    ("leave_room twice (in room)", True,
     [{"type": "call", "payload": {"message": "leave_room"}},
      {"type": "call", "payload": {"message": "leave_room"}}]),
    ("frame larger than 1 MiB", False, "@HUGE"),
]


@scenario
async def sc_crashes(d):
    """Inputs that kill the connection in the original (one client each)."""
    await d.connect("O", "O (observer) connects")
    await d.call("O", "create_room")
    room = d.room_uuid("O")
    await d.call("O", "enter_room", uuid=room)
    for i, (label, needs_room, data) in enumerate(CRASH_CASES, 1):
        cid = "X%02d" % i
        await d.connect(cid)
        if needs_room:
            await d.call(cid, "enter_room", uuid=room)
        items = data if isinstance(data, list) else [data]
        for item in items:
            if item == "@HUGE":
                raw = '{"type": "call", "payload": {"message": "list_rooms", ' \
                      '"pad": "' + "h" * (1 << 20) + '"}}'
            elif isinstance(item, dict):
                raw = json.dumps(item).replace('"@ROOM"', json.dumps(room))
            else:
                raw = item
            await d.send_raw(cid, raw, "%s: %s" % (cid, label),
                             as_json=isinstance(item, dict))
        await d.call(cid, "list_rooms",
                     label="%s: list_rooms afterwards (alive?)" % cid)
    await d.call("O", "list_messages", label="O: list_messages (still alive)")
    await d.call("O", "get_drawing")
    await d.connect("Z", "Z connects (final state)")


@scenario
async def sc_multi_client_broadcast(d):
    """Who receives what: lobby vs. room members vs. caller."""
    for cid in "ABCD":
        await d.connect(cid)
    await d.call("A", "create_room", label="A: create_room r1")
    r1 = d.room_uuid("A")
    await d.call("C", "create_room", label="C: create_room r2")
    r2 = d.room_uuid("C")
    await d.call("A", "enter_room", uuid=r1, label="A: enter_room r1")
    await d.call("B", "enter_room", uuid=r1, label="B: enter_room r1")
    await d.call("C", "enter_room", uuid=r2, label="C: enter_room r2")
    # D stays in the lobby
    await d.call("D", "change_name", uuid=r1, name="Room One",
                 label="D (lobby): change_name r1")
    await d.call("D", "change_color", uuid=r2, color="#010203",
                 label="D (lobby): change_color r2")
    await d.call("A", "create_message", body="to r1",
                 label="A: create_message in r1")
    await d.call("C", "create_message", body="to r2",
                 label="C: create_message in r2")
    await d.call("B", "change_draw_line", uuid=line_uuid(1), points=[1, 2, 3, 4],
                 color="#cf2e24", tool="pen", label="B: change_draw_line in r1")
    await d.call("C", "reset_drawing", label="C: reset_drawing in r2")
    await d.call("A", "reset_drawing", label="A: reset_drawing in r1")
    await d.call("C", "change_user_name", name="Carol",
                 label="C: change_user_name (in r2)")
    await d.call("D", "change_user_name", name="Dave",
                 label="D: change_user_name (lobby)")
    await d.call("D", "enter_room", uuid=r1, label="D: enter_room r1")
    await d.call("A", "enter_room", uuid=r2, label="A: enter_room r2 (switch)")
    await d.call("B", "create_message", body="B after A left")
    await d.call("A", "delete_room", uuid=r1,
                 label="A: delete_room r1 (B, D inside)")
    await d.close("B", "B closes (was in r1)")
    await d.drop("D", "D drops TCP without close frame (was in r1)")
    await d.call("A", "list_rooms")
    await d.call("A", "leave_room")
    await d.call("A", "delete_room", uuid=r1, label="A: delete_room r1 (empty)")
    await d.call("C", "list_rooms")
    await d.connect("E", "E connects (final state)")


@scenario
async def sc_dup_line(d):
    """A line uuid sent twice (client re-sends a changed line)."""
    await d.connect("A")
    await d.connect("B")
    await d.call("A", "create_room")
    room = d.room_uuid("A")
    await d.call("A", "enter_room", uuid=room)
    await d.call("B", "enter_room", uuid=room)
    await d.call("A", "change_draw_line", uuid=line_uuid(1), points=[1, 2],
                 color="#000000", tool="pen", label="A: line L1")
    await d.call("A", "change_draw_line", uuid=line_uuid(1),
                 points=[1, 2, 3, 4], color="#000000", tool="pen",
                 label="A: line L1 again, same uuid, more points")
    await d.call("B", "get_drawing")
    await d.call("B", "create_message", body="still there?")
    await d.call("B", "list_rooms")
    await d.connect("C", "C connects after the duplicate line")
    await d.call("B", "leave_room")
    await d.connect("D", "D connects (final state)")


# --------------------------------------------------------------------------
# running

def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_port(port, proc, timeout=15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        s = socket.socket()
        s.settimeout(0.2)
        try:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return True
        finally:
            s.close()
        time.sleep(0.05)
    return False


class ServerProcess:
    """Starts --server-cmd for one scenario; {port} and {dir} are filled in."""

    def __init__(self, template, log_path=None):
        self.template = template
        self.log_path = log_path
        self.proc = None
        self.tmp = None

    def __enter__(self):
        self.port = free_port()
        self.tmp = tempfile.TemporaryDirectory(prefix="scenario-server-")
        cmd = self.template.format(port=self.port, dir=self.tmp.name)
        out = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL
        self.proc = subprocess.Popen(cmd, shell=True, cwd=self.tmp.name,
                                     stdout=out, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        if out is not subprocess.DEVNULL:
            out.close()
        if not wait_port(self.port, self.proc):
            self.__exit__(None, None, None)
            raise RuntimeError("server did not start: %s" % cmd)
        self.url = "ws://127.0.0.1:%d" % self.port
        return self

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            pgid = self.proc.pid   # own session: pgid == pid
            try:
                os.killpg(pgid, signal.SIGTERM)
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                os.killpg(pgid, signal.SIGKILL)
                self.proc.wait(5)
            except ProcessLookupError:
                pass
        if self.tmp:
            self.tmp.cleanup()


async def run_scenario(url, name, quiet_ms, timeout_s):
    d = Driver(url, quiet_ms, timeout_s)
    try:
        await SCENARIOS[name](d)
    finally:
        await d.shutdown()
    return d.log


def compare(lines, expect_path, name):
    with open(expect_path, encoding="utf-8") as f:
        expected = [l.rstrip("\n") for l in f if l.strip()]
    if expected == lines:
        return True
    diff = difflib.unified_diff(expected, lines, expect_path, name + " (actual)",
                                lineterm="", n=2)
    sys.stdout.write("\n".join(diff) + "\n")
    return False


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Play protocol scenarios against a socket_chat server.")
    ap.add_argument("url", nargs="?",
                    help="ws://host:port of a fresh server "
                         "(omit when --server-cmd is given)")
    ap.add_argument("scenario", nargs="?",
                    help="scenario name or 'all' (see --list)")
    ap.add_argument("--list", action="store_true", help="list scenarios")
    ap.add_argument("--server-cmd",
                    help="shell command starting a fresh server for each "
                         "scenario; {port} and {dir} (empty temp dir, also "
                         "the cwd) are substituted")
    ap.add_argument("--server-log", help="append server output to this file")
    ap.add_argument("--out", help="write the normalized transcript here "
                                  "(single scenario; default stdout)")
    ap.add_argument("--out-dir", help="write <scenario>.jsonl files here")
    ap.add_argument("--raw-out", help="also write the raw (unnormalized) "
                                      "transcript here (single scenario)")
    ap.add_argument("--expect", help="compare with this transcript "
                                     "(single scenario); exit 1 on mismatch")
    ap.add_argument("--expect-dir",
                    help="compare each scenario with <dir>/<scenario>.jsonl")
    ap.add_argument("--quiet-ms", type=int, default=300,
                    help="a step ends after this long without frames "
                         "(default 300)")
    ap.add_argument("--timeout", type=float, default=5.0,
                    help="seconds to wait for the first answer of a step")
    args = ap.parse_args(argv)

    if args.list:
        for name, fn in SCENARIOS.items():
            print("%-24s %s" % (name, (fn.__doc__ or "").strip()))
        return 0
    if args.server_cmd and args.url and not args.scenario \
            and not args.url.startswith("ws"):
        args.scenario, args.url = args.url, None
    if not args.scenario:
        ap.error("scenario name required")
    names = list(SCENARIOS) if args.scenario == "all" \
        else [n for n in args.scenario.split(",") if n]
    for name in names:
        if name not in SCENARIOS:
            ap.error("unknown scenario %r (see --list)" % name)
    if len(names) > 1 and not args.server_cmd:
        ap.error("several scenarios need --server-cmd "
                 "(each scenario needs a fresh server)")
    if not args.url and not args.server_cmd:
        ap.error("give a server URL or --server-cmd")

    failures = []
    for name in names:
        try:
            if args.server_cmd:
                with ServerProcess(args.server_cmd, args.server_log) as srv:
                    log = asyncio.run(run_scenario(srv.url, name, args.quiet_ms,
                                                   args.timeout))
            else:
                log = asyncio.run(run_scenario(args.url, name, args.quiet_ms,
                                               args.timeout))
        except Exception as exc:
            sys.stderr.write("%s: driver error: %r\n" % (name, exc))
            failures.append(name)
            continue
        lines = dump_lines(normalize(log))
        text = "\n".join(lines) + "\n"
        if args.raw_out and len(names) == 1:
            with open(args.raw_out, "w", encoding="utf-8") as f:
                f.write("\n".join(json.dumps(e, ensure_ascii=False)
                                  for e in log) + "\n")
        if args.out_dir:
            os.makedirs(args.out_dir, exist_ok=True)
            with open(os.path.join(args.out_dir, name + ".jsonl"), "w",
                      encoding="utf-8") as f:
                f.write(text)
        elif args.out and len(names) == 1:
            with open(args.out, "w", encoding="utf-8") as f:
                f.write(text)
        elif not (args.expect or args.expect_dir):
            sys.stdout.write(text)
        expect = args.expect if len(names) == 1 and args.expect else None
        if args.expect_dir:
            expect = os.path.join(args.expect_dir, name + ".jsonl")
        recv = sum(1 for e in log if e["dir"] == "recv")
        status = ""
        if expect:
            ok = compare(lines, expect, name)
            status = " OK" if ok else " MISMATCH"
            if not ok:
                failures.append(name)
        sys.stderr.write("%s: %d steps, %d frames received%s\n"
                         % (name, max([e["step"] for e in log] or [0]), recv,
                            status))
    if args.expect or args.expect_dir or failures:
        sys.stderr.write("%d passed, %d failed\n"
                         % (len(names) - len(failures), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
