#!/usr/bin/env python3
"""Writes libFuzzer seeds for fuzz_dispatch from the conformance transcripts.

Usage: seeds_from_transcripts.py TRANSCRIPTS_DIR OUTPUT_DIR

TRANSCRIPTS_DIR is normally tests/data/transcripts (part of the repository). A folder without any
transcript is an error (exit 1), never an empty corpus.

Each transcript gives one seed holding every frame its clients sent, one per line, in order (client B's
lines start with byte 0x01, binary frames with 0x02, as fuzz_dispatch reads them); every distinct frame is
a seed of its own too.

The transcripts come from the original server, which has no socketchat.v1 extensions: the calls only a
negotiated client makes (draw_live, set_typing; docs/EXTENSIONS.md) are added as sessions of their own, sent
from the second connection (the negotiated one, in room 0).
"""
import hashlib
import json
import pathlib
import sys


def frame_bytes(record):
    frame = record["frame"]
    if "json" in frame:
        data = json.dumps(frame["json"], ensure_ascii=False).encode()
    elif "text" in frame:
        data = frame["text"].encode()
    elif "binary_hex" in frame:
        data = b"\x02" + bytes.fromhex(frame["binary_hex"])
    else:  # close frames, TCP aborts and large bodies kept only as a hash: nothing to replay
        return None
    if record.get("client") == "B":
        data = b"\x01" + data
    return data


def call(message, **fields):
    return {"type": "call", "payload": {"message": message, **fields}}


def live(uuid, start, points, end=None, tool="pen", color="#112233"):
    fields = {"uuid": uuid, "from": start, "points": points, "tool": tool, "color": color}
    if end is not None:
        fields["end"] = end
    return call("draw_live", **fields)


# Sessions of the negotiated connection (prefix 0x01) for the extension calls; b"\x01\x03" reconnects it.
NEGOTIATED = b"\x01"
EXTENSION_SESSIONS = [
    [live("l2", 0, [1, 2, 3.5, 4]), live("l2", 4, [5, 6]), live("l2", 6, [], True)],
    [call("set_typing", typing=True), call("set_typing", typing=True), call("set_typing", typing=False)],
    [call("set_typing", typing=True), live("s", 0, [10, 20]), live("s", 2, [30, 40]),
     call("change_draw_line", uuid="s", points=[10, 20, 30, 40], tool="pen", color="#112233"),
     live("s", 4, [], True), call("set_typing", typing=False), call("create_message", body="done")],
    [live("l1", 19998, [1, 2]), live("l1", 19999, [1, 2]), live("x", 0, [1, 2], color="red"),
     live("x", -1, [1]), live("x", 2.5, [1]), live("x", 0, [1, "2"]), live("x", 0, [], "yes"),
     call("set_typing"), call("set_typing", typing="yes"), call("set_typing", typing=1)],
    [live("\t\n\u00e9\U0001f600", 0, [1e308, -0.0, 1e-300], tool="\u2028\"\\", color="#ABCDEF"),
     live("u" * 300, 0, [0] * 40, tool="t" * 300)],
    [call("set_typing", typing=True), call("leave_room"), live("gone", 0, [1, 2]),
     call("set_typing", typing=True), call("enter_room", uuid="<room:1>"), call("set_typing", typing=True),
     live("back", 0, [1, 2])],
    [call("set_typing", typing=True), live("cut", 0, [1, 2]), b"\x03", live("cut", 2, [3, 4])],
]


def extension_seeds():
    seeds = set()
    for session in EXTENSION_SESSIONS:
        frames = []
        for frame in session:
            data = frame if isinstance(frame, bytes) else json.dumps(frame, ensure_ascii=False).encode()
            frames.append(NEGOTIATED + data)
        seeds.update(frames)
        seeds.add(b"\n".join(frames))
    # The plain connection's extension call: bad_data (from ChatServer, or CallDispatcher in fuzz_dispatch).
    seeds.add(json.dumps(live("p", 0, [1, 2])).encode())
    return seeds


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: seeds_from_transcripts.py TRANSCRIPTS_DIR OUTPUT_DIR")
    source, target = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    transcripts = sorted(source.rglob("*.jsonl"))
    if not transcripts:
        sys.exit(f"seeds_from_transcripts.py: no transcripts (*.jsonl) in {source}")
    target.mkdir(parents=True, exist_ok=True)
    seeds = set()
    for transcript in transcripts:
        frames = []
        for line in transcript.read_text().splitlines():
            record = json.loads(line)
            if record.get("dir") == "send":
                data = frame_bytes(record)
                if data is not None and b"\n" not in data:
                    frames.append(data)
        seeds.update(frames)
        seeds.add(b"\n".join(frames))
    seeds.update(extension_seeds())
    for seed in seeds:
        (target / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
    print(f"{len(seeds)} seeds in {target}")


if __name__ == "__main__":
    main()
