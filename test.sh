#!/usr/bin/env bash
# Build and run every Nodal test, with a throw-away PostgreSQL and headless Chromium.
#
#   ./test.sh                      # everything
#   ./test.sh --filter 'FullyQualifiedName~Notes'   # extra args go to `dotnet test`
#
# Installs what a fresh Debian 12 machine lacks (PostgreSQL server, chromium, the npm
# packages of tests/Nodal.BrowserTests), starts PostgreSQL via scripts/pg-test.sh (always
# stopped on exit), runs `dotnet test` with TRX loggers into artifacts/test-results, and
# prints as its last line:  tests: N passed, N failed, N skipped
# Exit status is non-zero if the build failed, any test failed, dotnet test failed, or no
# TRX result was produced.
#
# Environment passed to the tests:
#   NODAL_TEST_POSTGRES  Npgsql connection string of a superuser on the throw-away server
#   NODAL_CHROMIUM       /usr/bin/chromium
#   NODAL_AXE_PATH       <repo>/tests/Nodal.BrowserTests/node_modules/axe-core/axe.min.js
set -euo pipefail

cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
ROOT=$(pwd)
RESULTS="$ROOT/artifacts/test-results"
BROWSER_DIR="$ROOT/tests/Nodal.BrowserTests"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if [[ "${CI:-}" == "true" ]]; then
  # No lingering MSBuild worker nodes holding CI's output pipes open.
  export MSBUILDDISABLENODEREUSE=1
fi

say() { printf '==> %s\n' "$*" >&2; }

# ---------------------------------------------------------------------------
# 1. Install what is missing
# ---------------------------------------------------------------------------
SUDO=()
if [[ "$(id -u)" -ne 0 ]] && command -v sudo >/dev/null 2>&1; then SUDO=(sudo); fi

APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || { say "apt-get not available; cannot install: $*"; return 1; }
  # Wait for a concurrent apt/dpkg (e.g. another install) instead of failing on its lock.
  local apt=("${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q
             -o DPkg::Lock::Timeout=600 -o Acquire::Retries=3)
  if [[ $APT_UPDATED -eq 0 ]]; then
    say "apt-get update"
    local i
    for i in 1 2 3 4 5 6 7 8 9 10; do
      "${apt[@]}" update >&2 && break
      [[ $i -eq 10 ]] && return 1
      say "apt-get update failed (lock held?); retrying in 10 s"; sleep 10
    done
    APT_UPDATED=1
  fi
  say "apt-get install $*"
  "${apt[@]}" install -y --no-install-recommends "$@" >&2
}

