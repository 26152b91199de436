# shellcheck shell=bash
#
# Shared helpers for scripts/demo, scripts/test and .ci/run.
#
# Source it from a bash script that runs with `set -euo pipefail`:
#
#     source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
#
# Everything the helpers create lives under "$ROOT/.run" (git-ignored):
#
#     .run/pg/ (or the directory named in .run/pg.path)   private PostgreSQL cluster
#     .run/pg.port                                         its TCP port (127.0.0.1 only)
#     .run/kafka.bootstrap                                 written by embedded-kafka
#     .run/person-ref.key                                  CIVIL_PERSON_REF_KEY (64 hex chars)
#     .run/logs/<name>.log, .run/pids/<name>.pid           background processes
#
# Public functions: log_step, ensure_packages, ensure_swift, pg_start, pg_stop,
# pg_wipe, pg_status, build_all, resolve_bin_dir, broker_start, broker_stop,
# broker_status, services_start, services_stop, services_status, print_endpoints.

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
KAFKA_BOOTSTRAP_FILE="$RUN_DIR/kafka.bootstrap"
PERSON_REF_KEY_FILE="$RUN_DIR/person-ref.key"

# Start order; stop runs in reverse.
CIVIL_SERVICES=(registry assistance elder-care child-protection social-org)
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

# start_detached NAME COMMAND [ARGS...]
# Starts COMMAND in its own session (survives the calling script and its
# terminal), stdout/stderr to .run/logs/NAME.log (previous log kept as
# NAME.log.1), pid to .run/pids/NAME.pid. Prints the pid.
start_detached() {
    local name="$1"
    shift
    local pidfile="$PID_DIR/$name.pid" logfile="$LOG_DIR/$name.log"
    ensure_run_dirs
    rm -f "$pidfile" "$pidfile.tmp"
    [[ -f "$logfile" ]] && mv -f "$logfile" "$logfile.1"
    # Log the command line with secrets (…KEY=, …PASSWORD=) masked.
    local arg shown=()
    for arg in "$@"; do
        case "$arg" in
        *KEY=* | *PASSWORD=*) shown+=("${arg%%=*}=***") ;;
        *) shown+=("$arg") ;;
        esac
    done
    printf '=== %s: starting %s\n' "$(date '+%Y-%m-%dT%H:%M:%S%z')" "${shown[*]}" >"$logfile"
    # The inner bash writes its own pid (which `exec` hands on to COMMAND), so
    # the pid file is right even if setsid had to fork.
    # shellcheck disable=SC2016 # expanded by the inner bash
    nohup setsid bash -c 'echo "$$" >"$0.tmp" && mv -f "$0.tmp" "$0" && exec "$@"' \
        "$pidfile" "$@" >>"$logfile" 2>&1 </dev/null &
    local i pid
    for ((i = 0; i < 100; i++)); do
        if pid="$(head -n 1 "$pidfile" 2>/dev/null)" && [[ "$pid" =~ ^[0-9]+$ ]]; then
            printf '%s\n' "$pid"
            return 0
        fi
        sleep 0.05
    done
    die "$name did not start (no pid file after 5 s); see ${logfile#"$ROOT"/}"
}

