# The network across hosts, on one machine: with ST_NETNS set, the orderer, each peer and each
# chaincode server run in a Linux network namespace of their own (st-orderer, st-brand, st-cc-brand,
# ...), as on hosts of their own (a chaincode server is a service apart from its peer, as in a
# cluster), and this script and Fabric's CLI in st-admin, an administrator's host. Each namespace has one address on a bridge
# (in st-lan, so this machine's own network is untouched), its loopback down, and a hosts file
# (/etc/netns/NS/hosts, which `ip netns exec` puts in place of /etc/hosts) naming every node.
# shellcheck shell=bash

NETNS_PREFIX="10.231.7"
NETNS_ALL=(st-admin st-orderer st-brand st-retail st-police st-cc-brand st-cc-retail st-cc-police)

ns_of() {
  case "$1" in
    orderer) echo st-orderer ;;
    peer-*) echo "st-${1#peer-}" ;;
    chaincode-*) echo "st-cc-${1#chaincode-}" ;;
    admin) echo st-admin ;;
    *) die "no namespace for '$1'" ;;
  esac
}

ns_address() {
  case "$1" in
    st-admin) echo "${NETNS_PREFIX}.2" ;; st-orderer) echo "${NETNS_PREFIX}.10" ;;
    st-brand) echo "${NETNS_PREFIX}.17" ;; st-retail) echo "${NETNS_PREFIX}.18" ;; st-police) echo "${NETNS_PREFIX}.19" ;;
    st-cc-brand) echo "${NETNS_PREFIX}.27" ;; st-cc-retail) echo "${NETNS_PREFIX}.28" ;; st-cc-police) echo "${NETNS_PREFIX}.29" ;;
    *) die "no address for namespace '$1'" ;;
  esac
}

ns_exists() { ip netns list 2>/dev/null | awk '{print $1}' | grep -qx "$1"; }

# Makes the namespaces, their links and hosts files; idempotent.
netns_up() {
  command -v ip >/dev/null 2>&1 || die "ip (Debian's iproute2) is missing: ST_NETNS needs it"
  if ! ns_exists st-lan; then
    ip netns add st-lan || die "cannot make network namespaces here (ip netns add needs CAP_SYS_ADMIN)"
    ip -n st-lan link add st-br type bridge
    ip -n st-lan link set st-br up
  fi
  local ns org hosts
  hosts="${NETNS_PREFIX}.10 orderer.${DOMAIN}"$'\n'
  for org in "${PEER_ORGS[@]}"; do
    hosts+="$(ns_address "st-${org}") $(peer_host "${org}")"$'\n'
    hosts+="$(ns_address "st-cc-${org}") chaincode.$(org_domain "${org}")"$'\n'
  done
  for ns in "${NETNS_ALL[@]}"; do
    mkdir -p "/etc/netns/${ns}"
    printf '%s' "${hosts}" >"/etc/netns/${ns}/hosts"
    ns_exists "${ns}" && continue
    ip netns add "${ns}"
    ip link add "${ns}-e" type veth peer name "${ns}-l"
    ip link set "${ns}-e" netns "${ns}"
    ip link set "${ns}-l" netns st-lan
    ip -n st-lan link set "${ns}-l" master st-br up
    ip -n "${ns}" addr add "$(ns_address "${ns}")/24" dev "${ns}-e"
    ip -n "${ns}" link set "${ns}-e" up
  done
  say "network namespaces: ${NETNS_ALL[*]} on ${NETNS_PREFIX}.0/24, loopback down in each"
}

# Removes the namespaces (their links go with them) and their hosts files.
netns_down() {
  local ns
  for ns in "${NETNS_ALL[@]}" st-lan; do
    ns_exists "${ns}" && ip netns del "${ns}"
    rm -rf "/etc/netns/${ns}"
  done
  say "removed the network namespaces"
}

# Runs this script again inside st-admin, where every node's name resolves: every verb but clean's
# last step runs there, and for up, what needs the internet (Fabric's binaries, the chaincode jar).
netns_enter() {
  local script="$1"; shift
  if [[ "${1:-}" == clean ]]; then
    if ns_exists st-admin; then ip netns exec st-admin bash "${script}" down; fi
    netns_down
    rm -rf "${STATE_DIR}"
    say "removed ${STATE_DIR} (Fabric's binaries stay cached in ${FABRIC_HOME})"
    exit 0
  fi
  if [[ "${1:-}" == up ]]; then
    netns_up
    # the namespaces reach nothing outside: what needs the Go module proxy or Maven is done out here
    mkdir -p "${STATE_DIR}" "${LOG_DIR}"
    install_binaries
    chaincode_jar
  fi
  ns_exists st-admin || die "no network namespaces here; 'network.sh up' with ST_NETNS makes them"
  exec ip netns exec st-admin bash "${script}" "$@"
}
