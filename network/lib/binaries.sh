# Step: Fabric's binaries, built once from the pinned release commit with the Go toolchain.
# shellcheck shell=bash

FABRIC_TOOLS=(peer orderer configtxgen configtxlator osnadmin cryptogen)

binaries_present() {
  [[ -f "${FABRIC_HOME}/.module-version" && "$(cat "${FABRIC_HOME}/.module-version")" == "${FABRIC_MODULE_VERSION}" ]] || return 1
  local tool
  for tool in "${FABRIC_TOOLS[@]}"; do [[ -x "${FABRIC_BIN}/${tool}" ]] || return 1; done
  [[ -f "${FABRIC_HOME}/sampleconfig/core.yaml" ]]
}

require_go() {
  command -v go >/dev/null 2>&1 \
    || die "Go is missing: Fabric's binaries are built from source; install Go ${GO_MIN} or newer and run 'up' again"
  local have
  have="$(go env GOVERSION | sed 's/^go//')"
  [[ "$(printf '%s\n%s\n' "${GO_MIN}" "${have}" | sort -V | head -n1)" == "${GO_MIN}" ]] \
    || die "Go ${have} is too old to build Fabric ${FABRIC_RELEASE}; install Go ${GO_MIN} or newer"
}

install_binaries() {
  if binaries_present; then
    say "Fabric ${FABRIC_RELEASE} binaries: cached"
    return
  fi
  require_go
  mkdir -p "${FABRIC_HOME%/*}" "${LOG_DIR}"
  say "Fabric ${FABRIC_RELEASE} binaries: building ${FABRIC_TOOLS[*]} (a few minutes, once)"
  local module="github.com/hyperledger/fabric" src staging tool
  src="$(GOFLAGS=-mod=mod go mod download -json "${module}@${FABRIC_MODULE_VERSION}" 2>>"${LOG_DIR}/fabric-build.log" \
    | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' || true)"
  [[ -n "${src}" && -d "${src}" ]] \
    || die "could not download ${module}@${FABRIC_MODULE_VERSION} from the Go module proxy; see ${LOG_DIR}/fabric-build.log"
  staging="$(mktemp -d "${FABRIC_HOME%/*}/.build.XXXXXX")"
  # A module of our own that requires Fabric at the pinned version and names its commands: Go resolves
  # exactly the dependencies of that release (its go.mod, checked against the checksum database) and
  # records Fabric's version and checksum in each binary, where `go version -m` reads them. No ldflags:
  # no version string is written in by hand. (`go install module/cmd@version` would do the same, but it
  # asks the proxy for the module's version list, which the proxy here refuses.)
  mkdir -p "${staging}/src"
  printf 'module serialtrust.local/fabric-build\n\ngo 1.22\n\nrequire %s %s\n' "${module}" "${FABRIC_MODULE_VERSION}" \
    >"${staging}/src/go.mod"
  {
    printf '//go:build tools\n\n// Package tools names the Fabric commands this network runs.\npackage tools\n\nimport (\n'
    for tool in "${FABRIC_TOOLS[@]}"; do printf '\t_ "%s/cmd/%s"\n' "${module}" "${tool}"; done
    printf ')\n'
  } >"${staging}/src/tools.go"
  local packages=()
  for tool in "${FABRIC_TOOLS[@]}"; do packages+=("${module}/cmd/${tool}"); done
  run_logged fabric-build bash -c "cd '${staging}/src' && go mod tidy && go build -trimpath -o '${staging}/bin/' ${packages[*]}"
  cp -R "${src}/sampleconfig" "${staging}/sampleconfig"
  chmod -R u+w "${staging}"
  echo "${FABRIC_MODULE_VERSION}" >"${staging}/.module-version"
  rm -rf "${FABRIC_HOME}"
  mv "${staging}" "${FABRIC_HOME}"
  say "Fabric ${FABRIC_RELEASE} binaries: $(fabric_build_of peer) in ${FABRIC_HOME}"
}

# fabric_build_of TOOL: the module and version a binary was built from, as `go version -m` reads them
fabric_build_of() {
  go version -m "${FABRIC_BIN}/$1" 2>/dev/null | awk '$1 == "mod" && $2 == "github.com/hyperledger/fabric" { print $2 "@" $3 }'
}

# fabric_go_of TOOL: the Go toolchain a binary was built with
fabric_go_of() {
  go version "${FABRIC_BIN}/$1" 2>/dev/null | awk '{ print $2 }'
}
