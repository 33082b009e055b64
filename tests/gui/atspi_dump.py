#!/usr/bin/python3
"""Dumps the AT-SPI tree of a running chat-client as a screen reader (Orca) sees it: role, name, description,
states, and for text and values what they hold. Not a test: a tool to look with (issue 12).

Needs python3-pyatspi and at-spi2-core, a session bus and the client started with accessibility on, e.g.:

    Xvfb :99 & export DISPLAY=:99
    dbus-run-session -- sh -c '
        /usr/libexec/at-spi-bus-launcher --launch-immediately &
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1 build/client/chat-client --server ws://127.0.0.1:9000 &
        sleep 1; /usr/bin/python3 tests/gui/atspi_dump.py --wait 20'

Usage: atspi_dump.py [--app NAME] [--wait SECONDS] [--depth N] [--all]
  --app   the application's name on the bus (chat-client)
  --wait  how long to wait for it to appear (10 s)
  --depth how deep to go (no limit)
  --all   also list elements that are not showing (hidden pages); by default they are skipped
Exit code 1 when the application is not found.
"""
import argparse
import sys
import time

import pyatspi


def states_of(acc):
    names = []
    state_set = acc.getState()
    for state in state_set.getStates():
        names.append(pyatspi.stateToString(state) if hasattr(pyatspi, "stateToString") else str(state))
    return names


def extra_of(acc):
    parts = []
    try:
        text = acc.queryText()
        content = text.getText(0, min(text.characterCount, 80))
        if content:
            parts.append(f"text={content!r}")
    except NotImplementedError:
        pass
    except Exception:
        pass
    try:
        value = acc.queryValue()
        parts.append(f"value={value.currentValue:g} [{value.minimumValue:g}..{value.maximumValue:g}]")
    except NotImplementedError:
        pass
    except Exception:
        pass
    try:
        action = acc.queryAction()
        actions = [action.getName(i) for i in range(action.nActions)]
        if actions:
            parts.append("actions=" + ",".join(actions))
    except NotImplementedError:
        pass
    except Exception:
        pass
    return parts


def dump(acc, depth, limit, show_all, out):
    try:
        states = states_of(acc)
    except Exception:
        states = []
    if not show_all and depth > 0 and "showing" not in states and "visible" not in states:
        return
    interesting = [s for s in states if s in (
        "focusable", "focused", "checkable", "checked", "selectable", "selected", "editable", "sensitive",
        "showing", "expandable", "modal", "active")]
    line = "  " * depth + f"[{acc.getRoleName()}] {acc.name!r}"
    if acc.description:
        line += f" desc={acc.description!r}"
    extra = extra_of(acc)
    if extra:
        line += " " + " ".join(extra)
    line += " {" + ",".join(interesting) + "}"
    out.append(line)
    if limit is not None and depth >= limit:
        return
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None:
            dump(child, depth + 1, limit, show_all, out)


def find_app(name, wait):
    deadline = time.time() + wait
    while True:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == name:
                return app
        if time.time() > deadline:
            return None
        time.sleep(0.5)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", default="chat-client")
    parser.add_argument("--wait", type=float, default=10)
    parser.add_argument("--depth", type=int, default=None)
    parser.add_argument("--all", action="store_true")
    args = parser.parse_args()
    app = find_app(args.app, args.wait)
    if app is None:
        print(f"atspi_dump: no application {args.app!r} on the accessibility bus", file=sys.stderr)
        return 1
    out = []
    dump(app, 0, args.depth, args.all, out)
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
