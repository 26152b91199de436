# shellcheck shell=bash
#
# The bootstrap that must run before Swift can build, shared by scripts/demo, scripts/test,
# scripts/bench and .ci/run: system packages, the toolchain, schemathesis, the private
# PostgreSQL cluster, the build. Everything after that (the embedded broker, the services, the
# demo scenario, seeds) is the `civil` command (Tools/Civil), which reads the service catalogue.
#
# Source it from a bash script that runs with `set -euo pipefail`:
#
#     source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
#
# Everything the helpers create lives under "$ROOT/.run" (git-ignored):
#
#     .run/pg/ (or the directory named in .run/pg.path)   private PostgreSQL cluster
#     .run/pg.port                                         its TCP port (127.0.0.1 only)
#     .run/kafka.bootstrap                                 written by embedded-kafka (civil start)
#     .run/person-ref.key                                  CIVIL_PERSON_REF_KEY (64 hex chars, civil start)
#     .run/logs/<name>.log, .run/pids/<name>.pid           background processes (civil start)
#
# Public functions: log_step, ensure_packages, ensure_swift, ensure_schemathesis, pg_start,
# pg_stop, pg_wipe, pg_status, build_all, resolve_bin_dir, pid_from_file.

if [[ -n "${CIVIL_COMMON_SH_LOADED:-}" ]]; then
    return 0
fi
CIVIL_COMMON_SH_LOADED=1

# Let `set -e` apply inside $(...) too, so a failing helper stops the script.
shopt -s inherit_errexit

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
RUN_DIR="$ROOT/.run"
LOG_DIR="$RUN_DIR/logs"
PID_DIR="$RUN_DIR/pids"

# The one service list bash keeps: PostgreSQL is set up before Swift can build. The rest of
# the catalogue (executables, ports, topics) is Shared/ServiceCatalogue; `civil services` prints
# it and Tests/CatalogueTests checks this line against it.
CIVIL_DATABASES=(registry assistance eldercare childprotection socialorg)
CIVIL_REQUIRED_PACKAGES=(librdkafka-dev pkg-config postgresql curl jq)

CIVIL_DB_ROLE=civil
CIVIL_DB_ROLE_PASSWORD=civil

# Set by pg_start: 1 when this process started the cluster, 0 when it reused one.
# shellcheck disable=SC2034 # read by the scripts that source this file
PG_STARTED_HERE=0

# ---------------------------------------------------------------------------
# Logging
# ---------------------------------------------------------------------------

log_step() { printf '==> %s\n' "$*"; }
log_info() { printf '    %s\n' "$*"; }
log_warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() {
    printf 'ERROR: %s\n' "$*" >&2
    exit 1
}

# Prints the last N lines of a log file to stderr, framed.
show_log_tail() {
    local file="$1" lines="${2:-30}"
    if [[ -f "$file" ]]; then
        printf -- '----- last %s lines of %s -----\n' "$lines" "$file" >&2
        tail -n "$lines" "$file" >&2 || true
        printf -- '----- end of %s -----\n' "$file" >&2
    else
        printf '(no log file at %s)\n' "$file" >&2
    fi
}

ensure_run_dirs() {
    mkdir -p "$RUN_DIR" "$LOG_DIR" "$PID_DIR"
    # The PostgreSQL server runs as the `postgres` user and must be able to
    # traverse .run to reach its data directory.
    chmod 0755 "$RUN_DIR"
}

# ---------------------------------------------------------------------------
# Packages and toolchain
# ---------------------------------------------------------------------------

CIVIL_APT_UPDATED=0

package_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

