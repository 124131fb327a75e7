# Shared settings and helpers for network.sh. Sourced, never run.
# shellcheck shell=bash

NETWORK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_DIR="$(cd "${NETWORK_DIR}/.." && pwd)"
STATE_DIR="${ST_NETWORK_STATE:-${NETWORK_DIR}/.state}"
LOG_DIR="${STATE_DIR}/logs"
PID_DIR="${STATE_DIR}/pids"
DONE_DIR="${STATE_DIR}/done"
CRYPTO_DIR="${STATE_DIR}/crypto"
# the layout of the state: 2 since peers and their chaincode servers use mutual TLS
STATE_FORMAT=2
CFG_DIR="${STATE_DIR}/config"

# Fabric v2.5.9 (the LTS line): the pseudo-version of its release commit 7c3876255bf0 on release-2.5,
# which the Go module proxy serves here (the module path has no major-version suffix, so a release can
# only be named by its pseudo-version). FABRIC_RELEASE only names the cache folder and the messages;
# no version string is written into the binaries: `status` shows what `go version -m` reads from them.
FABRIC_RELEASE="${ST_FABRIC_RELEASE:-2.5.9}"
FABRIC_MODULE_VERSION="${ST_FABRIC_MODULE_VERSION:-v1.4.0-rc1.0.20240618194258-7c3876255bf0}"
FABRIC_HOME="${ST_FABRIC_HOME:-${XDG_CACHE_HOME:-${HOME}/.cache}/serialtrust/fabric-${FABRIC_RELEASE}}"
FABRIC_BIN="${FABRIC_HOME}/bin"
GO_MIN="1.22"

CHANNEL="${ST_CHANNEL:-serialtrust}"
CC_NAME="${ST_CC:-serialtrust}"
CC_LABEL="${CC_NAME}_1.0"
CC_SEQUENCE=1
# Any two of the three peer organisations; none alone.
CC_POLICY="OutOf(2,'BrandMSP.peer','RetailMSP.peer','PoliceMSP.peer')"
AUTHORITY_MSP="AuthorityMSP"
DOMAIN="serialtrust.test"
HOST="127.0.0.1"
# With ST_NETNS set, each organisation's nodes run in a Linux network namespace of their own, as on
# hosts of their own (lib/namespaces.sh): they listen on their namespace's address, reach each other by
# name (peer0.brand.serialtrust.test), and their loopback is down, so that nothing relies on it.
NETNS="${ST_NETNS:-}"
PORT_OFFSET="${ST_PORT_OFFSET:-0}"

PEER_ORGS=(brand retail police)
ALL_ORGS=(brand retail police authority service)

port() { echo $(($1 + PORT_OFFSET)); }
ORDERER_PORT=$(port 7050)
ORDERER_ADMIN_PORT=$(port 7053)
ORDERER_OPS_PORT=$(port 9443)

# org -> MSP id, and per-peer ports: listen, chaincode listen, chaincode server, operations
msp_of() {
  case "$1" in
    brand) echo BrandMSP ;; retail) echo RetailMSP ;; police) echo PoliceMSP ;; authority) echo AuthorityMSP ;;
    service) echo ServiceMSP ;;
    orderer) echo OrdererMSP ;;
    *) die "unknown organisation '$1' (one of: ${ALL_ORGS[*]})" ;;
  esac
}
org_index() { case "$1" in brand) echo 7 ;; retail) echo 8 ;; police) echo 9 ;; *) die "'$1' runs no peer" ;; esac; }
peer_port() { port $(($(org_index "$1") * 1000 + 51)); }
peer_cc_port() { port $(($(org_index "$1") * 1000 + 52)); }
ccserver_port() { port $(($(org_index "$1") * 1000 + 55)); }
peer_ops_port() { port $((9444 + $(org_index "$1") - 7)); }
peer_pprof_port() { port $((6060 + $(org_index "$1") - 7)); }
org_domain() { echo "$1.${DOMAIN}"; }
peer_host() { echo "peer0.$(org_domain "$1")"; }
peer_dir() { echo "${CRYPTO_DIR}/peerOrganizations/$(org_domain "$1")/peers/$(peer_host "$1")"; }
# node_host NODE: the name every other node and client reaches NODE (orderer, peer-ORG, chaincode-ORG) by
node_host() {
  [[ -z "${NETNS}" ]] && { echo "${HOST}"; return; }
  case "$1" in
    orderer) echo "orderer.${DOMAIN}" ;;
    peer-*) peer_host "${1#peer-}" ;;
    chaincode-*) echo "chaincode.$(org_domain "${1#chaincode-}")" ;;
    *) die "unknown node '$1'" ;;
  esac
}
# node_listen NODE: the address NODE listens on
node_listen() {
  if [[ -z "${NETNS}" ]]; then echo "${HOST}"; else ns_address "$(ns_of "$1")"; fi
}
# A PEM file as one JSON string value: each line ended by a \n escape.
pem_json() { awk '{printf "%s\\n", $0}' "$1"; }
admin_msp() { echo "${CRYPTO_DIR}/peerOrganizations/$(org_domain "$1")/users/Admin@$(org_domain "$1")/msp"; }
ORDERER_DIR_ORG="${CRYPTO_DIR}/ordererOrganizations/${DOMAIN}"
ORDERER_NODE="${ORDERER_DIR_ORG}/orderers/orderer.${DOMAIN}"
ORDERER_CA="${ORDERER_NODE}/tls/ca.crt"