need_pkgs=()
if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then need_pkgs+=(postgresql); fi
if [[ ! -x /usr/bin/chromium ]]; then need_pkgs+=(chromium); fi
if [[ -f "$BROWSER_DIR/package.json" ]] && ! command -v npm >/dev/null 2>&1; then need_pkgs+=(nodejs npm); fi
if [[ ${#need_pkgs[@]} -gt 0 ]]; then apt_install "${need_pkgs[@]}"; fi

if [[ -f "$BROWSER_DIR/package-lock.json" ]]; then
  stamp="$BROWSER_DIR/node_modules/.nodal-lock.sha256"
  want=$(sha256sum "$BROWSER_DIR/package-lock.json" "$BROWSER_DIR/package.json" | sha256sum | cut -d' ' -f1)
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    say "npm ci in tests/Nodal.BrowserTests"
    (cd "$BROWSER_DIR" && npm ci --no-audit --no-fund --loglevel=error >&2)
    printf '%s\n' "$want" >"$stamp"
  fi
fi

export NODAL_CHROMIUM="${NODAL_CHROMIUM:-/usr/bin/chromium}"
export NODAL_AXE_PATH="${NODAL_AXE_PATH:-$BROWSER_DIR/node_modules/axe-core/axe.min.js}"

# ---------------------------------------------------------------------------
# 2. Throw-away PostgreSQL, always stopped
# ---------------------------------------------------------------------------
PG_DIR=""
stop_pg() {
  if [[ -n "$PG_DIR" ]]; then
    "$ROOT/scripts/pg-test.sh" stop "$PG_DIR" >/dev/null 2>&1 || true
    rm -rf -- "$PG_DIR" 2>/dev/null || true
    PG_DIR=""
  fi
}
cleanup() {
  stop_pg
  if [[ "${CI:-}" == "true" ]]; then dotnet build-server shutdown >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

PG_DIR=$(mktemp -d /tmp/nodal-pg.XXXXXX)
pg_env=$("$ROOT/scripts/pg-test.sh" start "$PG_DIR")
eval "$pg_env"
export NODAL_TEST_POSTGRES

# ---------------------------------------------------------------------------
# 3. Build, then test (failures do not stop us before the summing)
# ---------------------------------------------------------------------------
rm -rf -- "$RESULTS"
mkdir -p "$RESULTS"

build_rc=0
say "dotnet build Nodal.slnx -c Release"
dotnet build Nodal.slnx -c Release -nologo || build_rc=$?

# One `dotnet test` per test project (sequential: 2 cores, and no TRX file-name races),
# each with its own TRX prefix. Browser tests last.
mapfile -t test_projects < <(ls tests/*/*.csproj 2>/dev/null | awk '{print (/Browser/ ? 1 : 0) "\t" $0}' | sort | cut -f2-)
test_rc=0
if [[ $build_rc -eq 0 ]]; then
  if [[ ${#test_projects[@]} -eq 0 ]]; then say "no test projects under tests/"; fi
  mtp=0
  if grep -q 'Microsoft.Testing.Platform' global.json 2>/dev/null; then mtp=1; fi
  for proj in "${test_projects[@]}"; do
    name=$(basename "$proj" .csproj)
    say "dotnet test $proj -c Release $*"
    rc_one=0
    if [[ $mtp -eq 1 ]]; then
      # Microsoft.Testing.Platform mode (needs Microsoft.Testing.Extensions.TrxReport).
      dotnet test --project "$proj" -c Release --no-build --results-directory "$RESULTS" \
        --report-trx --report-trx-filename "$name.trx" "$@" || rc_one=$?
    else
      dotnet test "$proj" -c Release --no-build --results-directory "$RESULTS" \
        --logger "trx;LogFilePrefix=$name" "$@" || rc_one=$?
    fi
    if [[ $rc_one -ne 0 ]]; then say "dotnet test $name exited $rc_one"; test_rc=$rc_one; fi
  done
else
  say "build failed (exit $build_rc); tests not run"
fi

stop_pg   # now, so that nothing is printed after the summary line

# ---------------------------------------------------------------------------
# 4. Sum the TRX files
# ---------------------------------------------------------------------------
# Each TRX has <ResultSummary><Counters total= executed= passed= failed= error= timeout=
# aborted= inconclusive= passedButRunAborted= notRunnable= notExecuted= .../>.
# Skipped tests ([Fact(Skip=...)]) have outcome NotExecuted on their UnitTestResult, but
# VSTest's Counters leave them out of `executed` and does NOT count them in notExecuted
# (measured: total=5 executed=4 passed=3 failed=1 notExecuted=0 for one skip). So
# skipped = total - executed (or notExecuted+notRunnable if a writer counts it there).
attr() { # attr NAME "<Counters ... />"  -> number (0 if absent)
  local v
  v=$(grep -oE "[[:space:]]$1=\"[0-9]+\"" <<<"$2" | head -n1 | grep -oE '[0-9]+' || true)
  echo "${v:-0}"
}
passed=0 failed=0 skipped=0 trx_count=0
while IFS= read -r -d '' trx; do
  counters=$(tr '\r\n' '  ' <"$trx" | grep -oE '<Counters[^>]*>' | head -n1 || true)
  if [[ -z "$counters" ]]; then
    say "no <Counters> in $trx"; failed=$((failed + 1)); continue
  fi
  trx_count=$((trx_count + 1))
  passed=$((passed + $(attr passed "$counters") + $(attr passedButRunAborted "$counters")))
  failed=$((failed + $(attr failed "$counters") + $(attr error "$counters") \
                   + $(attr timeout "$counters") + $(attr aborted "$counters")))
  not_run=$(( $(attr total "$counters") - $(attr executed "$counters") ))
  alt=$(( $(attr notExecuted "$counters") + $(attr notRunnable "$counters") ))
  if (( alt > not_run )); then not_run=$alt; fi
  skipped=$((skipped + not_run))
done < <(find "$RESULTS" -name '*.trx' -type f -print0 2>/dev/null)

rc=0
if [[ $build_rc -ne 0 ]]; then say "FAILED: build (exit $build_rc)"; rc=1; fi
if [[ $build_rc -eq 0 && $trx_count -lt ${#test_projects[@]} ]]; then
  say "FAILED: $trx_count TRX file(s) for ${#test_projects[@]} test project(s) in $RESULTS"; rc=1
fi
if [[ $trx_count -eq 0 ]]; then rc=1; fi
if [[ $failed -gt 0 ]]; then say "FAILED: $failed test(s) failed"; rc=1; fi
if [[ $test_rc -ne 0 && $rc -eq 0 ]]; then say "FAILED: dotnet test exited $test_rc"; rc=1; fi
say "TRX files: $trx_count in $RESULTS"

echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $rc
