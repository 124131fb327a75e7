#!/usr/bin/env bash
# What an image tarball is (size, user, entrypoint, ports), and whether it runs: its layers unpacked
# into a root filesystem and its entrypoint started there as its user, with /proc mounted, as a
# container runtime would (chroot; needs root). The api, with its demo, must answer its liveness
# probe, a verification and a PNG label (its image drawing, headless); the chaincode server must listen.
#   deploy/images/inspect.sh api/target/image.tar chaincode/target/image.tar
set -euo pipefail

json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"; }

# inspect TAR: prints what the image is; leaves it unpacked in ${UNPACKED}
inspect() {
  local tar="$1" dir config
  dir="$(mktemp -d)"
  UNPACKED="${dir}"
  tar -xf "${tar}" -C "${dir}"
  config="${dir}/$(json "${dir}/manifest.json" "d[0]['Config']")"
  echo "image ${tar}: $(du -h "${tar}" | cut -f1); user $(json "${config}" "d['config'].get('User')");" \
    "entrypoint $(json "${config}" "' '.join(d['config'].get('Entrypoint') or [])");" \
    "ports $(json "${config}" "' '.join(sorted((d['config'].get('ExposedPorts') or {}).keys()))")"
  [[ "$(json "${config}" "d['config'].get('User')")" == "10001:10001" ]] || { echo "inspect: ${tar} does not run as 10001" >&2; exit 1; }
}

# run ENV...: starts the entrypoint of the image unpacked in ${UNPACKED} in its own root; the pid in ${PID}
run() {
  local dir="${UNPACKED}" root config
  root="${dir}/rootfs"
  mkdir -p "${root}"
  config="${dir}/$(json "${dir}/manifest.json" "d[0]['Config']")"
  while read -r layer; do
    # Jib's layers carry libarchive's creation times, which GNU tar need not read
    tar --warning=no-unknown-keyword -xf "${dir}/${layer}" -C "${root}"
  done < <(json "${dir}/manifest.json" "'\n'.join(d[0]['Layers'])")
  mkdir -p "${root}/proc" && mount -t proc proc "${root}/proc"
  mapfile -t entrypoint < <(json "${config}" "'\n'.join(d['config']['Entrypoint'])")
  mapfile -t envs < <(json "${config}" "'\n'.join(d['config'].get('Env') or [])")
  env -i "${envs[@]}" "$@" "$(command -v setsid)" "$(command -v chroot)" --userspec=10001:10001 "${root}" "${entrypoint[@]}" \
    >"${dir}/run.log" 2>&1 &
  PID=$!
}

stop() {
  kill -- "-${PID}" 2>/dev/null || kill "${PID}" 2>/dev/null || true
  sleep 1
  umount "${UNPACKED}/rootfs/proc" 2>/dev/null || true
  rm -rf "${UNPACKED}"
}

wait_for() {
  local what="$1"; shift
  for _ in $(seq 120); do
    if "$@" >/dev/null 2>&1; then echo "inspect: ${what}"; return 0; fi
    sleep 1
  done
  tail -20 "${UNPACKED}/run.log" >&2
  echo "inspect: ${what}: not within 120 s" >&2
  return 1
}

status=0
for tar in "$@"; do
  inspect "${tar}"
  if [[ "$(id -u)" != 0 ]]; then
    echo "inspect: not root, so ${tar} is not started (chroot needs root)"; status=1; rm -rf "${UNPACKED}"; continue
  fi
  case "$(basename "$(dirname "$(dirname "$(readlink -f "${tar}")")")")" in   # the module: api/target/image.tar
    api)
      port=18097
      run PORT="${port}" SERIALTRUST_DATA_DIR=/tmp/data SERIALTRUST_DEMO_ENABLED=true
      keys="${UNPACKED}/rootfs/tmp/data/demo/api-keys.properties"
      wait_for "the api image answers its liveness probe on ${port}" \
        bash -c "curl -fsS http://127.0.0.1:${port}/actuator/health/liveness | grep -q UP" || status=1
      wait_for "the api image's demo verifies DEMO-0001" \
        bash -c "curl -fsS -H 'Accept: application/json' http://127.0.0.1:${port}/01/09520123456788/21/DEMO-0001 | grep -q SIGNATURE_MISSING" \
        || status=1
      wait_for "the api image draws a PNG label" bash -c "curl -fsS -H \"Authorization: Bearer \$(sed -n 's/^brand=//p' '${keys}')\" \
        http://127.0.0.1:${port}/api/items/09520123456788/DEMO-0001/label.png | head -c 8 | od -An -c | grep -q 'P   N   G'" \
        || status=1 ;;
    chaincode)
      port=18098
      run CHAINCODE_SERVER_ADDRESS="127.0.0.1:${port}" CORE_CHAINCODE_ID_NAME=serialtrust_1.0:0 SERIALTRUST_AUTHORITY_MSPID=AuthorityMSP
      wait_for "the chaincode image listens on ${port}" bash -c "exec 3<>/dev/tcp/127.0.0.1/${port}" || status=1 ;;
  esac
  stop
done
exit "${status}"
