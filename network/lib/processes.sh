# Process control: each process runs in its own session, with a PID file and one log.
# shellcheck shell=bash

pid_of() { [[ -f "${PID_DIR}/$1.pid" ]] && cat "${PID_DIR}/$1.pid"; }

# running only if the PID file names a live process that is still the one we started
is_running() {
  local pid; pid="$(pid_of "$1")" || return 1
  [[ -n "${pid}" && -r "/proc/${pid}/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/${pid}/cmdline" | grep -qF "$(cat "${PID_DIR}/$1.cmd")"
}

# port_in_use NODE PORT: whether something answers on NODE's address at PORT
port_in_use() { (exec 3<>"/dev/tcp/$(node_host "$1")/$2") 2>/dev/null; }

require_free_ports() {
  local name="$1"; shift
  local p
  for p in "$@"; do
    port_in_use "${name}" "${p}" && die "port ${p} (for ${name}) is in use by another process; stop it, or move all ports with ST_PORT_OFFSET=N"
  done
  return 0
}

# start_process NAME MATCH -- ENV... -- COMMAND...
start_process() {
  local name="$1" match="$2"; shift 3
  local envs=()
  while [[ "$1" != "--" ]]; do envs+=("$1"); shift; done
  shift
  mkdir -p "${PID_DIR}" "${LOG_DIR}"
  echo "${match}" >"${PID_DIR}/${name}.cmd"
  echo "---- $(date -u +%FT%TZ) start" >>"${LOG_DIR}/${name}.log"
  local ns=()
  [[ -n "${NETNS}" ]] && ns=(ip netns exec "$(ns_of "${name}")")
  "${ns[@]}" setsid env "${envs[@]}" "$@" >>"${LOG_DIR}/${name}.log" 2>&1 </dev/null &
  echo $! >"${PID_DIR}/${name}.pid"
}

# wait_until NAME SECONDS CHECK...: the check must pass before the deadline, and the process must not die
wait_until() {
  local name="$1" seconds="$2"; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    # /proc/PID/cmdline can read empty while setsid and env exec into the process: look twice
    is_running "${name}" || { sleep 0.5; is_running "${name}"; } \
      || { tail -n 8 "${LOG_DIR}/${name}.log" >&2; die "${name} died while starting; read ${LOG_DIR}/${name}.log"; }
    ((SECONDS < deadline)) || die "${name} did not become healthy within ${seconds}s; read ${LOG_DIR}/${name}.log"
    sleep 0.3
  done
}

healthy() { ops_get "$1" /healthz | grep -q '"status":"OK"'; }

stop_process() {
  local name="$1" pid
  if ! is_running "${name}"; then rm -f "${PID_DIR}/${name}.pid"; return 0; fi
  pid="$(pid_of "${name}")"
  kill -TERM -- "-${pid}" 2>/dev/null || kill -TERM "${pid}" 2>/dev/null || true
  local i
  for i in $(seq 1 50); do is_running "${name}" || break; sleep 0.2; done
  if is_running "${name}"; then
    say "${name} ignored SIGTERM for 10s; killing it"
    kill -KILL -- "-${pid}" 2>/dev/null || kill -KILL "${pid}" 2>/dev/null || true
    sleep 0.2
  fi
  rm -f "${PID_DIR}/${name}.pid"
  say "stopped ${name}"
}

# --- the processes of this network

orderer_start() {
  is_running orderer && return 0
  require_free_ports orderer "${ORDERER_PORT}" "${ORDERER_ADMIN_PORT}" "${ORDERER_OPS_PORT}"
  local tls="${ORDERER_NODE}/tls" data="${STATE_DIR}/data/orderer" at
  at="$(node_listen orderer)"
  start_process orderer "${FABRIC_BIN}/orderer" -- \
    FABRIC_CFG_PATH="${CFG_DIR}" FABRIC_LOGGING_SPEC=info \
    ORDERER_GENERAL_LISTENADDRESS="${at}" ORDERER_GENERAL_LISTENPORT="${ORDERER_PORT}" \
    ORDERER_GENERAL_LOCALMSPID=OrdererMSP ORDERER_GENERAL_LOCALMSPDIR="${ORDERER_NODE}/msp" \
    ORDERER_GENERAL_TLS_ENABLED=true ORDERER_GENERAL_TLS_PRIVATEKEY="${tls}/server.key" \
    ORDERER_GENERAL_TLS_CERTIFICATE="${tls}/server.crt" ORDERER_GENERAL_TLS_ROOTCAS="[${tls}/ca.crt]" \
    ORDERER_GENERAL_BOOTSTRAPMETHOD=none ORDERER_CHANNELPARTICIPATION_ENABLED=true \
    ORDERER_ADMIN_LISTENADDRESS="${at}:${ORDERER_ADMIN_PORT}" ORDERER_ADMIN_TLS_ENABLED=true \
    ORDERER_ADMIN_TLS_CERTIFICATE="${tls}/server.crt" ORDERER_ADMIN_TLS_PRIVATEKEY="${tls}/server.key" \
    ORDERER_ADMIN_TLS_ROOTCAS="[${tls}/ca.crt]" ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true \
    ORDERER_ADMIN_TLS_CLIENTROOTCAS="[${tls}/ca.crt]" \
    ORDERER_FILELEDGER_LOCATION="${data}/ledger" ORDERER_CONSENSUS_WALDIR="${data}/etcdraft/wal" \
    ORDERER_CONSENSUS_SNAPDIR="${data}/etcdraft/snapshot" \
    ORDERER_OPERATIONS_LISTENADDRESS="${at}:${ORDERER_OPS_PORT}" ORDERER_METRICS_PROVIDER=prometheus \
    ORDERER_OPERATIONS_TLS_ENABLED=true ORDERER_OPERATIONS_TLS_CERTIFICATE="${tls}/server.crt" \
    ORDERER_OPERATIONS_TLS_PRIVATEKEY="${tls}/server.key" ORDERER_OPERATIONS_TLS_CLIENTAUTHREQUIRED=false \
    ORDERER_OPERATIONS_TLS_CLIENTROOTCAS="[${tls}/ca.crt]" \
    -- "${FABRIC_BIN}/orderer"
  wait_until orderer 30 healthy orderer
  say "orderer up on $(node_host orderer):${ORDERER_PORT} (admin ${ORDERER_ADMIN_PORT}, operations ${ORDERER_OPS_PORT})"
}

# Gossip is tuned for peers on one machine: a peer is declared dead after 5 s of silence rather than
# 25 s, and the others try to reach it again every 2 s rather than 25 s, so that a restarted peer is
# known again (and endorsement with it possible) within seconds (FabricFaultIT). A restarted peer's
# gateway cannot plan an endorsement until it holds the other peers' state info (their channel and
# chaincodes): it asks for it every 1 s rather than 4 s, and each peer publishes its own every 1 s, so a
# restarted gateway peer endorses again about 1 s after it starts, not 4 s or more on a busy machine.
peer_start() {
  local org="$1" name="peer-$1"
  is_running "${name}" && return 0
  local p cc ops dir data host at
  p="$(peer_port "${org}")" cc="$(peer_cc_port "${org}")" ops="$(peer_ops_port "${org}")"
  host="$(node_host "${name}")" at="$(node_listen "${name}")"
  dir="$(peer_dir "${org}")" data="${STATE_DIR}/data/${name}"
  require_free_ports "${name}" "${p}" "${cc}" "${ops}"
  start_process "${name}" "${FABRIC_BIN}/peer node start" -- \
    FABRIC_CFG_PATH="${CFG_DIR}" FABRIC_LOGGING_SPEC="info:gossip,msp=warning" \
    CORE_PEER_ID="$(peer_host "${org}")" \
    CORE_PEER_ADDRESS="${host}:${p}" CORE_PEER_LISTENADDRESS="${at}:${p}" \
    CORE_PEER_CHAINCODEADDRESS="${host}:${cc}" CORE_PEER_CHAINCODELISTENADDRESS="${at}:${cc}" \
    CORE_PEER_GOSSIP_BOOTSTRAP="${host}:${p}" CORE_PEER_GOSSIP_EXTERNALENDPOINT="${host}:${p}" \
    CORE_PEER_GOSSIP_ALIVETIMEINTERVAL=1s CORE_PEER_GOSSIP_ALIVEEXPIRATIONTIMEOUT=5s \
    CORE_PEER_GOSSIP_RECONNECTINTERVAL=2s CORE_PEER_GOSSIP_REQUESTSTATEINFOINTERVAL=1s \
    CORE_PEER_GOSSIP_PUBLISHSTATEINFOINTERVAL=1s \
    CORE_PEER_LOCALMSPID="$(msp_of "${org}")" CORE_PEER_MSPCONFIGPATH="${dir}/msp" \
    CORE_PEER_TLS_ENABLED=true CORE_PEER_TLS_CERT_FILE="${dir}/tls/server.crt" \
    CORE_PEER_TLS_KEY_FILE="${dir}/tls/server.key" CORE_PEER_TLS_ROOTCERT_FILE="${dir}/tls/ca.crt" \
    CORE_PEER_FILESYSTEMPATH="${data}" CORE_LEDGER_SNAPSHOTS_ROOTDIR="${data}/snapshots" \
    CORE_OPERATIONS_LISTENADDRESS="${at}:${ops}" CORE_METRICS_PROVIDER=prometheus \
    CORE_OPERATIONS_TLS_ENABLED=true CORE_OPERATIONS_TLS_CERT_FILE="${dir}/tls/server.crt" \
    CORE_OPERATIONS_TLS_KEY_FILE="${dir}/tls/server.key" CORE_OPERATIONS_TLS_CLIENTAUTHREQUIRED=false \
    CORE_OPERATIONS_TLS_CLIENTROOTCAS_FILES="${dir}/tls/ca.crt" \
    CORE_CHAINCODE_STARTUPTIMEOUT=60s CORE_PEER_DELIVERYCLIENT_RECONNECTBACKOFFTHRESHOLD=1s \
    CORE_PEER_PROFILE_ENABLED="${ST_PEER_PPROF:-false}" CORE_PEER_PROFILE_LISTENADDRESS="${at}:$(peer_pprof_port "${org}")" \
    -- "${FABRIC_BIN}/peer" node start
  wait_until "${name}" 30 healthy "${name}"
  say "${name} up on ${host}:${p} (operations ${ops})"
}

ccserver_start() {
  local org="$1" name="chaincode-$1"
  is_running "${name}" && return 0
  local p tls jar="${STATE_DIR}/chaincode/serialtrust-chaincode-server.jar"
  p="$(ccserver_port "${org}")"
  tls="${CRYPTO_DIR}/peerOrganizations/$(org_domain "${org}")/peers/chaincode.$(org_domain "${org}")/tls"
  require_free_ports "${name}" "${p}"
  # the shim builds a (here unused) client channel from *_PATH files that hold base64 of the PEM
  local b64="${STATE_DIR}/chaincode/${org}/tls-base64"
  mkdir -p "${b64}"
  base64 -w0 "${tls}/server.key" >"${b64}/server.key"
  base64 -w0 "${tls}/server.crt" >"${b64}/server.crt"
  start_process "${name}" "${jar}" -- \
    CHAINCODE_SERVER_ADDRESS="$(node_listen "${name}"):${p}" CORE_CHAINCODE_ID_NAME="$(cat "${STATE_DIR}/chaincode/${org}/package-id")" \
    SERIALTRUST_AUTHORITY_MSPID="${AUTHORITY_MSP}" CORE_CHAINCODE_LOGGING_LEVEL=WARNING \
    CORE_PEER_TLS_ENABLED=true CORE_PEER_TLS_ROOTCERT_FILE="${tls}/ca.crt" \
    CHAINCODE_TLS_CLIENT_CACERT_FILE="${tls}/ca.crt" \
    CORE_TLS_CLIENT_KEY_PATH="${b64}/server.key" CORE_TLS_CLIENT_CERT_PATH="${b64}/server.crt" \
    CORE_TLS_CLIENT_KEY_FILE="${tls}/server.key" CORE_TLS_CLIENT_CERT_FILE="${tls}/server.crt" \
    -- java -XX:+UseSerialGC -Xss1m -jar "${jar}"
  wait_until "${name}" 60 port_in_use "${name}" "${p}"
  say "${name} up on $(node_host "${name}"):${p} (mutual TLS: only its peer's certificate)"
}
