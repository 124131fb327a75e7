#!/usr/bin/env bash
# Kustomize, pinned and built once from the Go module proxy (as network/ builds Fabric), then run:
#   deploy/kustomize.sh build deploy/overlays/fabric-member
set -euo pipefail
KUSTOMIZE_VERSION="${ST_KUSTOMIZE_VERSION:-v5.8.1}"
KUSTOMIZE_HOME="${ST_KUSTOMIZE_HOME:-${XDG_CACHE_HOME:-${HOME}/.cache}/serialtrust/kustomize-${KUSTOMIZE_VERSION}}"
bin="${KUSTOMIZE_HOME}/bin/kustomize"
if [[ ! -x "${bin}" ]]; then
  command -v go >/dev/null 2>&1 || { echo "kustomize.sh: Go is missing: it builds Kustomize ${KUSTOMIZE_VERSION}" >&2; exit 1; }
  echo "kustomize.sh: building Kustomize ${KUSTOMIZE_VERSION} (once)" >&2
  mkdir -p "${KUSTOMIZE_HOME}/bin"
  GOBIN="${KUSTOMIZE_HOME}/bin" GOTOOLCHAIN=local go install "sigs.k8s.io/kustomize/kustomize/v5@${KUSTOMIZE_VERSION}" >&2
fi
exec "${bin}" "$@"
