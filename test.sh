#!/usr/bin/env bash
# Herald's test command: installs what the test suite needs when it is missing, then runs every test
# (`mvn -B verify`; arguments go to Maven, e.g. `./test.sh -o`). Besides a JDK 17 and Maven, the docs'
# examples test needs curl, and the end-to-end suite:
#   - the Temporal CLI v1.5.1 (go install; its go.mod needs Go >= 1.25, so an older Go gets a Go
#     toolchain from the Go module proxy that `go env GOPROXY` names first),
#   - promtool, Prometheus's rule checker (go install, the same way; it checks ops/prometheus/alerts.yml),
#   - Chromium, a Korean font, Node.js >= 20, playwright-core and axe-core (the console's browser tests, the
#     Temporal UI check),
#   - Schemathesis, the schema-based fuzzer of the API (SchemaFuzzIT), in a Python venv.
# As root, missing commands come from Debian packages; as another user they are named and the script
# stops. The rest goes into HERALD_CACHE (default ~/.cache/herald) once and is reused. .ci/run is
# this command, run by CI. docs/testing.md says more.
set -euo pipefail
cd "$(dirname "$0")"
cache=${HERALD_CACHE:-$HOME/.cache/herald}
temporal_cli=v1.5.1          # later tags carry a replace directive that `go install` refuses
go_needed=1.25.0             # the `go` line of the CLI's go.mod
go_toolchain=go1.25.0        # the toolchain an older Go runs the install with
promtool=v0.316.0            # the Prometheus module's promtool; earlier tags carry replace or exclude directives that `go install` refuses
promtool_go=1.26.7           # the `go` line of that module's go.mod
playwright=1.65.1
axe=4.14.1                   # axe-core, the accessibility check the console's browser tests run in each page
node20=20.20.2               # from the npm registry when the installed Node is older (playwright needs 20)
schemathesis=4.32.5          # from the package index pip is configured with, into a venv in the cache
mkdir -p "$cache"

fail() { echo "test.sh: $*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }
version_at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" = "$2" ]; }
go_version() { "$1" env GOVERSION | sed 's/^go//'; }

# As root, zonky's embedded PostgreSQL (which refuses root) runs in a user namespace as nobody; say so
# plainly where there is none (a chroot, a container without user namespaces), before installing
# anything, instead of 80 failed tests.
if [ "$(id -u)" = 0 ] && ! unshare -U true 2>/dev/null; then
  fail "running as root without user namespaces: embedded PostgreSQL cannot start; run ./test.sh as a normal user"
fi

# The Temporal CLI where the run command looks for it (PATH, then Go's bin folders), else in this cache.
find_temporal() {
  local gopath entries entry
  if have temporal; then command -v temporal; return; fi
  if have go; then gopath=$(go env GOPATH); else gopath=${GOPATH:-$HOME/go}; fi
  IFS=: read -r -a entries <<< "$gopath"
  for entry in "${entries[@]}"; do
    if [ -x "$entry/bin/temporal" ]; then echo "$entry/bin/temporal"; return; fi
  done
  if [ -x "$cache/bin/temporal" ]; then echo "$cache/bin/temporal"; fi
}
chromium_found() {
  local candidate
  for candidate in "${CHROMIUM:-/usr/bin/chromium}" /usr/bin/chromium-browser; do
    [ -x "$candidate" ] && return 0
  done
  return 1
}

temporal_bin=$(find_temporal || true)
# HERALD_PROMTOOL set by the caller is used as it is
promtool_bin=${HERALD_PROMTOOL:-$cache/promtool-$promtool/promtool}
packages=()
# command:Debian package, for each command that is missing
needed=(javac:openjdk-17-jdk-headless mvn:maven curl:curl node:nodejs npm:npm)
if [ -z "$temporal_bin" ] || [ ! -x "$promtool_bin" ]; then needed+=(go:golang-go unzip:unzip); fi
# HERALD_SCHEMATHESIS set by the caller is used as it is
fuzzer=${HERALD_SCHEMATHESIS:-$cache/schemathesis-$schemathesis/bin/schemathesis}
[ -x "$fuzzer" ] || needed+=(python3:python3)
for tool in "${needed[@]}"; do
  have "${tool%%:*}" || packages+=("${tool#*:}")
done
# Debian's python3 makes venvs only with python3-venv (ensurepip)
if [ ! -x "$fuzzer" ] && have python3 && ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
  packages+=(python3-venv)
fi
chromium_found || packages+=(chromium)
# a Korean font, so the console's browser tests see Korean text as glyphs, not boxes
if ! { have fc-list && [ -n "$(fc-list :lang=ko 2>/dev/null)" ]; }; then packages+=(fonts-nanum fontconfig); fi
if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] || ! have apt-get; then
    fail "missing: ${packages[*]} (Debian packages); install them (apt-get install -y ${packages[*]}) or run ./test.sh as root"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${packages[@]}"
