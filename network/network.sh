#!/usr/bin/env bash
# SerialTrust's Hyperledger Fabric network as native processes on this machine (no Docker):
# one orderer, a peer each for brand, retail and police, and each organisation's chaincode server.
#
#   network.sh up        install Fabric (once), create or resume the network, deploy the chaincode
#   network.sh down      stop every process this script started
#   network.sh status    each process, its health, and the channel height
#   network.sh clean     stop, then remove all network state
#   network.sh env ORG   export lines that make Fabric's peer CLI act as ORG's admin
#                        (ORG: brand, retail, police, authority, service)
#   network.sh kill NAME a fault drill: SIGKILL one process (see status); up restarts it
#
# With ST_NETNS=1 each organisation's nodes run in a network namespace of their own, as on separate
# hosts (lib/namespaces.sh; needs root). Give such a network its own ST_NETWORK_STATE.
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/binaries.sh
source "${NETWORK_DIR}/lib/binaries.sh"
# shellcheck source=lib/processes.sh
source "${NETWORK_DIR}/lib/processes.sh"
# shellcheck source=lib/ledger.sh
source "${NETWORK_DIR}/lib/ledger.sh"
# shellcheck source=lib/namespaces.sh
source "${NETWORK_DIR}/lib/namespaces.sh"

if [[ -n "${NETNS}" && "$(ip netns identify 2>/dev/null)" != st-admin && "${1:-}" =~ ^(up|down|status|clean|kill|env)$ ]]; then
  netns_enter "${BASH_SOURCE[0]}" "$@"
fi

PROCESSES=(orderer peer-brand peer-retail peer-police chaincode-brand chaincode-retail chaincode-police)

all_running() {
  local name
  for name in "${PROCESSES[@]}"; do is_running "${name}" || return 1; done
}

# every port of every process that is not running yet must be free before anything starts
preflight_ports() {
  is_running orderer || require_free_ports orderer "${ORDERER_PORT}" "${ORDERER_ADMIN_PORT}" "${ORDERER_OPS_PORT}"
  local org
  for org in "${PEER_ORGS[@]}"; do
    is_running "peer-${org}" \
      || require_free_ports "peer-${org}" "$(peer_port "${org}")" "$(peer_cc_port "${org}")" "$(peer_ops_port "${org}")"
    is_running "chaincode-${org}" || require_free_ports "chaincode-${org}" "$(ccserver_port "${org}")"
  done
}

cmd_up() {
  local started=${SECONDS}
  if all_running; then
    say "the network is already up; nothing to do ('status' shows its health)"
    return 0
  fi
  mkdir -p "${STATE_DIR}" "${LOG_DIR}"
  command -v curl >/dev/null 2>&1 || die "curl is missing: it checks each process's /healthz"
  command -v java >/dev/null 2>&1 || die "java is missing: the chaincode servers are Java"
  if [[ -d "${DONE_DIR}" ]]; then
    # a network made before its peers and chaincode servers used mutual TLS cannot take the new
    # chaincode packages without an upgrade of the definition: say so rather than fail later
    [[ "$(cat "${STATE_DIR}/format" 2>/dev/null)" == "${STATE_FORMAT}" ]] \
      || die "the network in ${STATE_DIR} predates mutual TLS between peers and chaincode servers: run 'network.sh clean', then 'up'"
    say "resuming the network in ${STATE_DIR}"
  else
    echo "${STATE_FORMAT}" >"${STATE_DIR}/format"
  fi
  preflight_ports
  install_binaries
  render_config
  generate_crypto
  genesis_block
  orderer_start
  orderer_join
  local org
  for org in "${PEER_ORGS[@]}"; do peer_start "${org}"; done
  for org in "${PEER_ORGS[@]}"; do peer_join "${org}"; done
  for org in "${PEER_ORGS[@]}"; do chaincode_install "${org}"; done
  if ! is_running chaincode-brand || ! is_running chaincode-retail || ! is_running chaincode-police; then
    chaincode_jar
  fi
  for org in "${PEER_ORGS[@]}"; do ccserver_start "${org}"; done
  for org in "${PEER_ORGS[@]}"; do chaincode_approve "${org}"; done
  chaincode_commit
  wait_until chaincode-brand 60 smoke_query
  wait_until peer-brand 90 gossip_converged
  write_api_properties
  say "up in $((SECONDS - started))s: channel '${CHANNEL}', chaincode '${CC_NAME}', height $(channel_height)"
  say "try: eval \"\$(network/network.sh env brand)\" && peer chaincode query -C \$ST_CHANNEL -n \$ST_CC -c '{\"Args\":[\"org.hyperledger.fabric:GetMetadata\"]}'"
}