# Operations endpoints (orderer, peer-ORG) are HTTPS with the node's own TLS certificate: /healthz for
# anyone who trusts its CA; /metrics and /logspec only with a client certificate of that CA (an admin's).
ops_port() { case "$1" in orderer) echo "${ORDERER_OPS_PORT}" ;; peer-*) peer_ops_port "${1#peer-}" ;; esac; }
ops_ca() { case "$1" in orderer) echo "${ORDERER_CA}" ;; peer-*) echo "$(peer_dir "${1#peer-}")/tls/ca.crt" ;; esac; }
ops_admin_tls() {
  case "$1" in
    orderer) echo "${ORDERER_DIR_ORG}/users/Admin@${DOMAIN}/tls" ;;
    peer-*) echo "$(dirname "$(admin_msp "${1#peer-}")")/tls" ;;
  esac
}
# ops_get PROCESS PATH [admin]: the body of an operations endpoint, as an admin when asked
ops_get() {
  local client=()
  [[ "${3:-}" == admin ]] && client=(--cert "$(ops_admin_tls "$1")/client.crt" --key "$(ops_admin_tls "$1")/client.key")
  curl -fsS --max-time 2 --cacert "$(ops_ca "$1")" "${client[@]}" "https://$(node_host "$1"):$(ops_port "$1")$2"
}

if [[ -t 1 ]]; then BOLD=$'\e[1m'; RED=$'\e[31m'; RESET=$'\e[0m'; else BOLD=""; RED=""; RESET=""; fi
say() { echo "${BOLD}network:${RESET} $*"; }
die() { echo "${RED}network: error:${RESET} $*" >&2; exit 1; }

# run a step quietly; on failure, say which step failed and show the end of its output
run_logged() {
  local name="$1"; shift
  local log="${LOG_DIR}/${name}.log"
  mkdir -p "${LOG_DIR}"
  if ! "$@" >"${log}" 2>&1; then
    tail -n 15 "${log}" >&2
    die "${name} failed; full output in ${log}"
  fi
}

done_mark() { mkdir -p "${DONE_DIR}"; touch "${DONE_DIR}/$1"; }
is_done() { [[ -f "${DONE_DIR}/$1" ]]; }

# The peer whose gateway an organisation uses: its own, or, for those that run none, another's.
gateway_org() { case "$1" in authority) echo brand ;; service) echo retail ;; *) echo "$1" ;; esac; }

# Environment for Fabric's peer CLI acting as ORG's admin (through another's peer if it runs none).
peer_cli_env() {
  local org="$1" via
  via="$(gateway_org "${org}")"
  echo "export PATH=\"${FABRIC_BIN}:\${PATH}\""
  echo "export FABRIC_CFG_PATH=\"${CFG_DIR}\""
  echo "export CORE_PEER_TLS_ENABLED=true"
  echo "export CORE_PEER_LOCALMSPID=$(msp_of "${org}")"
  echo "export CORE_PEER_MSPCONFIGPATH=\"$(admin_msp "${org}")\""
  echo "export CORE_PEER_TLS_ROOTCERT_FILE=\"$(peer_dir "${via}")/tls/ca.crt\""
  echo "export CORE_PEER_ADDRESS=$(node_host "peer-${via}"):$(peer_port "${via}")"
  echo "export ORDERER_ADDRESS=$(node_host orderer):${ORDERER_PORT}"
  echo "export ORDERER_CA=\"${ORDERER_CA}\""
  echo "export ST_CHANNEL=${CHANNEL}"
  echo "export ST_CC=${CC_NAME}"
}

as_org() { eval "$(peer_cli_env "$1")"; }