fi

# The first entry of GOPROXY: the Go toolchain is a module only a proxy serves.
go_proxy() {
  local first
  first=$("$1" env GOPROXY)
  first=${first%%[,|]*}
  case $first in
    "" | direct | off)
      fail "GOPROXY's first entry is '${first:-empty}': the Go toolchain $go_toolchain comes from a Go module proxy; set GOPROXY to one, or install Go >= 1.21" ;;
  esac
  echo "${first%/}"
}

# `go install <package@version>` into <dir>, by a Go at least <version> (its go.mod's `go` line).
go_install() {
  local needed=$1 gobin=$2 package=$3 go_bin goroot proxy module toolchain=auto
  go_bin=$(command -v go)
  if ! version_at_least "$(go_version "$go_bin")" 1.21; then
    # Go before 1.21 cannot switch toolchains itself: unpack the toolchain module from the proxy once.
    goroot=$cache/$go_toolchain
    if [ ! -x "$goroot/bin/go" ]; then
      proxy=$(go_proxy "$go_bin")
      module=golang.org/toolchain@v0.0.1-$go_toolchain.linux-$("$go_bin" env GOARCH)
      rm -rf "$goroot.tmp" && mkdir -p "$goroot.tmp"
      curl -fsSL -o "$goroot.tmp/toolchain.zip" "$proxy/${module%@*}/@v/${module#*@}.zip"
      unzip -q "$goroot.tmp/toolchain.zip" -d "$goroot.tmp"
      mv "$goroot.tmp/$module" "$goroot"
      rm -rf "$goroot.tmp"
      chmod +x "$goroot"/bin/* "$goroot"/pkg/tool/*/*
    fi
    go_bin=$goroot/bin/go
  fi
  version_at_least "$(go_version "$go_bin")" "$needed" || toolchain=go$needed
  GOBIN=$gobin GOTOOLCHAIN=$toolchain "$go_bin" install "$package"
}

if [ -z "$temporal_bin" ]; then
  echo "test.sh: installing the Temporal CLI $temporal_cli into $cache/bin (once) ..."
  go_install "$go_needed" "$cache/bin" "github.com/temporalio/cli/cmd/temporal@$temporal_cli"
  temporal_bin=$cache/bin/temporal
fi
if [ ! -x "$promtool_bin" ]; then
  echo "test.sh: installing promtool $promtool into $cache/promtool-$promtool (once; a few minutes) ..."
  go_install "$promtool_go" "$cache/promtool-$promtool" "github.com/prometheus/prometheus/cmd/promtool@$promtool"
fi
HERALD_PROMTOOL=$promtool_bin
PATH=$(dirname "$temporal_bin"):$PATH

# playwright-core needs Node >= 20 and Debian 12's nodejs is 18: then Node 20 comes from the npm
# registry (node-linux-<arch>, the binary the `node` package installs), first on PATH for the tests.
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  node_package=node-linux-$(node -p process.arch)
  node_bin=$cache/node$node20/node_modules/$node_package/bin
  if [ ! -x "$node_bin/node" ]; then
    npm install --no-audit --no-fund --prefix "$cache/node$node20" "$node_package@$node20"
  fi
  PATH=$node_bin:$PATH
fi

# HERALD_PLAYWRIGHT_DIR and HERALD_AXE (axe.min.js) set by the caller are used as they are.
if [ -z "${HERALD_PLAYWRIGHT_DIR:-}" ]; then
  HERALD_PLAYWRIGHT_DIR=$cache/playwright/node_modules/playwright-core
  if [ ! -f "$HERALD_PLAYWRIGHT_DIR/package.json" ]; then
    npm install --no-audit --no-fund --prefix "$cache/playwright" "playwright-core@$playwright"
  fi
fi
if [ -z "${HERALD_AXE:-}" ]; then
  HERALD_AXE=$cache/axe-$axe/node_modules/axe-core/axe.min.js
  if [ ! -f "$HERALD_AXE" ]; then
    npm install --no-audit --no-fund --prefix "$cache/axe-$axe" "axe-core@$axe"
  fi
fi

# Schemathesis in its own venv, pinned, from the index pip is configured with.
if [ ! -x "$fuzzer" ]; then
  echo "test.sh: installing Schemathesis $schemathesis into $cache (once) ..."
  rm -rf "$cache/schemathesis-$schemathesis"
  python3 -m venv "$cache/schemathesis-$schemathesis"
  "$cache/schemathesis-$schemathesis/bin/pip" install -q "schemathesis==$schemathesis"
fi
HERALD_SCHEMATHESIS=$fuzzer

export PATH HERALD_PLAYWRIGHT_DIR HERALD_AXE HERALD_SCHEMATHESIS HERALD_PROMTOOL
exec mvn -B verify "$@"
