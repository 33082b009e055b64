#!/usr/bin/python3
"""summarize.py LOG: one line of the figures that issues 5 and 15 set targets for, per run-suite.sh line."""
import json
import sys


def figures(scenario, result):
    f = result.get("figures", {})
    if scenario == "history":
        e = f["enter_to_messages_listed_ms"]
        return "enter→messages_listed p50 %.1f min %.1f ms; fill %.0f msg/s" % (
            e["p50"], e["min"], f["fill_rate_msg_per_s"])
    if scenario == "fanout":
        l = f["latency_ms"]
        return "p50 %.1f p99 %.1f max %.1f ms; %.2f ms CPU/msg; lost %d" % (
            l["p50"], l["p99"], l["max"], f["server_cpu_ms_per_message"], f["lost"])
    if scenario == "rooms":
        return "open→rooms_listed p50 %.1f min %.1f ms; connected→rooms_listed p50 %.1f ms" % (
            f["open_to_rooms_listed_ms"]["p50"], f["open_to_rooms_listed_ms"]["min"],
            f["connected_to_rooms_listed_ms"]["p50"])
    if scenario == "drawing":
        return "enter→drawing_got p50 %.1f ms; get_drawing p50 %.1f ms" % (
            f["enter_to_drawing_got_ms"]["p50"], f["get_drawing_to_drawing_got_ms"]["p50"])
    if scenario == "connect":
        o = f["open_to_ready_ms"]
        return "%d ready, %d failed; open→ready p50 %.0f p99 %.0f max %.0f ms; %.1f kB/conn; %.0f conn/s" % (
            f["ready"], f["failed"], o["p50"], o["p99"], o["max"], f["server_kb_per_connection"],
            f["connects_per_s"])
    if scenario.startswith("live"):
        l = f["latency_ms"]
        return ("%d drawers: p50 %.1f p99 %.1f max %.1f ms; %.1f us CPU/preview, %.2f us CPU/frame; "
                "sent %d, lost %d") % (
            f["drawers_drawing"], l["p50"], l["p99"], l["max"], f["server_cpu_us_per_preview"],
            f["server_cpu_us_per_delivered_frame"], f["previews_sent"], f["lost"]) + (
            "; other node p50 %.1f p99 %.1f ms" % (f["latency_other_node_ms"]["p50"],
                                                  f["latency_other_node_ms"]["p99"])
            if "latency_other_node_ms" in f else "")
    return ""


for line in open(sys.argv[1]):
    parts = line.rstrip("\n").split(" | ", 3)
    if len(parts) < 4:
        continue
    label, scenario, load, text = parts
    try:
        result = json.loads(text)
        print("%-8s %-8s %s ok=%s | %s" % (label, scenario, load, result.get("ok"), figures(scenario, result)))
    except (ValueError, KeyError, TypeError) as error:
        print("%-8s %-8s %s no result (%s)" % (label, scenario, load, error))
