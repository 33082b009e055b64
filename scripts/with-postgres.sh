#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster: a temporary data folder, 127.0.0.1 on a free port,
# trust authentication, no fsync (it is thrown away). The command sees CHAT_TEST_POSTGRES_URL, a URL with
# the right to create databases; the cluster is stopped and removed afterwards, whatever the command did.
#
#   scripts/with-postgres.sh ctest --test-dir build
#
# PostgreSQL refuses to run as root, so as root the cluster runs as the "postgres" user.
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "with-postgres: PostgreSQL is not installed (apt-get install postgresql)" >&2
    exit 1
fi

as_owner=()
if [ "$(id -u)" -eq 0 ]; then
    as_owner=(runuser -u postgres --)
fi

datadir=$(mktemp -d /tmp/chat-pg.XXXXXX)
chmod 755 "$datadir"
[ "$(id -u)" -eq 0 ] && chown postgres: "$datadir"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

stop_cluster() {
    "${as_owner[@]}" "$bindir/pg_ctl" -D "$datadir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$datadir"
}
trap stop_cluster EXIT

"${as_owner[@]}" "$bindir/initdb" -D "$datadir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    >"$datadir/initdb.log" 2>&1 || { cat "$datadir/initdb.log" >&2; exit 1; }
# In the configuration file, not on the command line, so that a test can stop and start the cluster again.
{
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $port"
    echo "unix_socket_directories = '$datadir'"
    echo "fsync = off"
    echo "full_page_writes = off"
    echo "synchronous_commit = off"
    echo "max_connections = 300"
} >>"$datadir/data/postgresql.conf"
"${as_owner[@]}" "$bindir/pg_ctl" -D "$datadir/data" -l "$datadir/server.log" -w -t 30 start >/dev/null \
    || { cat "$datadir/server.log" >&2; exit 1; }

export CHAT_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$port/postgres"
# Tests that stop and start the cluster under a running server need to know where it is.
export CHAT_TEST_POSTGRES_CTL="${as_owner[*]} $bindir/pg_ctl -D $datadir/data -l $datadir/server.log"
export CHAT_TEST_POSTGRES_PORT=$port
echo "with-postgres: throwaway PostgreSQL at $CHAT_TEST_POSTGRES_URL" >&2
status=0
"$@" || status=$?
exit $status