# stop_pids TIMEOUT_SECONDS LABEL:PIDFILE...
# SIGTERM to every live pid, wait up to TIMEOUT for all of them, then SIGKILL
# (whole process group) the survivors. Removes the pid files.
stop_pids() {
    local timeout="$1"
    shift
    local entry label file pid
    local -a labels=() pids=() files=()
    for entry in "$@"; do
        label="${entry%%:*}"
        file="${entry#*:}"
        if pid="$(pid_from_file "$file")"; then
            log_info "stopping $label (pid $pid)"
            kill -TERM "$pid" 2>/dev/null || true
            labels+=("$label")
            pids+=("$pid")
        fi
        files+=("$file")
    done
    local ticks=0 alive idx
    while ((${#pids[@]} > 0)); do
        alive=0
        for idx in "${!pids[@]}"; do
            if kill -0 "${pids[$idx]}" 2>/dev/null; then
                alive=1
            fi
        done
        ((alive == 0)) && break
        if ((ticks >= timeout * 10)); then
            for idx in "${!pids[@]}"; do
                if kill -0 "${pids[$idx]}" 2>/dev/null; then
                    log_warn "${labels[$idx]} (pid ${pids[$idx]}) ignored SIGTERM for ${timeout}s; sending SIGKILL"
                    kill -KILL -- "-${pids[$idx]}" 2>/dev/null || kill -KILL "${pids[$idx]}" 2>/dev/null || true
                fi
            done
            sleep 0.2
            break
        fi
        sleep 0.1
        ticks=$((ticks + 1))
    done
    for file in "${files[@]}"; do
        rm -f "$file" "$file.tmp"
    done
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
max_connections = 200
EOF
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

# ---------------------------------------------------------------------------
# Embedded Kafka broker
# ---------------------------------------------------------------------------

# host:port[,host:port...]
KAFKA_BOOTSTRAP_RE='^[^,[:space:]]+:[0-9]+(,[^,[:space:]]+:[0-9]+)*$'

read_bootstrap_file() {
    local value
    [[ -s "$KAFKA_BOOTSTRAP_FILE" ]] || return 1
    value="$(head -n 1 "$KAFKA_BOOTSTRAP_FILE" 2>/dev/null | tr -d '[:space:]')"
    [[ "$value" =~ $KAFKA_BOOTSTRAP_RE ]] || return 1
    printf '%s\n' "$value"
}

broker_start() {
    local pidfile="$PID_DIR/embedded-kafka.pid" logfile="$LOG_DIR/embedded-kafka.log" pid
    # The embedded broker is librdkafka's mock cluster: producers use the settings measured
    # for it (one request in flight per connection; see KafkaProducerConfiguration.Profile).
    export CIVIL_KAFKA_PRODUCER_PROFILE="${CIVIL_KAFKA_PRODUCER_PROFILE:-embedded}"
    if pid="$(pid_from_file "$pidfile")"; then
        if CIVIL_KAFKA_BOOTSTRAP="$(read_bootstrap_file)"; then
            export CIVIL_KAFKA_BOOTSTRAP
            log_step "Embedded Kafka already running (pid $pid) at $CIVIL_KAFKA_BOOTSTRAP"
            return 0
        fi
        die "embedded-kafka runs (pid $pid) but ${KAFKA_BOOTSTRAP_FILE#"$ROOT"/} is missing or malformed; run scripts/demo stop"
    fi
    resolve_bin_dir
    local bin="$BIN_DIR/embedded-kafka"
    [[ -x "$bin" ]] || die "$bin not found; build first (swift build --product embedded-kafka)"
    ensure_run_dirs
    rm -f "$KAFKA_BOOTSTRAP_FILE"
    log_step "Starting embedded Kafka broker"
    pid="$(start_detached embedded-kafka "$bin" --bootstrap-file "$KAFKA_BOOTSTRAP_FILE")"
    local deadline=$((SECONDS + 20))
    while ((SECONDS < deadline)); do
        if CIVIL_KAFKA_BOOTSTRAP="$(read_bootstrap_file)"; then
            export CIVIL_KAFKA_BOOTSTRAP
            log_info "embedded-kafka pid $pid, bootstrap $CIVIL_KAFKA_BOOTSTRAP"
            return 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            rm -f "$pidfile"
            show_log_tail "$logfile" 30
            die "embedded-kafka exited before writing ${KAFKA_BOOTSTRAP_FILE#"$ROOT"/}"
        fi
        sleep 0.2
    done
    show_log_tail "$logfile" 30
    stop_pids 5 "embedded-kafka:$pidfile"
    die "embedded-kafka did not write a valid host:port line to ${KAFKA_BOOTSTRAP_FILE#"$ROOT"/} within 20 s"
}

broker_stop() {
    log_step "Stopping embedded Kafka broker"
    stop_pids 15 "embedded-kafka:$PID_DIR/embedded-kafka.pid"
    rm -f "$KAFKA_BOOTSTRAP_FILE"
}

broker_status() {
    local pid
    if pid="$(pid_from_file "$PID_DIR/embedded-kafka.pid")"; then
        printf '  %-18s running  pid %s  bootstrap %s\n' embedded-kafka "$pid" "$(read_bootstrap_file || echo '?')"
    else
        printf '  %-18s stopped\n' embedded-kafka
    fi
}

# ---------------------------------------------------------------------------
# Services
# ---------------------------------------------------------------------------

# REGISTRY, ASSISTANCE, ELDERCARE, CHILDPROTECTION, SOCIALORG
service_prefix() {
    local name="${1//-/}"
    printf '%s\n' "${name^^}"
}

# registry, assistance, eldercare, childprotection, socialorg
service_db() {
    printf '%s\n' "${1//-/}"
}

port_base() {
    local base="${CIVIL_PORT_BASE:-8081}"
    if ! [[ "$base" =~ ^[0-9]+$ ]] || ((base < 1 || base + ${#CIVIL_SERVICES[@]} > 65536)); then
        die "CIVIL_PORT_BASE must be a port number (got '$base')"
    fi
    printf '%s\n' "$base"
}

service_port() {
    local name="$1" base i
    base="$(port_base)"
    for i in "${!CIVIL_SERVICES[@]}"; do
        if [[ "${CIVIL_SERVICES[$i]}" == "$name" ]]; then
            printf '%s\n' $((base + i))
            return 0
        fi
    done
    die "unknown service $name"
}

# Exports REGISTRY_URL ASSISTANCE_URL ELDERCARE_URL CHILDPROTECTION_URL SOCIALORG_URL.
export_service_urls() {
    local name var
    for name in "${CIVIL_SERVICES[@]}"; do
        var="$(service_prefix "$name")_URL"
        printf -v "$var" 'http://127.0.0.1:%s' "$(service_port "$name")"
        export "${var?}"
    done
}

# 64 hex chars, generated once per .run directory.
ensure_person_ref_key() {
    ensure_run_dirs
    local key=""
    if [[ -f "$PERSON_REF_KEY_FILE" ]]; then
        key="$(tr -d '[:space:]' <"$PERSON_REF_KEY_FILE")"
    fi
    if ! [[ "$key" =~ ^[0-9a-f]{64}$ ]]; then
        key="$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')"
        [[ "$key" =~ ^[0-9a-f]{64}$ ]] || die "could not generate a person-ref key"
        (umask 077 && printf '%s\n' "$key" >"$PERSON_REF_KEY_FILE")
    fi
    CIVIL_PERSON_REF_KEY="$key"
    export CIVIL_PERSON_REF_KEY
}

# wait_ready NAME PID PORT TIMEOUT
wait_ready() {
    local name="$1" pid="$2" port="$3" timeout="$4"
    local url="http://127.0.0.1:$port/health/ready" deadline=$((SECONDS + timeout))
    while ((SECONDS < deadline)); do
        if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then
            return 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            show_log_tail "$LOG_DIR/$name.log" 30
            rm -f "$PID_DIR/$name.pid"
            die "$name exited during startup (see ${LOG_DIR#"$ROOT"/}/$name.log)"
        fi
        sleep 0.5
    done
    show_log_tail "$LOG_DIR/$name.log" 30
    die "$name not ready at $url after ${timeout}s (still running as pid $pid; 'scripts/demo stop' cleans up)"
}

services_start() {
    resolve_bin_dir
    if [[ -z "${CIVIL_KAFKA_BOOTSTRAP:-}" ]]; then
        CIVIL_KAFKA_BOOTSTRAP="$(read_bootstrap_file)" ||
            die "no Kafka bootstrap: run broker_start first (or set CIVIL_KAFKA_BOOTSTRAP)"
    fi
    export CIVIL_KAFKA_BOOTSTRAP
    if [[ -z "${PG_PORT:-}" ]]; then
        PG_PORT="$(head -n 1 "$RUN_DIR/pg.port" 2>/dev/null || true)"
        [[ "$PG_PORT" =~ ^[0-9]+$ ]] || die "PostgreSQL port unknown: run pg_start first"
    fi
    ensure_person_ref_key
    export_service_urls

    local name prefix port bin pid started=0
    # Check every port first so a busy one fails before anything starts.
    for name in "${CIVIL_SERVICES[@]}"; do
        port="$(service_port "$name")"
        if [[ -x "$BIN_DIR/$name" ]] && ! pid_from_file "$PID_DIR/$name.pid" >/dev/null && port_in_use "$port"; then
            die "port $port (for $name) is already in use; free it or set CIVIL_PORT_BASE (currently $(port_base))"
        fi
    done
    for name in "${CIVIL_SERVICES[@]}"; do
        prefix="$(service_prefix "$name")"
        port="$(service_port "$name")"
        bin="$BIN_DIR/$name"
        if [[ ! -x "$bin" ]]; then
            log_warn "skipping $name: $bin does not exist"
            continue
        fi
        if pid="$(pid_from_file "$PID_DIR/$name.pid")"; then
            log_step "$name already running (pid $pid) on port $port"
        else
            if port_in_use "$port"; then
                die "port $port (for $name) is already in use; free it or set CIVIL_PORT_BASE (currently $(port_base))"
            fi
            log_step "Starting $name on http://127.0.0.1:$port"
            pid="$(start_detached "$name" env \
                CIVIL_DB_HOST=127.0.0.1 \
                CIVIL_DB_PORT="$PG_PORT" \
                CIVIL_DB_USER="$CIVIL_DB_ROLE" \
                CIVIL_DB_PASSWORD="$CIVIL_DB_ROLE_PASSWORD" \
                CIVIL_KAFKA_BOOTSTRAP="$CIVIL_KAFKA_BOOTSTRAP" \
                CIVIL_KAFKA_REPLICATION="${CIVIL_KAFKA_REPLICATION:-1}" \
                CIVIL_PERSON_REF_KEY="$CIVIL_PERSON_REF_KEY" \
                "${prefix}_DB_NAME=$(service_db "$name")" \
                "${prefix}_HTTP_PORT=$port" \
                "$bin")"
        fi
        wait_ready "$name" "$pid" "$port" 90
        log_info "$name ready (pid $pid)"
        started=$((started + 1))
    done
    ((started > 0)) || log_warn "no service binaries found in $BIN_DIR"
}

services_stop() {
    log_step "Stopping services"
    local i name entries=()
    for ((i = ${#CIVIL_SERVICES[@]} - 1; i >= 0; i--)); do
        name="${CIVIL_SERVICES[$i]}"
        entries+=("$name:$PID_DIR/$name.pid")
    done
    stop_pids 15 "${entries[@]}"
}

services_status() {
    local name port pid state
    for name in "${CIVIL_SERVICES[@]}"; do
        port="$(service_port "$name")"
        if pid="$(pid_from_file "$PID_DIR/$name.pid")"; then
            if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/health/ready" 2>/dev/null; then
                state="ready"
            else
                state="not ready"
            fi
            printf '  %-18s running  pid %s  http://127.0.0.1:%s  (%s)\n' "$name" "$pid" "$port" "$state"
        else
            printf '  %-18s stopped\n' "$name"
        fi
    done
}

print_endpoints() {
    local name port
    printf '\nServices:\n'
    for name in "${CIVIL_SERVICES[@]}"; do
        port="$(service_port "$name")"
        if pid_from_file "$PID_DIR/$name.pid" >/dev/null; then
            printf '  %-18s http://127.0.0.1:%s/health/ready   http://127.0.0.1:%s/metrics\n' "$name" "$port" "$port"
        else
            printf '  %-18s (not running)\n' "$name"
        fi
    done
    printf '\nKafka bootstrap:    %s\n' "$(read_bootstrap_file || echo '(not running)')"
    printf 'PostgreSQL:         127.0.0.1:%s  user %s password %s\n' \
        "$(head -n 1 "$RUN_DIR/pg.port" 2>/dev/null || echo '?')" "$CIVIL_DB_ROLE" "$CIVIL_DB_ROLE_PASSWORD"
    printf 'Logs:               %s/\n' "$LOG_DIR"
    printf '\nEverything keeps running in the background.\n'
    printf 'Status: scripts/demo status    Stop: scripts/demo stop    Stop and delete data: scripts/demo wipe\n'
}
