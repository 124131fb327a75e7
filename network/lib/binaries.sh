# Step: Fabric's binaries, built once from the pinned release commit with the Go toolchain.
# shellcheck shell=bash

FABRIC_TOOLS=(peer orderer configtxgen osnadmin cryptogen)

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
  say "Fabric ${FABRIC_RELEASE} binaries: building peer, orderer, configtxgen, osnadmin, cryptogen (a few minutes, once)"
  local module="github.com/hyperledger/fabric" src staging
  src="$(GOFLAGS=-mod=mod go mod download -json "${module}@${FABRIC_MODULE_VERSION}" 2>>"${LOG_DIR}/fabric-build.log" \
    | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [[ -n "${src}" && -d "${src}" ]] \
    || die "could not download ${module}@${FABRIC_MODULE_VERSION} from the Go module proxy; see ${LOG_DIR}/fabric-build.log"
  staging="$(mktemp -d "${FABRIC_HOME%/*}/.build.XXXXXX")"
  local ldflags="-X ${module}/common/metadata.Version=${FABRIC_RELEASE} -X ${module}/common/metadata.CommitSHA=${FABRIC_MODULE_VERSION##*-}"
  # the module cache is read-only; the build writes only to the staging folder and Go's own caches
  run_logged fabric-build bash -c "cd '${src}' && GOFLAGS=-mod=mod go build -trimpath -ldflags '${ldflags}' \
    -o '${staging}/bin/' ./cmd/peer ./cmd/orderer ./cmd/configtxgen ./cmd/osnadmin ./cmd/cryptogen"
  cp -R "${src}/sampleconfig" "${staging}/sampleconfig"
  chmod -R u+w "${staging}"
  echo "${FABRIC_MODULE_VERSION}" >"${staging}/.module-version"
  rm -rf "${FABRIC_HOME}"
  mv "${staging}" "${FABRIC_HOME}"
  say "Fabric ${FABRIC_RELEASE} binaries: $("${FABRIC_BIN}/peer" version | sed -n 's/^ Version: //p') in ${FABRIC_HOME}"
}
