#!/usr/bin/env bash
# Throw-away PostgreSQL server for the test suite.
#
#   scripts/pg-test.sh start [DIR]   initdb + start a server in DIR (default: a fresh
#                                    mktemp dir) on a random free 127.0.0.1 port; prints
#                                    shell lines to eval:
#                                      export NODAL_PG_DIR='...'
#                                      export NODAL_TEST_POSTGRES='Host=...;Port=...;...'
#   scripts/pg-test.sh stop [DIR]    stop the server and delete DIR (default: $NODAL_PG_DIR).
#                                    Safe to call twice or on a half-started DIR.
#
# Typical use:  eval "$(scripts/pg-test.sh start)"; ...; scripts/pg-test.sh stop
#
# The server is for tests only: trust auth on 127.0.0.1 and the socket dir, fsync=off,
# synchronous_commit=off, full_page_writes=off. When run as root, initdb/pg_ctl run as the
# `postgres` user (initdb refuses root). All diagnostics go to stderr; stdout carries only
# the export lines.
set -euo pipefail

PG_USER_PASSWORD=postgres   # set for the superuser; not needed under trust auth
MARKER=.nodal-pg-test       # marks a directory as ours, so `stop` never deletes anything else

log() { printf 'pg-test: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

find_bindir() {
  if [[ -n "${PG_BIN:-}" ]]; then printf '%s\n' "$PG_BIN"; return; fi
  local d
  # Newest installed major version (sort -V so that 9.6 < 15 < 16).
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
  if [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" ]]; then printf '%s\n' "$d"; return; fi
  if command -v pg_config >/dev/null 2>&1; then
    d=$(pg_config --bindir)
    if [[ -x "$d/initdb" ]]; then printf '%s\n' "$d"; return; fi
  fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  die "PostgreSQL server binaries (initdb, pg_ctl) not found; install the 'postgresql' package"
}

# Run a command as the database OS user (postgres when we are root).
as_db() {
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() {
  local p=$1
  if command -v ss >/dev/null 2>&1; then
    ss -Htln "sport = :$p" 2>/dev/null | grep -q . && return 0
    return 1
  fi
  # Fallback: try to connect.
  (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && return 0
  return 1
}

random_port() {
  local p
  for _ in $(seq 1 50); do
    p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    port_in_use "$p" || { echo "$p"; return; }
  done
  die "could not find a free port"
}

cmd_stop() {
  local dir=${1:-${NODAL_PG_DIR:-}}
  [[ -n "$dir" ]] || die "stop: no directory given and NODAL_PG_DIR is not set"
  [[ -d "$dir" ]] || return 0                      # already gone
  [[ -e "$dir/$MARKER" ]] || die "stop: $dir is not a pg-test directory (no $MARKER); not touching it"
  local bindir
  bindir=$(find_bindir)
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    if ! as_db "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1; then
      # pg_ctl failed (e.g. server already crashed): kill the postmaster we started, if alive.
      local pid
      pid=$(head -n1 "$dir/data/postmaster.pid" 2>/dev/null || true)
      if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
        kill -QUIT "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
  fi
  rm -rf -- "$dir"
  log "stopped and removed $dir"
}

START_DIR=""
cmd_start() {
  local bindir dir
  bindir=$(find_bindir)
  if [[ -n "${1:-}" ]]; then
    dir=$1
    mkdir -p -- "$dir"
    [[ -z "$(ls -A -- "$dir")" ]] || die "start: $dir is not empty"
  else
    # Short path: the Unix socket path must stay under ~107 bytes.
    dir=$(mktemp -d /tmp/nodal-pg.XXXXXX)
  fi
  dir=$(cd -- "$dir" && pwd -P)
  touch "$dir/$MARKER"
  START_DIR=$dir

  # On failure, leave nothing running or lying around.
  trap 'if [[ $? -ne 0 && -n "$START_DIR" ]]; then
          if [[ -f "$START_DIR/log" ]]; then tail -n 30 "$START_DIR/log" >&2 || true; fi
          cmd_stop "$START_DIR" 2>/dev/null || true
        fi' EXIT

  if [[ "$(id -u)" -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user"
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"

  local pwfile="$dir/pwfile"
  printf '%s\n' "$PG_USER_PASSWORD" >"$pwfile"
  if [[ "$(id -u)" -eq 0 ]]; then chown postgres: "$pwfile"; fi

  as_db "$bindir/initdb" -D "$dir/data" -U postgres --pwfile="$pwfile" \
      --auth=trust --encoding=UTF8 --lc-collate=C --lc-ctype=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  rm -f "$pwfile"

  local port attempt ok=0
  for attempt in 1 2 3 4 5; do
    port=$(random_port)
    if as_db "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 start -o \
        "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=128MB -c log_min_messages=warning" \
        >/dev/null 2>&1; then
      ok=1; break
    fi
    log "start on port $port failed (attempt $attempt); retrying on another port"
    tail -n 5 "$dir/log" >&2 2>/dev/null || true
  done
  [[ $ok -eq 1 ]] || die "could not start PostgreSQL"

  local cs="Host=127.0.0.1;Port=$port;Username=postgres;Password=$PG_USER_PASSWORD;Database=postgres"
  trap - EXIT
  log "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') running in $dir on 127.0.0.1:$port"
  printf "export NODAL_PG_DIR='%s'\n" "$dir"
  printf "export NODAL_PG_PORT='%s'\n" "$port"
  printf "export NODAL_TEST_POSTGRES='%s'\n" "$cs"
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop)  shift; cmd_stop "$@" ;;
  *) echo "usage: $0 start [DIR] | stop [DIR]" >&2; exit 2 ;;
esac
