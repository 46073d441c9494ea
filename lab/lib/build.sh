# shellcheck shell=bash
# Shared by lab/build-binaries and lab/build-cluster: progress lines, the ERR trap that names the failed
# step, the digest of a Go module's sources, and the cache itself (a binary is built in a temporary
# directory, checked by running it, and only then moved into $BIN_DIR/<name>-<version>/).
# Sourced, not run. The sourcing script sets `set -eEuo pipefail` first; its own name prefixes every line.

SCRIPT_NAME="$(basename "$0")"
CACHE_DIR="${VAULT_TEST_CACHE:-$HOME/.cache/vault-test}"
BIN_DIR="$CACHE_DIR/bin"
# What go build and gcc run under, e.g. (nice -n 19); empty: as they are.
BUILD_PREFIX=()

STEP="start"
STEP_COMMAND=""
STEP_HINT=""
WORK_DIR=""

progress() { printf '[%s] %s\n' "$SCRIPT_NAME" "$*"; }

on_error() {
  local status=$?
  printf '[%s] FAILED in step "%s" (exit %s)\n' "$SCRIPT_NAME" "$STEP" "$status" >&2
  [[ -n "$STEP_COMMAND" ]] && printf '[%s]   command: %s\n' "$SCRIPT_NAME" "$STEP_COMMAND" >&2
  [[ -n "$STEP_HINT" ]] && printf '[%s]   try: %s\n' "$SCRIPT_NAME" "$STEP_HINT" >&2
  exit "$status"
}
cleanup() { [[ -n "$WORK_DIR" && -d "$WORK_DIR" ]] && rm -rf "$WORK_DIR"; return 0; }
trap on_error ERR
trap cleanup EXIT

step() { STEP="$1"; STEP_COMMAND="${2:-}"; STEP_HINT="${3:-}"; }

# A command as one line to show in a failure: arguments holding spaces are single-quoted.
show_command() {
  local arg out=()
  for arg in "$@"; do
    if [[ "$arg" == *[[:space:]]* ]]; then out+=("'$arg'"); else out+=("$arg"); fi
  done
  printf '%s' "${out[*]}"
}

require_go() {
  step "check the Go toolchain" "go env GOVERSION" \
    "install Go 1.25 or newer (this machine kind ships it) and put it on PATH"
  command -v go >/dev/null
  local version
  version="$(go env GOVERSION)"
  progress "Go: $version, module proxy: $(go env GOPROXY)"
  [[ "$version" =~ ^go1\.(2[5-9]|[3-9][0-9]) ]] || { echo "Go $version is older than 1.25" >&2; false; }
}

# The version in versions.env must be the one the Go module requires: one place decides.
# VERSION as versions.env spells it, with or without the "v" the module version carries.
check_pinned() { # MODULE_DIR MODULE_PATH VERSION
  local module_dir="$1" module_path="$2" version="$3"
  local pinned="v${version#v}"
  step "check $module_path is pinned at $version" "grep '$module_path $pinned' $module_dir/go.mod" \
    "make lab/versions.env and $module_dir/go.mod name the same version (go get $module_path@$pinned there)"
  # The whole version: v1.33.5 must not pass for v1.33.50.
  grep -qE "[[:space:]]${module_path//./\\.} ${pinned//./\\.}([[:space:]]|$)" "$module_dir/go.mod"
}

sources_digest() {
  cat "$1/go.mod" "$1/go.sum" | sha256sum | cut -c1-16
}

# The download and compile steps of a Go program, for a COMPILE function of cache_or_build.
go_download() { # NAME VERSION MODULE_DIR TAGS PACKAGE...   (TAGS: "" or the build tags, comma-separated)
  local name="$1" version="$2" module_dir="$3" tags="$4"; shift 4
  local command=(go list -deps)
  [[ -n "$tags" ]] && command+=(-tags "$tags")
  command+=("$@")
  step "download the modules of $name $version" "(cd $module_dir && $(show_command "${command[@]}"))" \
    "check that the Go module proxy is reachable (go env GOPROXY), then run lab/$SCRIPT_NAME again"
  progress "$name $version: downloading the modules it needs"
  (cd "$module_dir" && "${command[@]}" >/dev/null)
}

go_compile() { # NAME VERSION MODULE_DIR COLD CGO OUTPUT PACKAGE [GO_BUILD_FLAG...]
  local name="$1" version="$2" module_dir="$3" cold="$4" cgo="$5" output="$6" package="$7"; shift 7
  local command=("${BUILD_PREFIX[@]}" go build -trimpath "$@" -o "$output" "$package")
  step "compile $name $version" "(cd $module_dir && CGO_ENABLED=$cgo $(show_command "${command[@]}"))" \
    "read the compiler output above; the go build cache needs a few GB free (go env GOCACHE)"
  progress "$name $version: compiling $package (cold: $cold on 2 cores)"
  (cd "$module_dir" && CGO_ENABLED="$cgo" "${command[@]}")
}

# cache_or_build NAME VERSION MODULE_DIR CHECK BINARIES COMPILE [ARG...]
# Keeps $BIN_DIR/NAME-VERSION when every program in BINARIES (names separated by spaces) runs there and passes
# `CHECK PATH`, and its SOURCES file holds the digest of MODULE_DIR's go.mod and go.sum. Otherwise runs
# `COMPILE WORK_DIR ARG...`, which must build every program of BINARIES into WORK_DIR; checks them there, and
# only then replaces the cached directory with WORK_DIR.
cache_or_build() {
  local name="$1" version="$2" module_dir="$3" check="$4" binaries_list="$5" compile="$6"; shift 6
  local binaries
  read -r -a binaries <<<"$binaries_list"
  local target="$BIN_DIR/$name-$version"
  local digest binary cached=yes shown="$target/$name"
  [[ ${#binaries[@]} -eq 1 ]] || shown="$target/{$(IFS=,; printf '%s' "${binaries[*]}")}"
  digest="$(sources_digest "$module_dir")"
  if [[ -f "$target/SOURCES" && "$(cat "$target/SOURCES")" == "$digest" ]]; then
    for binary in "${binaries[@]}"; do
      step "check the cached $name $version" "$check $target/$binary"
      if ! [[ -x "$target/$binary" ]] || ! "$check" "$target/$binary"; then
        cached=no
        break
      fi
    done
  else
    cached=no
  fi
  if [[ "$cached" == yes ]]; then
    progress "$name $version: cached at $shown"
    return 0
  fi
  mkdir -p "$BIN_DIR"
  WORK_DIR="$(mktemp -d "$BIN_DIR/.build-$name.XXXXXX")"
  local started=$SECONDS
  "$compile" "$WORK_DIR" "$@"
  for binary in "${binaries[@]}"; do
    step "run the new $binary binary" "$check $WORK_DIR/$binary" \
      "the binary built but does not report version $version; check lab/versions.env against lab/${module_dir#"$LAB_DIR"/}/go.mod"
    "$check" "$WORK_DIR/$binary"
  done
  echo "$digest" > "$WORK_DIR/SOURCES"
  step "move $name into the cache" "mv $WORK_DIR $target"
  rm -rf "$target"
  mv "$WORK_DIR" "$target"
  WORK_DIR=""
  progress "$name $version: built in $((SECONDS - started)) s -> $shown"
}
