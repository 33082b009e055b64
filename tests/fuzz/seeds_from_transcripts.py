#!/usr/bin/env python3
"""Writes libFuzzer seeds for fuzz_dispatch from the conformance transcripts.

Usage: seeds_from_transcripts.py TRANSCRIPTS_DIR OUTPUT_DIR

TRANSCRIPTS_DIR is normally tests/data/transcripts (part of the repository). A folder without any
transcript is an error (exit 1), never an empty corpus.

Each transcript gives one seed holding every frame its clients sent, one per line, in order (client B's
lines start with byte 0x01, binary frames with 0x02, as fuzz_dispatch reads them); every distinct frame is
a seed of its own too.
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
    for seed in seeds:
        (target / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
    print(f"{len(seeds)} seeds in {target}")


if __name__ == "__main__":
    main()
