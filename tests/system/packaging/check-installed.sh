#!/usr/bin/env bash
# Checks the Debian packages made by `cpack -G DEB` as they are installed, on a Debian 12 machine where systemd
# is not running (a container, CI), as root:
#   - installs socket-chat-server and socket-chat-client with apt-get (so their Depends are resolved);
#   - checks their files (dpkg -L and on disk), the conffile, the enablement done by postinst;
#   - systemd-analyze verify on the installed unit;
#   - starts the INSTALLED chat-server as the unit's ExecStart says, with the unit's Environment= and
#     EnvironmentFile=, as an unprivileged user with no new privileges, umask 077, the unit's open-files limit
#     and (where the kernel has PR_SET_MDWE) no writable executable memory, on a temporary state folder and a
#     free loopback port; drives it with a python3 websockets client (user_created, rooms_listed,
#     create_room, enter_room, create_message -> message_created with the same body); stops it with SIGTERM
#     and expects exit status 0; before that, `chat-server admin` as root lists the client's room and renames
#     it through the server's control socket, and a connected client sees the room_changed (again beside the
#     service under systemd, where namespaces can be made);
#   - runs the installed chat-client --version offscreen;
#   - removes both packages (the unit and the programs go, the conffile stays), then purges them (the
#     conffile and the enablement links go).
# Usage: tests/system/packaging/check-installed.sh [FOLDER_WITH_THE_DEBS]   (default: build)
# Prints "check-installed: PASS" and exits 0, or "check-installed: FAIL: <why>" and exits 1.
set -euo pipefail

deb_dir=${1:-build}
server_pkg=socket-chat-server
client_pkg=socket-chat-client
unit_name=socket-chat-server.service
work=""
server_pid=""
systemd_pid=""
unshare_pid=""

failed=""
fail() {
    failed=yes
    echo "check-installed: FAIL: $*" >&2
    exit 1
}
cleanup() {
    local status=$?
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    if [ -n "$systemd_pid" ]; then
        stop_systemd
    fi
    [ -n "$work" ] && rm -rf "$work"
    if [ $status -ne 0 ] && [ -z "$failed" ]; then
        echo "check-installed: FAIL (exit status $status; see above)" >&2
    fi
}
trap cleanup EXIT
step() { echo "-- $*"; }

[ "$(id -u)" -eq 0 ] || fail "run as root (it installs packages)"
command -v apt-get >/dev/null || fail "apt-get not found: this check is for Debian"

newest() { ls -t "$deb_dir"/"$1"_*.deb 2>/dev/null | head -n 1 || true; }
server_deb=$(newest "$server_pkg")
client_deb=$(newest "$client_pkg")
[ -n "$server_deb" ] || fail "no ${server_pkg}_*.deb in $deb_dir (run cpack -G DEB there first)"
[ -n "$client_deb" ] || fail "no ${client_pkg}_*.deb in $deb_dir (run cpack -G DEB there first)"
server_deb=$(realpath "$server_deb")
client_deb=$(realpath "$client_deb")
version=$(dpkg-deb -f "$server_deb" Version)
upstream_version=${version%-*}

work=$(mktemp -d /tmp/check-installed.XXXXXX)
chmod 755 "$work"
export DEBIAN_FRONTEND=noninteractive

