#!/usr/bin/env bash
# A throwaway Dovecot IMAP server for the mail tests: its own folder and configuration (nothing of
# /etc/dovecot is read), one user with a plaintext password, maildirs under the folder, 127.0.0.1 only,
# no TLS, no systemd. It runs unprivileged: as the caller, or as the dovecot user when the caller is root.
#   scripts/imap-test-server.sh start   prints host:port:user:password as its last line (PAPERLESS_TEST_IMAP)
#   scripts/imap-test-server.sh stop    stops the server and removes its folder
# IMAP_TEST_DIR (default /tmp/paperless-imap-test) moves it; IMAP_TEST_PORT fixes the port (default: a free one).
set -euo pipefail

DIR=$(realpath -m "${IMAP_TEST_DIR:-/tmp/paperless-imap-test}")
CONF="$DIR/dovecot.conf"
TEST_USER=paperless
TEST_PASSWORD=paperless-imap-test

log() { echo "imap-test-server: $*" >&2; }

install_server() {
    if [ "$(id -u)" != 0 ]; then
        log "Dovecot is not installed and only root can install it (apt-get install dovecot-imapd)"
        exit 1
    fi
    log "installing Dovecot from apt"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y dovecot-imapd >&2 || { apt-get update >&2 && apt-get install -y dovecot-imapd >&2; }
}

# The account every process runs as: dovecot refuses to serve mail as root.
run_user() {
    if [ "$(id -u)" = 0 ]; then echo dovecot; else id -un; fi
}

as_run_user() {
    if [ "$(id -u)" = 0 ]; then runuser -u dovecot -- "$@"; else "$@"; fi
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 40000))
        port_in_use "$port" || { echo "$port"; return 0; }
    done
    log "no free port found"
    exit 1
}

running() {
    [ -f "$DIR/run/master.pid" ] && kill -0 "$(cat "$DIR/run/master.pid")" 2>/dev/null
}

write_config() {
    local port=$1 user group uid gid
    user=$(run_user)
    group=$(id -gn "$user")
    uid=$(id -u "$user")
    gid=$(id -g "$user")
    # passwd-file: user:password:uid:gid:gecos:home:shell
    echo "$TEST_USER:{PLAIN}$TEST_PASSWORD:$uid:$gid::$DIR/home/$TEST_USER::" > "$DIR/passwd"
    cat > "$CONF" <<EOF
# Written by scripts/imap-test-server.sh: a test server, not for real mail.
base_dir = $DIR/run
state_dir = $DIR/state
log_path = $DIR/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = $user
default_internal_group = $group
default_login_user = $user
first_valid_uid = $uid
last_valid_uid = $uid
first_valid_gid = $gid
last_valid_gid = $gid
mail_location = maildir:$DIR/mail/%u
namespace inbox {
  inbox = yes
  separator = /
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $DIR/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u $DIR/passwd
}
service imap-login {
  chroot =
  user = $user
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
  user = $user
}
service auth {
  user = $user
}
service auth-worker {
  user = $user
}
service stats {
  user = $user
}
EOF
}

start() {
    command -v dovecot >/dev/null || [ -x /usr/sbin/dovecot ] || install_server
    local dovecot
    dovecot=$(command -v dovecot || echo /usr/sbin/dovecot)
    [ -x /usr/lib/dovecot/imap ] || install_server
    if running; then
        log "already running in $DIR"
    else
        rm -rf -- "$DIR/run"
        mkdir -p "$DIR/run" "$DIR/state" "$DIR/mail" "$DIR/home"
        local port attempt
        for attempt in 1 2 3; do
            port="${IMAP_TEST_PORT:-$(free_port)}"
            write_config "$port"
            [ "$(id -u)" = 0 ] && chown -R dovecot: "$DIR"
            chmod 700 "$DIR"
            log "starting on 127.0.0.1:$port (log: $DIR/dovecot.log)"
            # Its standard streams must not hold the caller's pipe open (start's output is read with $(...)).
            if ! as_run_user "$dovecot" -c "$CONF" </dev/null >"$DIR/start.out" 2>&1; then
                cat "$DIR/start.out" >&2
                log "dovecot did not start; see $DIR/dovecot.log"
                exit 1
            fi
            # The master forks and listens at once; a taken port shows in the log and as no listener.
            for _ in $(seq 1 50); do
                port_in_use "$port" && break
                running || break
                sleep 0.1
            done
            if port_in_use "$port" && running; then
                echo "$port" > "$DIR/port"
                break
            fi
            log "dovecot is not listening on $port (attempt $attempt); see $DIR/dovecot.log"
            stop_server
            [ -z "${IMAP_TEST_PORT:-}" ] || exit 1
            [ "$attempt" != 3 ] || exit 1
        done
    fi
    echo "127.0.0.1:$(cat "$DIR/port"):$TEST_USER:$TEST_PASSWORD"
}

stop_server() {
    if running; then
        local pid
        pid=$(cat "$DIR/run/master.pid")
        kill "$pid"
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || return 0
            sleep 0.1
        done
        kill -9 "$pid" 2>/dev/null || true
    fi
}

stop() {
    stop_server || log "server was not running"
    case "$DIR" in
        ""|/) log "refusing to remove '$DIR'"; exit 1 ;;
    esac
    rm -rf -- "$DIR"
    log "stopped and removed $DIR"
}

# The dovecot user may not be allowed into the caller's folder (e.g. /root).
cd /

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