cmd_down() {
  local i any=0
  for ((i = ${#PROCESSES[@]} - 1; i >= 0; i--)); do
    if is_running "${PROCESSES[i]}"; then any=1; stop_process "${PROCESSES[i]}"; fi
  done
  ((any)) || say "no network process is running"
}

cmd_status() {
  local name health
  printf '%-18s %-8s %-8s %s\n' PROCESS STATE PID HEALTH
  for name in "${PROCESSES[@]}"; do
    if ! is_running "${name}"; then
      if [[ -f "${PID_DIR}/${name}.pid" ]]; then
        printf '%-18s %-8s %-8s %s\n' "${name}" died "-" "read ${LOG_DIR}/${name}.log"
      else
        printf '%-18s %-8s %-8s %s\n' "${name}" stopped "-" "-"
      fi
      continue
    fi
    if [[ "${name}" != chaincode-* ]]; then
      health="$(ops_get "${name}" /healthz 2>/dev/null || echo unreachable)"
    elif port_in_use "${name}" "$(ccserver_port "${name#chaincode-}")"; then
      health="listening on $(node_host "${name}"):$(ccserver_port "${name#chaincode-}")"
    else
      health="not listening"
    fi
    printf '%-18s %-8s %-8s %s\n' "${name}" running "$(pid_of "${name}")" "${health}"
  done
  if binaries_present; then
    echo "binaries: $(fabric_build_of peer) ($(fabric_go_of peer)), as go version -m reads them"
  fi
  if is_running peer-brand; then
    echo "channel ${CHANNEL}: height $(channel_height || echo '?')"
  fi
}

# a fault drill: SIGKILL one process, as a crash would; 'up' restarts it on the same ledger
cmd_kill() {
  local name="${1:-}"
  [[ " ${PROCESSES[*]} " == *" ${name} "* ]] || die "usage: network.sh kill PROCESS (one of: ${PROCESSES[*]})"
  is_running "${name}" || die "${name} is not running"
  local pid; pid="$(pid_of "${name}")"
  kill -KILL -- "-${pid}" 2>/dev/null || kill -KILL "${pid}"
  local i
  for i in $(seq 1 50); do is_running "${name}" || break; sleep 0.1; done
  say "killed ${name} (SIGKILL, pid ${pid}); 'up' restarts it"
}

cmd_clean() {
  cmd_down
  rm -rf "${STATE_DIR}"
  say "removed ${STATE_DIR} (Fabric's binaries stay cached in ${FABRIC_HOME})"
}

cmd_env() {
  local org="${1:-}"
  [[ -n "${org}" ]] || die "usage: network.sh env ORG (one of: ${ALL_ORGS[*]})"
  msp_of "${org}" >/dev/null
  [[ -d "${CRYPTO_DIR}" ]] || die "no network here yet; run 'network.sh up' first"
  peer_cli_env "${org}"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  clean) cmd_clean ;;
  kill) shift; cmd_kill "$@" ;;
  env) shift; cmd_env "$@" ;;
  *) sed -n '2,12s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 2 ;;
esac
