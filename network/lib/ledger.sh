# Steps that build the ledger: configuration, crypto material, the channel, the chaincode.
# shellcheck shell=bash

render_config() {
  mkdir -p "${CFG_DIR}"
  sed -e "s|/opt/hyperledger/ccaas_builder|${NETWORK_DIR}/builders/ccaas|" \
      -e "s|name: ccaas_builder|name: serialtrust-ccaas|" \
      -e "s|^\(    endpoint:\) unix:///var/run/docker.sock\$|\1 \"\"|" \
      "${FABRIC_HOME}/sampleconfig/core.yaml" >"${CFG_DIR}/core.yaml"
  grep -q "${NETWORK_DIR}/builders/ccaas" "${CFG_DIR}/core.yaml" \
    || die "could not point core.yaml at the CCaaS builder; has sampleconfig/core.yaml changed?"
  # no Docker here: an empty vm.endpoint turns the peer's Docker support (and its health check) off
  grep -q '^    endpoint: ""$' "${CFG_DIR}/core.yaml" || die "could not turn Docker off in core.yaml"
  cp "${FABRIC_HOME}/sampleconfig/orderer.yaml" "${CFG_DIR}/orderer.yaml"
  sed -e "s/@ORDERER_PORT@/${ORDERER_PORT}/g" -e "s/@BRAND_PEER_PORT@/$(peer_port brand)/g" \
      -e "s/@ORDERER_HOST@/$(node_host orderer)/g" -e "s/@BRAND_PEER_HOST@/$(node_host peer-brand)/g" \
      -e "s/@RETAIL_PEER_HOST@/$(node_host peer-retail)/g" -e "s/@POLICE_PEER_HOST@/$(node_host peer-police)/g" \
      -e "s/@RETAIL_PEER_PORT@/$(peer_port retail)/g" -e "s/@POLICE_PEER_PORT@/$(peer_port police)/g" \
      "${NETWORK_DIR}/config/configtx.yaml" >"${CFG_DIR}/configtx.yaml"
}

generate_crypto() {
  is_done crypto && return 0
  rm -rf "${CRYPTO_DIR}"
  run_logged cryptogen "${FABRIC_BIN}/cryptogen" generate \
    --config="${NETWORK_DIR}/config/crypto-config.yaml" --output="${CRYPTO_DIR}"
  done_mark crypto
  say "crypto material: orderer, brand, retail, police, authority, service (TLS names: each node's, localhost, 127.0.0.1)"
}

genesis_block() {
  is_done genesis && return 0
  mkdir -p "${STATE_DIR}/channel"
  run_logged configtxgen env FABRIC_CFG_PATH="${CFG_DIR}" "${FABRIC_BIN}/configtxgen" \
    -profile SerialTrustChannel -channelID "${CHANNEL}" -outputBlock "${STATE_DIR}/channel/genesis.block"
  done_mark genesis
}

orderer_join() {
  is_done orderer-joined && return 0
  local tls="${ORDERER_NODE}/tls"
  run_logged osnadmin-join "${FABRIC_BIN}/osnadmin" channel join --channelID "${CHANNEL}" \
    --config-block "${STATE_DIR}/channel/genesis.block" -o "$(node_host orderer):${ORDERER_ADMIN_PORT}" \
    --ca-file "${tls}/ca.crt" --client-cert "${tls}/server.crt" --client-key "${tls}/server.key"
  done_mark orderer-joined
  say "channel '${CHANNEL}' created on the orderer (channel participation API)"
}

peer_join() {
  local org="$1"
  is_done "joined-${org}" && return 0
  ( as_org "${org}"; run_logged "join-${org}" peer channel join -b "${STATE_DIR}/channel/genesis.block" )
  done_mark "joined-${org}"
  say "peer of ${org} joined '${CHANNEL}'"
}

# A CCaaS package per organisation: it says only where that organisation's chaincode server listens.
chaincode_install() {
  local org="$1" dir="${STATE_DIR}/chaincode/$1"
  is_done "installed-${org}" && return 0
  rm -rf "${dir}" && mkdir -p "${dir}/src"
  # mutual TLS: the peer proves itself to its chaincode server with its own TLS certificate, which the
  # organisation's TLS CA issued for client and server use alike
  local ca key cert peer_tls
  peer_tls="$(peer_dir "${org}")/tls"
  ca="$(pem_json "${CRYPTO_DIR}/peerOrganizations/$(org_domain "${org}")/peers/chaincode.$(org_domain "${org}")/tls/ca.crt")"
  key="$(pem_json "${peer_tls}/server.key")"
  cert="$(pem_json "${peer_tls}/server.crt")"
  ( umask 077
    cat >"${dir}/src/connection.json" <<JSON
{
  "address": "$(node_host "chaincode-${org}"):$(ccserver_port "${org}")",
  "dial_timeout": "10s",
  "tls_required": true,
  "client_auth_required": true,
  "client_key": "${key}",
  "client_cert": "${cert}",
  "root_cert": "${ca}"
}
JSON
  )
  printf '{"type":"ccaas","label":"%s"}\n' "${CC_LABEL}" >"${dir}/metadata.json"
  tar -C "${dir}/src" -czf "${dir}/code.tar.gz" connection.json
  tar -C "${dir}" -czf "${dir}/${CC_LABEL}.tgz" metadata.json code.tar.gz
  ( as_org "${org}"
    run_logged "install-${org}" peer lifecycle chaincode install "${dir}/${CC_LABEL}.tgz"
    peer lifecycle chaincode calculatepackageid "${dir}/${CC_LABEL}.tgz" >"${dir}/package-id" )
  done_mark "installed-${org}"
  say "chaincode package installed on the peer of ${org}: $(cat "${dir}/package-id")"
}