ensure_packages() {
    ensure_run_dirs
    if ! command -v dpkg-query >/dev/null 2>&1; then
        log_warn "dpkg-query not found (not Debian?); make sure these are installed: ${CIVIL_REQUIRED_PACKAGES[*]}"
        return 0
    fi
    local pkg missing=()
    for pkg in "${CIVIL_REQUIRED_PACKAGES[@]}"; do
        package_installed "$pkg" || missing+=("$pkg")
    done
    if ((${#missing[@]} == 0)); then
        log_step "System packages present: ${CIVIL_REQUIRED_PACKAGES[*]}"
        return 0
    fi

    local sudo=()
    if [[ "$(id -u)" -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 ||
            die "missing packages (${missing[*]}) and not root: install them with apt-get"
        sudo=(sudo)
    fi
    local apt_log="$LOG_DIR/apt.log"
    log_step "Installing missing packages: ${missing[*]} (log: ${apt_log#"$ROOT"/})"
    if [[ "$CIVIL_APT_UPDATED" != 1 ]]; then
        log_info "apt-get update"
        if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$apt_log" 2>&1; then
            show_log_tail "$apt_log" 30
            die "apt-get update failed"
        fi
        CIVIL_APT_UPDATED=1
    fi
    log_info "apt-get install ${missing[*]}"
    if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >>"$apt_log" 2>&1; then
        show_log_tail "$apt_log" 30
        die "apt-get install ${missing[*]} failed"
    fi
    for pkg in "${missing[@]}"; do
        package_installed "$pkg" || die "package $pkg still not installed after apt-get install"
    done
    log_info "installed: ${missing[*]}"
}

# Installs schemathesis (the OpenAPI fuzzer Tests/FuzzTests runs) from PyPI into a virtual
# environment shared by every checkout of this user, and exports CIVIL_SCHEMATHESIS.
CIVIL_SCHEMATHESIS_VERSION=4.32.5
ensure_schemathesis() {
    local venv="${XDG_CACHE_HOME:-$HOME/.cache}/civil-affairs/schemathesis-$CIVIL_SCHEMATHESIS_VERSION"
    if [[ ! -x "$venv/bin/st" ]]; then
        ensure_run_dirs
        local pip_log="$LOG_DIR/pip.log"
        log_step "Installing schemathesis $CIVIL_SCHEMATHESIS_VERSION from PyPI (log: ${pip_log#"$ROOT"/})"
        if ! { python3 -m venv "$venv" && "$venv/bin/pip" install -q "schemathesis==$CIVIL_SCHEMATHESIS_VERSION"; } >"$pip_log" 2>&1; then
            show_log_tail "$pip_log" 30
            rm -rf "$venv"
            die "installing schemathesis failed"
        fi
    fi
    export CIVIL_SCHEMATHESIS="$venv/bin/st"
}

# Puts the Swift toolchain on PATH (it lives in /opt/swift on our machines).
ensure_swift() {
    if ! command -v swift >/dev/null 2>&1; then
        local dir
        for dir in /opt/swift/usr/bin /opt/swift/bin; do
            if [[ -x "$dir/swift" ]]; then
                PATH="$dir:$PATH"
                export PATH
                break
            fi
        done
    fi
    command -v swift >/dev/null 2>&1 || die "swift not found on PATH nor in /opt/swift"
}

# ---------------------------------------------------------------------------
# Ports and processes
# ---------------------------------------------------------------------------

# port_in_use PORT: true when something listens on PORT (any address).
port_in_use() {
    local port="$1"
    if command -v ss >/dev/null 2>&1; then
        [[ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]]
        return
    fi
    if command -v python3 >/dev/null 2>&1; then
        ! python3 - "$port" <<'PY' 2>/dev/null
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("0.0.0.0", int(sys.argv[1])))
PY
        return
    fi
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# Prints a currently free TCP port on 127.0.0.1.
pick_free_port() {
    local port
    if command -v python3 >/dev/null 2>&1; then
        port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || true)"
        if [[ "$port" =~ ^[0-9]+$ ]] && ! port_in_use "$port"; then
            printf '%s\n' "$port"
            return 0
        fi
    fi
    local i
    for ((i = 0; i < 200; i++)); do
        port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
        if ! port_in_use "$port"; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    die "could not find a free TCP port"
}

# pid_from_file FILE: prints the pid stored in FILE if that process is alive.
pid_from_file() {
    local file="$1" pid
    [[ -f "$file" ]] || return 1
    pid="$(head -n 1 "$file" 2>/dev/null || true)"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    printf '%s\n' "$pid"
}

# ---------------------------------------------------------------------------
# PostgreSQL (private cluster)
# ---------------------------------------------------------------------------

PG_BIN=""
PG_DATA=""
PG_SOCKET_DIR=""
PG_PORT=""
PG_OWNER=""

root_hash() {
    printf '%s' "$ROOT" | sha256sum | cut -c1-12
}

# Runs a command as the cluster owner (`postgres` when we are root, since
# initdb and postgres refuse to run as root).
pg_as_owner() {
    if [[ "$(id -u)" -ne 0 ]]; then
        "$@"
    elif command -v runuser >/dev/null 2>&1; then
        (cd / && runuser -u "$PG_OWNER" -- "$@")
    else
        (cd / && setpriv --reuid="$PG_OWNER" --regid="$PG_OWNER" --init-groups -- "$@")
    fi
}

pg_find_bin() {
    if [[ -n "${CIVIL_PG_BIN:-}" ]]; then
        [[ -x "$CIVIL_PG_BIN/pg_ctl" ]] || die "CIVIL_PG_BIN=$CIVIL_PG_BIN has no pg_ctl"
        PG_BIN="$CIVIL_PG_BIN"
        return 0
    fi
    local dir
    PG_BIN=""
    while IFS= read -r dir; do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]]; then
            PG_BIN="$dir"
        fi
    done < <(compgen -G '/usr/lib/postgresql/*/bin' | sort -V)
    [[ -n "$PG_BIN" ]] || die "no PostgreSQL server found in /usr/lib/postgresql/*/bin (install postgresql)"
}

# Can the cluster owner reach (search) DIR, i.e. every parent is traversable?
pg_owner_can_reach() {
    pg_as_owner test -x "$1" 2>/dev/null
}

# Sets PG_BIN, PG_OWNER, PG_DATA, PG_SOCKET_DIR (does not create anything
# except .run/ and .run/pg.path).
pg_resolve() {
    ensure_run_dirs
    pg_find_bin
    if [[ "$(id -u)" -eq 0 ]]; then
        PG_OWNER=postgres
        if ! id -u "$PG_OWNER" >/dev/null 2>&1; then
            useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash "$PG_OWNER" ||
                die "cannot create system user $PG_OWNER"
        fi
    else
        PG_OWNER="$(id -un)"
    fi

    local path_file="$RUN_DIR/pg.path" fallback
    fallback="/tmp/civil-pg-$(root_hash)"
    PG_DATA=""
    if [[ -f "$path_file" ]]; then
        PG_DATA="$(head -n 1 "$path_file")"
        if [[ "$PG_DATA" != "$RUN_DIR/pg" && "$PG_DATA" != "$fallback" ]]; then
            log_warn "ignoring unexpected data directory '$PG_DATA' in ${path_file#"$ROOT"/}"
            PG_DATA=""
        fi
    fi
    if [[ -z "$PG_DATA" ]]; then
        if pg_owner_can_reach "$RUN_DIR"; then
            PG_DATA="$RUN_DIR/pg"
        else
            log_info "user $PG_OWNER cannot traverse $RUN_DIR; using $fallback for the data directory"
            PG_DATA="$fallback"
        fi
        printf '%s\n' "$PG_DATA" >"$path_file"
    fi

    # Unix socket inside the data directory unless the path gets too long for
    # sun_path (107 bytes including ".s.PGSQL.NNNNN").
    if ((${#PG_DATA} <= 85)); then
        PG_SOCKET_DIR="$PG_DATA"
    else
        PG_SOCKET_DIR="/tmp/civil-pgsock-$(root_hash)"
    fi
}

pg_is_running() {
    [[ -f "$PG_DATA/PG_VERSION" ]] || return 1
    pg_as_owner "$PG_BIN/pg_ctl" status -D "$PG_DATA" >/dev/null 2>&1
}

pg_running_port() {
    local port
    port="$(sed -n 4p "$PG_DATA/postmaster.pid" 2>/dev/null || true)"
    [[ "$port" =~ ^[0-9]+$ ]] || return 1
    printf '%s\n' "$port"
}

pg_make_owned_dir() {
    local dir="$1"
    mkdir -p "$dir"
    if [[ "$(id -u)" -eq 0 ]]; then
        chown "$PG_OWNER:" "$dir"
    fi
    chmod 0700 "$dir"
}

pg_init() {
    log_step "Initialising PostgreSQL cluster in $PG_DATA"
    if [[ -e "$PG_DATA" ]] && [[ -n "$(ls -A "$PG_DATA" 2>/dev/null)" ]]; then
        die "$PG_DATA exists, is not empty and has no PG_VERSION; remove it (scripts/demo wipe)"
    fi
    pg_make_owned_dir "$PG_DATA"
    local init_log
    init_log="$LOG_DIR/initdb.log"
    # Local socket: trust (the socket directory is private to the owner);
    # TCP: SCRAM passwords.
    if ! pg_as_owner "$PG_BIN/initdb" -D "$PG_DATA" -U postgres \
        --auth-local=trust --auth-host=scram-sha-256 \
        --encoding=UTF8 --no-locale >"$init_log" 2>&1; then
        show_log_tail "$init_log" 30
        die "initdb failed"
    fi
    printf "\n# Settings for the civil-affairs dev cluster (rewritten at every start).\ninclude_if_exists = 'civil.conf'\n" \
        >>"$PG_DATA/postgresql.conf"
}

pg_write_conf() {
    local port="$1" conf="$PG_DATA/civil.conf"
    cat >"$conf" <<EOF
# Written by scripts/lib/common.sh (pg_start); do not edit.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$PG_SOCKET_DIR'
# The test suites run in parallel, each with a service pool, a test pool and a relay session
# (about a dozen connections); at 200 the start of a full run ran out (53300).
max_connections = 500
EOF
    # A cluster started for the tests is throwaway: every test creates and drops a database, and
    # each of those forces an immediate checkpoint. With fsync those checkpoints took up to 10 s
    # under a full run and stalled every writer (a CI run of 2026-11-27 timed out an HTTP test),
    # so the test cluster does not fsync. A crash of the OS can corrupt it; `scripts/demo wipe`
    # starts again. The demo's cluster (started by scripts/demo) keeps the defaults.
    if [[ "${CIVIL_PG_THROWAWAY:-0}" == 1 ]]; then
        cat >>"$conf" <<EOF
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    fi
    if [[ "$(id -u)" -eq 0 ]]; then
        chown "$PG_OWNER:" "$conf"
    fi
    chmod 0600 "$conf"
}

# Creates role civil and the five databases if missing (idempotent).
pg_bootstrap_roles() {
    local dbs sql
    dbs="$(printf "'%s'," "${CIVIL_DATABASES[@]}")"
    dbs="${dbs%,}"
    sql="$(
        cat <<EOF
SELECT format('CREATE ROLE %I LOGIN CREATEDB', '$CIVIL_DB_ROLE')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$CIVIL_DB_ROLE') \gexec
ALTER ROLE $CIVIL_DB_ROLE LOGIN CREATEDB PASSWORD '$CIVIL_DB_ROLE_PASSWORD';
SELECT format('CREATE DATABASE %I OWNER %I', d, '$CIVIL_DB_ROLE')
  FROM unnest(ARRAY[$dbs]) AS d
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d) \gexec
EOF
    )"
    if ! pg_as_owner "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
        -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres -d postgres <<<"$sql" >/dev/null; then
        die "could not create role $CIVIL_DB_ROLE / databases"
    fi
}

# Starts (or reuses) the private cluster. Sets and exports PG_PORT, sets
# PG_STARTED_HERE, writes .run/pg.port.
pg_start() {
    pg_resolve
    PG_STARTED_HERE=0
    if pg_is_running; then
        PG_PORT="$(pg_running_port)" || die "PostgreSQL runs in $PG_DATA but its port is unknown"
        log_step "PostgreSQL already running on 127.0.0.1:$PG_PORT (reusing $PG_DATA)"
    else
        [[ -f "$PG_DATA/PG_VERSION" ]] || pg_init
        if [[ "$PG_SOCKET_DIR" != "$PG_DATA" ]]; then
            pg_make_owned_dir "$PG_SOCKET_DIR"
        fi
        local attempt port="" previous="" out=""
        previous="$(head -n 1 "$RUN_DIR/pg.port" 2>/dev/null || true)"
        local server_log="$PG_DATA/server.log"
        for attempt in 1 2 3; do
            if [[ "$attempt" == 1 && "$previous" =~ ^[0-9]+$ ]] && ! port_in_use "$previous"; then
                port="$previous"
            else
                port="$(pick_free_port)"
            fi
            pg_write_conf "$port"
            log_step "Starting PostgreSQL on 127.0.0.1:$port"
            if out="$(pg_as_owner "$PG_BIN/pg_ctl" start -D "$PG_DATA" -l "$server_log" -w -t 60 -s 2>&1)"; then
                # shellcheck disable=SC2034 # read by the scripts that source this file
                PG_STARTED_HERE=1
                break
            fi
            log_warn "PostgreSQL did not start on port $port (attempt $attempt): $out"
            show_log_tail "$server_log" 15
            port=""
        done
        [[ -n "$port" ]] || die "PostgreSQL failed to start; see $server_log"
        PG_PORT="$port"
        ln -sfn "$server_log" "$LOG_DIR/postgres.log"
    fi
    printf '%s\n' "$PG_PORT" >"$RUN_DIR/pg.port"
    export PG_PORT
    pg_bootstrap_roles
    log_info "PostgreSQL ready: 127.0.0.1:$PG_PORT user $CIVIL_DB_ROLE/$CIVIL_DB_ROLE_PASSWORD, databases: ${CIVIL_DATABASES[*]}"
}

pg_stop() {
    pg_resolve
    if pg_is_running; then
        log_step "Stopping PostgreSQL ($PG_DATA)"
        pg_as_owner "$PG_BIN/pg_ctl" stop -D "$PG_DATA" -m fast -w -t 60 -s >/dev/null ||
            die "pg_ctl stop failed"
    else
        log_step "PostgreSQL is not running"
    fi
}

pg_status() {
    pg_resolve
    if pg_is_running; then
        printf '  %-18s running  127.0.0.1:%s  data %s\n' postgresql "$(pg_running_port || echo '?')" "$PG_DATA"
    elif [[ -f "$PG_DATA/PG_VERSION" ]]; then
        printf '  %-18s stopped  data %s\n' postgresql "$PG_DATA"
    else
        printf '  %-18s not initialised\n' postgresql
    fi
}

pg_wipe() {
    pg_stop
    log_step "Removing PostgreSQL data ($PG_DATA)"
    case "$PG_DATA" in
    "$RUN_DIR/pg" | /tmp/civil-pg-*) rm -rf -- "$PG_DATA" ;;
    *) die "refusing to remove unexpected data directory '$PG_DATA'" ;;
    esac
    if [[ "$PG_SOCKET_DIR" == /tmp/civil-pgsock-* ]]; then
        rm -rf -- "$PG_SOCKET_DIR"
    fi
    rm -f "$RUN_DIR/pg.path" "$RUN_DIR/pg.port" "$LOG_DIR/postgres.log" "$LOG_DIR/initdb.log"
}

# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------

build_config() {
    local config="${CIVIL_BUILD_CONFIG:-debug}"
    case "$config" in
    debug | release) printf '%s\n' "$config" ;;
    *) die "CIVIL_BUILD_CONFIG must be debug or release (got '$config')" ;;
    esac
}

# Sets and exports BIN_DIR without building (unless already set).
resolve_bin_dir() {
    if [[ -n "${BIN_DIR:-}" ]]; then
        export BIN_DIR
        return 0
    fi
    ensure_swift
    local config
    config="$(build_config)"
    BIN_DIR="$(cd "$ROOT" && swift build -c "$config" --show-bin-path 2>/dev/null | tail -n 1)"
    [[ -n "$BIN_DIR" ]] || die "swift build --show-bin-path failed"
    export BIN_DIR
}

build_all() {
    ensure_swift
    local config
    config="$(build_config)"
    log_step "Building all products ($config)"
    (cd "$ROOT" && swift build -c "$config") || die "swift build -c $config failed"
    BIN_DIR="$(cd "$ROOT" && swift build -c "$config" --show-bin-path | tail -n 1)"
    [[ -d "$BIN_DIR" ]] || die "swift build --show-bin-path gave '$BIN_DIR'"
    export BIN_DIR
    log_info "binaries in $BIN_DIR"
}
