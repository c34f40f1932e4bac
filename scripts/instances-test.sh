#!/usr/bin/env bash
# Several instances on one host, through ./paperless as a user runs it, on the built distribution: two
# instances side by side each consume their own document; a second start on a data folder, a start on a
# taken port and a JVM that cannot start are refused at once with the reason; a client waits for a
# starting instance, and gives up on a stopped one with a clear message; a port another program takes as
# Karaf starts is reported at once. Exit status 0 when all hold.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d /tmp/paperless-instances-XXXXXX)"
base=$((20000 + RANDOM % 12000))
export PAPERLESS_SKIP_SETUP=1 JAVA_MAX_MEM=384M
unset PAPERLESS_DATA_DIR PAPERLESS_SSH_PORT PAPERLESS_PORT PAPERLESS_SSH_HOST

in_a() { PAPERLESS_DATA_DIR="$work/a" "$@"; }
in_b() { PAPERLESS_DATA_DIR="$work/b" "$@"; }
cleanup() {
    local status=$?
    in_a "$ROOT/paperless" stop >/dev/null 2>&1 || true
    in_b "$ROOT/paperless" stop >/dev/null 2>&1 || true
    PAPERLESS_DATA_DIR="$work/d" "$ROOT/paperless" stop >/dev/null 2>&1 || true
    if [ $status = 0 ]; then
        rm -rf "$work"
    else
        echo "instances test failed: its folders are kept in $work" >&2
    fi
}
trap cleanup EXIT

fail() { echo "FAILED: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

# Waits (60 s at most) until the instance lists a document whose title is $2.
has_document() {
    local deadline=$((SECONDS + 60))
    until PAPERLESS_DATA_DIR="$1" "$ROOT/paperless" client "paperless:document-list --no-format" | grep -q $'\t'"$2"$'\t'; do
        [ $SECONDS -lt $deadline ] || return 1
        sleep 1
    done
}

echo "two instances side by side (ports $((base + 1))/$((base + 2)) and $((base + 3))/$((base + 4)))"
in_a env PAPERLESS_SSH_PORT=$((base + 1)) PAPERLESS_PORT=$((base + 2)) "$ROOT/paperless" start >"$work/start-a.log" 2>&1 \
    || { cat "$work/start-a.log" >&2; fail "the first instance did not start"; }
in_b env PAPERLESS_SSH_PORT=$((base + 3)) PAPERLESS_PORT=$((base + 4)) "$ROOT/paperless" start >"$work/start-b.log" 2>&1 \
    || { cat "$work/start-b.log" >&2; fail "the second instance did not start beside the first"; }
[ -f "$work/a/karaf/instances/instance.properties" ] && [ -f "$work/b/karaf/instances/instance.properties" ] \
    || fail "Karaf's list of instances is not in each data folder"
ok "both started; Karaf's state is in each data folder"

# The ports are remembered: the calls below name the data folder only.
echo "alpha invoice 4711" >"$work/a/consume/alpha.txt"
echo "beta receipt 0815" >"$work/b/consume/beta.txt"
has_document "$work/a" alpha || fail "the first instance did not consume its document"
has_document "$work/b" beta || fail "the second instance did not consume its document"
in_a "$ROOT/paperless" client "paperless:document-list --no-format" | grep -q $'\t'beta$'\t' \
    && fail "the first instance has the second one's document"
in_b "$ROOT/paperless" client "paperless:document-list --no-format" | grep -q $'\t'alpha$'\t' \
    && fail "the second instance has the first one's document"
ok "each consumed its own document, found by its data folder alone"

out="$(in_a "$ROOT/paperless" start 2>&1)" && fail "a second start on a running data folder succeeded"
grep -q "an instance already runs on the data folder $work/a" <<<"$out" || fail "no clear reason for the refused start: $out"
out="$(PAPERLESS_DATA_DIR="$work/c" PAPERLESS_SSH_PORT=$((base + 1)) PAPERLESS_PORT=$((base + 6)) "$ROOT/paperless" start 2>&1)" \
    && fail "a start on a taken console port succeeded"
grep -q "port 127.0.0.1:$((base + 1)) is taken" <<<"$out" || fail "no clear reason for the taken port: $out"
ok "a second start on a data folder and a taken port are refused with the reason"

# A port bound but not listening passes the check before the start; Karaf then fails to bind it.
python3 -c 'import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1]))); time.sleep(120)' $((base + 8)) &
holder=$!
sleep 0.5
started=$SECONDS
out="$(PAPERLESS_DATA_DIR="$work/d" PAPERLESS_SSH_PORT=$((base + 7)) PAPERLESS_PORT=$((base + 8)) \
    "$ROOT/paperless" start 2>&1)" && fail "a start whose REST API port was taken succeeded"
kill "$holder"
grep -q "Failed to bind to /127.0.0.1:$((base + 8))" <<<"$out" && grep -q "the instance was stopped" <<<"$out" \
    || fail "no clear reason for the port Karaf could not bind: $out"
[ $((SECONDS - started)) -lt 90 ] || fail "the lost port took $((SECONDS - started)) s to be reported"
PAPERLESS_DATA_DIR="$work/d" "$ROOT/paperless" status >/dev/null 2>&1 && fail "the instance without its port still runs"
ok "a port taken after the check is reported at once, and the instance stopped"

started=$SECONDS
out="$(PAPERLESS_DATA_DIR="$work/c" PAPERLESS_SSH_PORT=$((base + 5)) PAPERLESS_PORT=$((base + 6)) JAVA_MAX_MEM=1K \
    "$ROOT/paperless" start 2>&1)" && fail "a JVM that cannot start was reported as started"
grep -q "Initial heap size set to a larger value than the maximum heap size" <<<"$out" || fail "Karaf's own reason is missing: $out"
[ $((SECONDS - started)) -lt 60 ] || fail "the failed start took $((SECONDS - started)) s to be reported"
ok "a JVM that cannot start is reported at once, with its own words"

in_b "$ROOT/paperless" stop
started=$SECONDS
out="$(in_b env PAPERLESS_CLIENT_RETRY_SECONDS=4 "$ROOT/paperless" client "paperless:status" 2>&1)" \
    && fail "a client reached a stopped instance"
grep -q "gave up after [0-9]* attempts" <<<"$out" && grep -q "cannot reach the instance" <<<"$out" \
    || fail "no clear final message from the client: $out"
ok "a client gives up on a stopped instance after its retries, saying so"

# A client started while the instance is still starting gets through, and finds the paperless commands (it
# waits for Karaf to install its features: the console answers before their bundles have started).
in_b "$ROOT/paperless" start >"$work/restart-b.log" 2>&1 &
starting=$!
sleep 1
out="$(in_b "$ROOT/paperless" client "paperless:document-list --no-format" 2>&1)" \
    || fail "a client did not get through to a starting instance: $out"
grep -q $'\t'beta$'\t' <<<"$out" || fail "the starting instance's document was not listed: $out"
wait "$starting" || { cat "$work/restart-b.log" >&2; fail "the restart failed"; }
in_b "$ROOT/paperless" client "paperless:nosuch" >/dev/null 2>&1 && fail "a command that does not exist succeeded"
ok "a client waits for a starting instance and gets through to its commands"