# What the check itself needs: systemd-analyze (package systemd; installing it starts nothing) and
# python3 with websockets (Debian's python3, also when another python3 comes first in PATH).
need=()
command -v systemd-analyze >/dev/null || need+=(systemd)
python=/usr/bin/python3
[ -x "$python" ] || python=$(command -v python3 || true)
{ [ -n "$python" ] && "$python" -c 'import websockets' 2>/dev/null; } || need+=(python3 python3-websockets)
if [ ${#need[@]} -gt 0 ]; then
    step "installing what the check needs: ${need[*]}"
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    python=/usr/bin/python3
fi

step "a clean start: purging earlier installs of $server_pkg and $client_pkg"
dpkg --purge "$server_pkg" "$client_pkg" >/dev/null 2>&1 || true

step "apt-get install $server_deb $client_deb"
apt-get install -y -q --no-install-recommends "$server_deb" "$client_deb" ||
    fail "apt-get install of the packages failed"
for pkg in "$server_pkg" "$client_pkg"; do
    dpkg-query -W -f='${Status}' "$pkg" | grep -q "install ok installed" || fail "$pkg is not installed"
done
echo "installed: $(dpkg-query -W -f='${Package} ${Version}, ' "$server_pkg" "$client_pkg")"

step "files (dpkg -L and on disk)"
check_files() {
    local pkg=$1
    shift
    local listed
    listed=$(dpkg -L "$pkg")
    for file in "$@"; do
        grep -qxF "$file" <<<"$listed" || fail "$pkg does not list $file"
        [ -e "$file" ] || fail "$file of $pkg is missing on disk"
    done
}
check_files "$server_pkg" /usr/bin/chat-server /lib/systemd/system/$unit_name /etc/default/socket-chat-server \
    /usr/share/man/man1/chat-server.1.gz /usr/share/doc/$server_pkg/copyright \
    /usr/share/doc/$server_pkg/changelog.Debian.gz
check_files "$client_pkg" /usr/bin/chat-client /usr/share/applications/chat-client.desktop \
    /usr/share/icons/hicolor/scalable/apps/chat-client.svg \
    /usr/share/metainfo/local.socket_chat.chat_client.metainfo.xml /usr/share/man/man1/chat-client.1.gz \
    /usr/share/doc/$client_pkg/copyright /usr/share/doc/$client_pkg/changelog.Debian.gz
[ -x /usr/bin/chat-server ] && [ -x /usr/bin/chat-client ] || fail "the programs are not executable"
dpkg-query -W -f='${Conffiles}\n' "$server_pkg" | grep -q '/etc/default/socket-chat-server' ||
    fail "/etc/default/socket-chat-server is not a conffile"
if command -v readelf >/dev/null; then
    for program in /usr/bin/chat-server /usr/bin/chat-client; do
        ! LC_ALL=C readelf -S -W "$program" | grep -q -E '\.symtab|\.debug_|\.comment' ||
            fail "$program is not stripped"
    done
fi
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate /usr/share/applications/chat-client.desktop || fail "desktop-file-validate failed"
    echo "ok: desktop-file-validate"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net /usr/share/metainfo/local.socket_chat.chat_client.metainfo.xml >/dev/null ||
        fail "appstreamcli validate failed"
    echo "ok: appstreamcli validate --no-net"
fi
# postinst enabled the unit the Debian way (deb-systemd-helper), although systemd is not running.
wants=/etc/systemd/system/multi-user.target.wants/$unit_name
[ -L "$wants" ] || fail "postinst did not enable $unit_name ($wants missing)"
echo "ok: every file in place, the settings file is a conffile, $unit_name enabled"

step "systemd-analyze verify /lib/systemd/system/$unit_name"
man_check=yes
if ! man -w chat-server >/dev/null 2>&1; then
    man_check=no
    echo "(man cannot find chat-server(1) here: Documentation= is not checked)"
fi
systemd-analyze verify --man=$man_check /lib/systemd/system/$unit_name || fail "systemd-analyze verify failed"
exposure=$(systemd-analyze security --offline=true /lib/systemd/system/$unit_name 2>/dev/null |
           sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
echo "ok: verified; systemd-analyze security (offline) exposure: ${exposure:-?}"
[ -n "$exposure" ] && awk -v e="$exposure" 'BEGIN { exit !(e < 3) }' || fail "exposure ${exposure:-?} is not below 3"

step "the installed chat-server, started as the unit's ExecStart says"
unit=/lib/systemd/system/$unit_name
unit_value() { sed -n "s/^$1=//p" "$unit"; }
exec_start=$(unit_value ExecStart)
state_dir=/var/lib/$(unit_value StateDirectory)
env_file=$(unit_value EnvironmentFile)
env_file=${env_file#-}
nofile=$(unit_value LimitNOFILE)
umask_value=$(unit_value UMask)
[ -n "$exec_start" ] && [ -n "$env_file" ] && [ "$state_dir" != /var/lib/ ] ||
    fail "the unit lacks ExecStart, EnvironmentFile or StateDirectory"
echo "ExecStart=$exec_start; EnvironmentFile=$env_file; state folder $state_dir"

# The environment as systemd builds it: Environment= lines, then the EnvironmentFile (the installed one,
# plus the listening address as an administrator would set it there), the state folder replaced by a
# temporary one owned by the unprivileged user. CHAT_PORT=0: the system picks a free port, which the server
# logs.
state=$work/state
mkdir -m 700 "$state"
chown nobody:nogroup "$state"
cp "$env_file" "$work/environment"
printf 'CHAT_HOST=127.0.0.1\nCHAT_PORT=0\n' >>"$work/environment"
declare -A env_values=()
env_names=()
add_env() {
    local name=${1%%=*} value=${1#*=}
    value=${value//"$state_dir"/"$state"}
    [ -n "${env_values[$name]+set}" ] || env_names+=("$name")
    env_values[$name]=$value
}
while IFS= read -r assignment; do
    for word in $assignment; do add_env "$word"; done
done < <(unit_value Environment)
while IFS= read -r line; do
    case "$line" in '' | '#'* | ';'*) continue ;; esac
    add_env "$line"
done <"$work/environment"
env_args=()
for name in "${env_names[@]}"; do env_args+=("$name=${env_values[$name]}"); done
# ExecStart's ${NAME} references, expanded from that environment (systemd splits them as one word).
command_line=()
for word in $exec_start; do
    while [[ $word =~ \$\{([A-Za-z_][A-Za-z0-9_]*)\} ]]; do
        word=${word//"${BASH_REMATCH[0]}"/"${env_values[${BASH_REMATCH[1]}]-}"}
    done
    command_line+=("$word")
done
echo "running as nobody: ${env_args[*]} ${command_line[*]}"

# Like systemd: / as the working folder, stdin from /dev/null, a fresh environment, the unit's umask and
# open-files limit, no new privileges; PR_SET_MDWE stands in for MemoryDenyWriteExecute=yes.
cat >"$work/mdwe_exec.py" <<'EOF'
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN = 65, 1
if libc.prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0, 0, 0) != 0:
    print("(no PR_SET_MDWE in this kernel: MemoryDenyWriteExecute not emulated)", file=sys.stderr)
os.execv(sys.argv[1], sys.argv[1:])
EOF
log=$work/server.log
: >"$log"
(
    cd /
    umask "${umask_value:-0077}"
    if [ -n "$nofile" ] && ! ulimit -n "$nofile" 2>/dev/null; then
        echo "(LimitNOFILE=$nofile not allowed here: the soft limit is raised to the hard one, $(ulimit -Hn))"
        ulimit -n "$(ulimit -Hn)"
    fi
    exec setpriv --reuid=nobody --regid=nogroup --clear-groups --no-new-privs \
        env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "${env_args[@]}" \
        "$python" -I "$work/mdwe_exec.py" "${command_line[@]}" </dev/null >"$log" 2>&1
) &
server_pid=$!

port=""
for _ in $(seq 1 200); do
    port=$(sed -n 's/.*listening on ws:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$log" | head -n 1)
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$log"; fail "chat-server ended at start"; }
    sleep 0.1
done
[ -n "$port" ] || { cat "$log"; fail "chat-server did not log its port within 20 s"; }
echo "listening on 127.0.0.1:$port"

cat >"$work/drive.py" <<'EOF'
import asyncio, json, sys
import websockets

BODY = "packaged hello \u2713 " + sys.argv[2]

async def expect(ws, message, check=lambda payload: True):
    while True:
        frame = json.loads(await asyncio.wait_for(ws.recv(), 10))
        payload = frame.get("payload", {})
        if frame.get("type") == "error":
            raise SystemExit(f"error statement while waiting for {message}: {frame}")
        if payload.get("message") == message and check(payload):
            return payload

async def call(ws, message, **fields):
    await ws.send(json.dumps({"type": "call", "payload": {"message": message, **fields}}))

async def main():
    async with websockets.connect(sys.argv[1], open_timeout=10) as ws:
        user = await expect(ws, "user_created")
        await expect(ws, "rooms_listed")
        await call(ws, "create_room")
        room = (await expect(ws, "room_created"))["object"]
        await call(ws, "enter_room", uuid=room["uuid"])
        await expect(ws, "room_entered")
        await call(ws, "create_message", body=BODY)
        message = (await expect(ws, "message_created",
                                lambda p: p["object"]["body"] == BODY))["object"]
        assert message["room_uuid"] == room["uuid"], message
        assert message["user"]["uuid"] == user["object"]["uuid"], message
        print(f"ok: user {user['object']['uuid']}, room {room['uuid']}, message_created {message['uuid']}")

asyncio.run(main())
EOF
"$python" "$work/drive.py" "ws://127.0.0.1:$port" "$$" || { cat "$log"; fail "the websockets client failed"; }
db=${env_values[CHAT_DB]-}
[ -n "$db" ] && [ -f "$db" ] || { cat "$log"; fail "no database at ${db:-(CHAT_DB unset)} in the state folder"; }
db_owner=$(stat -c '%U %a' "$db")
[ "$db_owner" = "nobody 600" ] || fail "the database is '$db_owner', not 'nobody 600' (UMask=0077)"
echo "ok: the database $db exists, owner and mode $db_owner"

# The operator's tool, as root, beside the running server: it reaches the server through the control socket
# the server keeps beside its database (only its own user may use it, and root), and a connected client sees
# the change as the usual room_changed.
[ "$(stat -c '%U %a %F' "$db.control" 2>/dev/null)" = "nobody 600 socket" ] ||
    fail "no control socket $db.control of nobody with mode 600 beside the database"
room_line=$(/usr/bin/chat-server admin --db "$db" rooms) || fail "chat-server admin rooms failed"
room_uuid=${room_line%%$'\t'*}
[ "$(wc -l <<<"$room_line")" -eq 1 ] && [ ${#room_uuid} -eq 36 ] ||
    fail "chat-server admin rooms listed '$room_line', not the one room the client made"
cat >"$work/watch_rename.py" <<'EOF'
import asyncio, json, sys
import websockets

async def main():
    async with websockets.connect(sys.argv[1], open_timeout=10) as ws:
        while json.loads(await asyncio.wait_for(ws.recv(), 10))["payload"].get("message") != "rooms_listed":
            pass
        print("ready", flush=True)
        while True:
            payload = json.loads(await asyncio.wait_for(ws.recv(), 20))["payload"]
            if payload.get("message") == "room_changed" and payload["object"]["name"] == sys.argv[2]:
                return

asyncio.run(main())
EOF
new_name="Renamed by the operator $$"
coproc watcher { "$python" "$work/watch_rename.py" "ws://127.0.0.1:$port" "$new_name"; }
watcher_pid=$watcher_PID
read -r -t 20 ready <&"${watcher[0]}" && [ "$ready" = ready ] || fail "the watching client did not connect"
/usr/bin/chat-server admin --db "$db" rename-room "$room_uuid" "$new_name" || fail "chat-server admin rename-room failed"
wait "$watcher_pid" || fail "the connected client did not see the operator's rename as room_changed"
echo "ok: chat-server admin beside the running server (control socket), a client saw the rename"

kill -TERM "$server_pid"
status=0
wait "$server_pid" || status=$?
server_pid=""
cat "$log"
[ "$status" -eq 0 ] || fail "chat-server exited with $status after SIGTERM, not 0"
echo "ok: SIGTERM, exit status 0"

step "the installed unit under systemd itself, booted in private namespaces (skipped where they cannot be made)"
# systemd 252 runs as PID 1 of new mount, PID, network, UTS and IPC namespaces, with tmpfs on /run and
# /var/lib, and starts only socket-chat-server.service, with its whole sandbox (DynamicUser, the system-call
# filter, ProtectSystem, PrivateUsers, ...), the installed settings file and its default port 9000 on the
# namespace's own loopback. A drop-in only drops the default dependencies (nothing else boots) and sends the
# output to a file (no journald). The client reaches it through nsenter.
cgroups_before=$(find /sys/fs/cgroup -maxdepth 2 -type d \( -name init.scope -o -name system.slice \) 2>/dev/null | sort)
remove_new_cgroups() {
    local now dir _
    # A cgroup can be removed once the kernel has let go of its killed processes: a few tries.
    for _ in $(seq 1 50); do
        now=$(find /sys/fs/cgroup -maxdepth 2 -type d \( -name init.scope -o -name system.slice \) 2>/dev/null | sort)
        now=$(comm -13 <(echo "$cgroups_before") <(echo "$now"))
        [ -z "$now" ] && return 0
        for dir in $now; do
            find "$dir" -depth -type d -exec rmdir {} \; 2>/dev/null || true
        done
        sleep 0.1
    done
    echo "(cgroups systemd made are still there: $now)"
}
stop_systemd() {
    if [ -n "$systemd_pid" ]; then
        kill -KILL "$systemd_pid" 2>/dev/null || true
        wait "$unshare_pid" 2>/dev/null || true
        systemd_pid=""
        remove_new_cgroups
    fi
}
in_ns() { nsenter -t "$systemd_pid" -m -p "$@"; }
unit_show() { in_ns systemctl show socket-chat-server.service --value -p "$1"; }
missing_tools=""
for tool in unshare nsenter pgrep ip; do
    command -v "$tool" >/dev/null || missing_tools="$missing_tools $tool"
done
if [ -n "$missing_tools" ]; then
    echo "SKIPPED: not installed:$missing_tools"
elif ! unshare --mount --pid --net --uts --ipc --fork true 2>/dev/null; then
    echo "SKIPPED: new namespaces cannot be made here (no CAP_SYS_ADMIN?)"
elif [ ! -x /lib/systemd/systemd ]; then
    echo "SKIPPED: /lib/systemd/systemd not installed"
else
    cat >"$work/boot.sh" <<'EOF'
#!/bin/bash
set -e
mount --make-rprivate /
mount -t tmpfs -o mode=755 tmpfs /run
mount -t tmpfs -o mode=755 tmpfs /var/lib
mkdir -p /run/systemd/system/socket-chat-server.service.d /run/chat-check
cat >/run/systemd/system/socket-chat-server.service.d/check.conf <<EOT
[Unit]
DefaultDependencies=no
[Service]
StandardOutput=append:/run/chat-check/server.log
StandardError=inherit
EOT
printf '[Unit]\nDefaultDependencies=no\nWants=socket-chat-server.service\n' >/run/systemd/system/chat-check.target
ip link set lo up
export container=chat-check
exec /lib/systemd/systemd --system --unit=chat-check.target --log-target=console --log-level=notice
EOF
    chmod 755 "$work/boot.sh"
    unshare --mount --pid --net --uts --ipc --fork --mount-proc "$work/boot.sh" >"$work/systemd.log" 2>&1 &
    unshare_pid=$!
    for _ in $(seq 1 100); do
        systemd_pid=$(pgrep -P "$unshare_pid" | head -n 1 || true)
        [ -n "$systemd_pid" ] && [ "$(cat "/proc/$systemd_pid/comm" 2>/dev/null)" = systemd ] && break
        sleep 0.1
    done
    [ -n "$systemd_pid" ] || { cat "$work/systemd.log"; fail "systemd did not start in the namespaces"; }
    ns_log() { in_ns cat /run/chat-check/server.log 2>/dev/null || true; }
    wait_listening() {
        local _
        for _ in $(seq 1 300); do
            [ "$(unit_show ActiveState 2>/dev/null)" = active ] &&
                [ "$(ns_log | grep -c 'listening on ws://127.0.0.1:9000')" -ge "$1" ] && return 0
            sleep 0.1
        done
        ns_log
        in_ns systemctl status --no-pager socket-chat-server.service || true
        fail "socket-chat-server.service is not active and listening on 127.0.0.1:9000 within 30 s"
    }
    wait_listening 1
    # MainPID is the PID in the namespace; the host's is that of systemd's child chat-server.
    main_pid=$(pgrep -P "$systemd_pid" -x chat-server | head -n 1 || true)
    [ -n "$main_pid" ] || fail "no chat-server process under systemd"
    echo "active under systemd: chat-server PID $main_pid on the host, $(grep -E '^(Uid|NoNewPrivs|Seccomp|CapEff):' \
        "/proc/$main_pid/status" | tr -s '\t\n' '  ')"
    grep -q '^NoNewPrivs:[[:space:]]*1' "/proc/$main_pid/status" || fail "the service runs without NoNewPrivs"
    grep -q '^Seccomp:[[:space:]]*2' "/proc/$main_pid/status" || fail "the service runs without a seccomp filter"
    grep -q '^CapEff:[[:space:]]*0*$' "/proc/$main_pid/status" || fail "the service has capabilities"
    ! grep -q '^Uid:[[:space:]]*0[[:space:]]' "/proc/$main_pid/status" || fail "the service runs as root"
    nsenter -t "$systemd_pid" -n "$python" "$work/drive.py" ws://127.0.0.1:9000 "$$-sd" ||
        { ns_log; fail "the websockets client failed against the service"; }
    # The operator's tool as root beside the sandboxed service (DynamicUser, PrivateUsers): through the control
    # socket in the state folder, seen by a connected client.
    sd_db=/var/lib/socket-chat/chat.db
    room_line=$(in_ns /usr/bin/chat-server admin --db "$sd_db" rooms) || fail "chat-server admin rooms failed"
    room_uuid=${room_line%%$'\t'*}
    coproc sd_watcher { nsenter -t "$systemd_pid" -n "$python" "$work/watch_rename.py" ws://127.0.0.1:9000 "$new_name"; }
    watcher_pid=$sd_watcher_PID
    read -r -t 20 ready <&"${sd_watcher[0]}" && [ "$ready" = ready ] || fail "the watching client did not connect"
    in_ns /usr/bin/chat-server admin --db "$sd_db" rename-room "$room_uuid" "$new_name" ||
        { ns_log; fail "chat-server admin rename-room failed beside the service"; }
    wait "$watcher_pid" || fail "the client of the service did not see the operator's rename"
    echo "ok: chat-server admin beside the service, a client saw the rename"

    # Restart=on-failure: a SIGKILL is a failure; systemd starts it again (on the same database).
    kill -KILL "$main_pid"
    for _ in $(seq 1 300); do
        [ "$(unit_show NRestarts)" = 1 ] && break
        sleep 0.1
    done
    [ "$(unit_show NRestarts)" = 1 ] || { ns_log; fail "the service was not restarted after SIGKILL"; }
    wait_listening 2
    echo "ok: restarted after SIGKILL (Restart=on-failure)"

    # systemctl stop: SIGTERM, a connected client gets the close code 1001, the server exits with 0.
    cat >"$work/close_wait.py" <<'EOF'
import asyncio, json, sys
import websockets

async def main():
    async with websockets.connect(sys.argv[1], open_timeout=10) as ws:
        while json.loads(await asyncio.wait_for(ws.recv(), 10))["payload"].get("message") != "rooms_listed":
            pass
        print("ready", flush=True)
        try:
            while True:
                await asyncio.wait_for(ws.recv(), 60)
        except websockets.ConnectionClosed as closed:
            print(f"closed {closed.code}", flush=True)

asyncio.run(main())
EOF
    nsenter -t "$systemd_pid" -n "$python" "$work/close_wait.py" ws://127.0.0.1:9000 >"$work/close.out" 2>&1 &
    waiter=$!
    for _ in $(seq 1 100); do
        grep -q ready "$work/close.out" && break
        kill -0 "$waiter" 2>/dev/null || break
        sleep 0.1
    done
    grep -q ready "$work/close.out" || { cat "$work/close.out"; fail "the waiting client did not connect"; }
    in_ns systemctl stop socket-chat-server.service
    wait "$waiter" || true
    grep -q 'closed 1001' "$work/close.out" || { cat "$work/close.out"; fail "the client was not closed with 1001"; }
    result="$(unit_show Result) $(unit_show ExecMainCode) $(unit_show ExecMainStatus)"
    [ "$result" = "success 1 0" ] || { ns_log; fail "after systemctl stop: Result, code, status '$result', not 'success 1 0'"; }
    ns_log | tail -n 3
    echo "ok: systemctl stop closed the client with 1001 and the server exited with 0"
    stop_systemd
fi

step "the installed chat-client --version, offscreen"
client_version=$(env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen HOME="$work" \
    XDG_RUNTIME_DIR="$work" /usr/bin/chat-client --version 2>/dev/null) || fail "chat-client --version failed"
[ "$client_version" = "chat-client $upstream_version" ] ||
    fail "chat-client --version said '$client_version', not 'chat-client $upstream_version'"
echo "ok: $client_version"

step "apt-get remove $server_pkg $client_pkg"
apt-get remove -y -q "$server_pkg" "$client_pkg" || fail "apt-get remove failed"
for gone in /lib/systemd/system/$unit_name /usr/bin/chat-server /usr/bin/chat-client \
    /usr/share/applications/chat-client.desktop; do
    [ ! -e "$gone" ] || fail "$gone is still there after apt-get remove"
done
[ -e /etc/default/socket-chat-server ] || fail "the conffile went with remove (only purge should remove it)"
echo "ok: the unit and the programs are gone; the settings file stays until purge"

step "dpkg --purge $server_pkg $client_pkg (what remove left: the server's conffile)"
dpkg --purge "$server_pkg" "$client_pkg" || fail "dpkg --purge failed"
for gone in /etc/default/socket-chat-server "$wants" /etc/systemd/system/$unit_name; do
    [ ! -e "$gone" ] && [ ! -L "$gone" ] || fail "$gone is still there after apt-get purge"
done
echo "ok: the settings file, the enablement link and the mask are gone"

echo "check-installed: PASS ($server_pkg and $client_pkg $version)"