orderer_flags() { echo "-o $(node_host orderer):${ORDERER_PORT} --tls --cafile ${ORDERER_CA}"; }

chaincode_approve() {
  local org="$1"
  is_done "approved-${org}" && return 0
  # shellcheck disable=SC2046
  ( as_org "${org}"
    run_logged "approve-${org}" peer lifecycle chaincode approveformyorg $(orderer_flags) \
      --channelID "${CHANNEL}" --name "${CC_NAME}" --version 1.0 --sequence "${CC_SEQUENCE}" \
      --package-id "$(cat "${STATE_DIR}/chaincode/${org}/package-id")" \
      --signature-policy "${CC_POLICY}" --collections-config "${NETWORK_DIR}/config/collections.json" )
  done_mark "approved-${org}"
  say "${org} approved the chaincode definition"
}

chaincode_commit() {
  is_done committed && return 0
  local targets=() org
  for org in "${PEER_ORGS[@]}"; do
    targets+=(--peerAddresses "$(node_host "peer-${org}"):$(peer_port "${org}")" --tlsRootCertFiles "$(peer_dir "${org}")/tls/ca.crt")
  done
  # shellcheck disable=SC2046
  ( as_org brand
    run_logged commit peer lifecycle chaincode commit $(orderer_flags) --channelID "${CHANNEL}" \
      --name "${CC_NAME}" --version 1.0 --sequence "${CC_SEQUENCE}" \
      --signature-policy "${CC_POLICY}" --collections-config "${NETWORK_DIR}/config/collections.json" "${targets[@]}" )
  done_mark committed
  say "chaincode '${CC_NAME}' committed on '${CHANNEL}': endorsement ${CC_POLICY}"
}

# The server jar: ST_CHAINCODE_JAR, else the build's own, else build it now.
chaincode_jar() {
  local jar="${ST_CHAINCODE_JAR:-}"
  if [[ -z "${jar}" ]]; then
    jar="$(ls "${REPO_DIR}"/chaincode/target/serialtrust-chaincode-*-server.jar 2>/dev/null | head -n1 || true)"
  fi
  if [[ -z "${jar}" ]]; then
    say "building the chaincode server jar"
    run_logged chaincode-build "${REPO_DIR}/mvnw" -q -B -f "${REPO_DIR}/pom.xml" -pl chaincode -am package -DskipTests
    jar="$(ls "${REPO_DIR}"/chaincode/target/serialtrust-chaincode-*-server.jar | head -n1)"
  fi
  [[ -f "${jar}" ]] || die "chaincode server jar not found: ${jar}"
  mkdir -p "${STATE_DIR}/chaincode"
  cp "${jar}" "${STATE_DIR}/chaincode/serialtrust-chaincode-server.jar"
}

smoke_query() {
  ( as_org brand
    peer chaincode query -C "${CHANNEL}" -n "${CC_NAME}" -c '{"function":"org.hyperledger.fabric:GetMetadata","Args":[]}' ) \
    >"${LOG_DIR}/smoke-query.log" 2>&1
}

channel_height() {
  ( as_org brand; peer channel getinfo -c "${CHANNEL}" 2>/dev/null ) | sed -n 's/.*"height":\([0-9]*\).*/\1/p'
}

# Settings that point the SerialTrust api at this network: ./run --serialtrust.ledger.mode=fabric
write_api_properties() {
  local file="${STATE_DIR}/api.properties" org user via
  {
    echo "# written by network.sh up: how the api reaches this network, as each organisation"
    echo "serialtrust.fabric.channel=${CHANNEL}"
    echo "serialtrust.fabric.chaincode=${CC_NAME}"
    echo "# a brand's label signatures are endorsed by the brand and this member only (see CC_POLICY)"
    echo "serialtrust.fabric.secrets-co-endorser=PoliceMSP"
    for org in "${ALL_ORGS[@]}"; do
      # a network made before an organisation joined the consortium has no material for it: `clean` renews it
      [[ -d "$(admin_msp "${org}")" ]] || continue
      via="$(gateway_org "${org}")"; user=User1
      [[ "${org}" == authority ]] && user=Admin
      echo "serialtrust.fabric.organisations.${org}.endpoint=$(node_host "peer-${via}"):$(peer_port "${via}")"
      echo "serialtrust.fabric.organisations.${org}.tls-root-cert=$(peer_dir "${via}")/tls/ca.crt"
      echo "serialtrust.fabric.organisations.${org}.msp-dir=$(admin_msp "${org}" | sed "s|/Admin@|/${user}@|")"
    done
  } >"${file}"
}

# Private data reaches the other organisations' peers through gossip; a peer that does not yet know
# them cannot endorse a write to the collection. Up waits until every peer knows every other one.
gossip_converged() {
  local org known
  for org in "${PEER_ORGS[@]}"; do
    known="$(ops_get "peer-${org}" /metrics admin \
      | sed -n "s/^gossip_membership_total_peers_known{channel=\"${CHANNEL}\"} \([0-9]*\).*/\1/p")"
    [[ -n "${known}" && "${known}" -ge $((${#PEER_ORGS[@]} - 1)) ]] || return 1
  done
}
