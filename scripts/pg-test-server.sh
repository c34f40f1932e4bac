#!/usr/bin/env bash
# A throwaway PostgreSQL server for the storage tests: its own folder, loopback only, its own port.
#   scripts/pg-test-server.sh start   prints the JDBC URL as its last line (for PAPERLESS_TEST_PG_URL)
#   scripts/pg-test-server.sh stop    stops the server and removes its folder
#   scripts/pg-test-server.sh database NAME
#                                     creates the database NAME (owned by the test role) unless it exists,
#                                     prints its JDBC URL
#   scripts/pg-test-server.sh drop-databases PREFIX
#                                     drops every database whose name starts with PREFIX
# PG_TEST_DIR (default /tmp/paperless-pg-test) and PG_TEST_PORT (default 55432) move it. The server runs
# without fsync (throwaway test data) unless PG_TEST_DURABLE=1 (benchmarks: as a production server runs).
set -euo pipefail

DIR=$(realpath -m "${PG_TEST_DIR:-/tmp/paperless-pg-test}")
PORT="${PG_TEST_PORT:-55432}"
DATA="$DIR/data"
DB=paperless_test
ROLE=paperless

log() { echo "pg-test-server: $*" >&2; }

# The server refuses to run as root: as root, run its tools as the postgres user.
as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

find_bin() {
    local initdb
    initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$initdb" ] && dirname "$initdb"
}

install_server() {
    if [ "$(id -u)" != 0 ]; then
        log "PostgreSQL is not installed and only root can install it (apt-get install postgresql)"
        exit 1
    fi
    log "installing PostgreSQL from apt"
    export DEBIAN_FRONTEND=noninteractive
    # A fresh machine may have no package lists yet: update only when the first try fails.
    apt-get install -y postgresql >&2 || { apt-get update >&2 && apt-get install -y postgresql >&2; }
}

psql_admin() {
    as_pg "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PORT" -U postgres -d postgres "$@"
}

start() {
    BIN=$(find_bin || true)
    if [ -z "$BIN" ]; then
        install_server
        BIN=$(find_bin || true)
        [ -n "$BIN" ] || { log "no initdb found after installing PostgreSQL"; exit 1; }
    fi
    if [ -f "$DATA/PG_VERSION" ] && as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
        log "already running in $DIR on port $PORT"
    else
        mkdir -p "$DIR"
        [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
        chmod 700 "$DIR"
        if [ ! -f "$DATA/PG_VERSION" ]; then
            log "initdb in $DATA"
            # trust on the socket (only the owner can reach the folder), passwords over TCP
            as_pg "$BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
                --auth-local=trust --auth-host=scram-sha-256 >&2
        fi
        local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        # fsync off: throwaway test data, and the machine is small
        [ "${PG_TEST_DURABLE:-0}" = 1 ] && durability=""
        log "starting on 127.0.0.1:$PORT${durability:+ (fsync off)}"
        as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 start \
            -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR $durability" >&2
    fi
    if [ "$(psql_admin -tA -c "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != 1 ]; then
        psql_admin -c "CREATE ROLE $ROLE LOGIN PASSWORD '$ROLE'"
    fi
    # The integration tests give each test class a database of its own.
    psql_admin -c "ALTER ROLE $ROLE CREATEDB"
    if [ "$(psql_admin -tA -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
        psql_admin -c "CREATE DATABASE $DB OWNER $ROLE"
    fi
    echo "jdbc:postgresql://127.0.0.1:$PORT/$DB"
}

running_bin() {
    BIN=$(find_bin || true)
    [ -n "$BIN" ] && [ -f "$DATA/PG_VERSION" ] && as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1 \
        || { log "no server runs in $DIR: start it first"; exit 1; }
}

database() {
    local name="$1"
    [[ "$name" =~ ^[a-z_][a-z0-9_]*$ ]] || { log "a database name of lower-case letters, digits and _: '$name'"; exit 2; }
    running_bin
    if [ "$(psql_admin -tA -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" != 1 ]; then
        psql_admin -c "CREATE DATABASE $name OWNER $ROLE"
    fi
    echo "jdbc:postgresql://127.0.0.1:$PORT/$name"
}

drop_databases() {
    local prefix="$1" name
    [[ "$prefix" =~ ^[a-z_][a-z0-9_]*$ ]] || { log "a prefix of lower-case letters, digits and _: '$prefix'"; exit 2; }
    running_bin
    for name in $(psql_admin -tA -c "SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%'"); do
        psql_admin -c "DROP DATABASE $name"
    done
}

# VACUUM (ANALYZE) of database NAME: what autovacuum does on its own a while after a bulk load.
vacuum() {
    local name="$1"
    [[ "$name" =~ ^[a-z_][a-z0-9_]*$ ]] || { log "a database name of lower-case letters, digits and _: '$name'"; exit 2; }
    running_bin
    as_pg "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PORT" -U postgres -d "$name" -c "VACUUM (ANALYZE)"
}

stop() {
    BIN=$(find_bin || true)
    if [ -n "$BIN" ] && [ -f "$DATA/PG_VERSION" ]; then
        as_pg "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2 || log "server was not running"
    fi
    case "$DIR" in
        ""|/) log "refusing to remove '$DIR'"; exit 1 ;;
    esac
    rm -rf -- "$DIR"
    log "stopped and removed $DIR"
}

# The postgres user may not be allowed into the caller's folder (e.g. /root).
cd /

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    database) database "${2:?usage: $0 database NAME}" ;;
    drop-databases) drop_databases "${2:?usage: $0 drop-databases PREFIX}" ;;
    vacuum) vacuum "${2:?usage: $0 vacuum NAME}" ;;
    *) echo "usage: $0 start|stop|database NAME|drop-databases PREFIX|vacuum NAME" >&2; exit 2 ;;
esac
