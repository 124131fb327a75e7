#!/usr/bin/env bash
# Longer fuzzing runs: each Jazzer target of the build fuzzed for FUZZ_ROUNDS rounds of its 30-second
# maxDuration (default 6: 3 minutes each). Jazzer keeps its generated corpus in <module>/.cifuzz-corpus
# between rounds, so the rounds add up to one longer run. A finding stops that target and is written
# next to its saved inputs (src/test/resources/.../<Class>Inputs/): fix it and keep it there.
# Writes bench/results/fuzz.json: per target the seconds fuzzed, the inputs tried, the corpus size
# and the findings.
source "$(dirname "$0")/lib.sh"

ROUNDS="${FUZZ_ROUNDS:-6}"
TARGETS=(
  "chaincode ParsersFuzzTest#digitalLink"
  "chaincode ParsersFuzzTest#compressedLink"
  "chaincode ParsersFuzzTest#elementString"
  "chaincode ParsersFuzzTest#publicKeyAndSignature"
  "chaincode ParsersFuzzTest#closeSerials"
  "api CsvFuzzTest#csvLine"
  "api PhotoFuzzTest#photo"
)
cd "${REPO_DIR}"
"${REPO_DIR}/mvnw" -q -B install -DskipTests -Dfuzz.only=true -pl ledger-sim,chaincode,verifier-web >/dev/null

entries=()
for target in "${TARGETS[@]}"; do
  read -r module test <<<"${target}"
  seconds=0 runs=0 findings=0
  for ((round = 1; round <= ROUNDS; round++)); do
    log="${WORK}/${test//#/-}-${round}.log"
    if ! JAZZER_FUZZ=1 "${REPO_DIR}/mvnw" -q -B -pl "${module}" test -Dtest="${test}" \
        -Dsurefire.failIfNoSpecifiedTests=false -Dfuzz.only=true >"${log}" 2>&1; then
      findings=$((findings + 1))
      grep -E '== Java Exception|crash-' "${log}" | head -5 >&2 || true
      echo "fuzz: ${test} found a failing input in round ${round}; log: bench/results/fuzz-${test//#/-}.log" >&2
      cp "${log}" "${RESULTS}/fuzz-${test//#/-}.log"
      break
    fi
    # libFuzzer's last line: "Done N runs in S second(s)"
    read -r n s < <(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 \2/p' "${log}" | tail -n1)
    runs=$((runs + ${n:-0})) seconds=$((seconds + ${s:-0}))
  done
  corpus=$(find "${module}/.cifuzz-corpus" -path "*${test%%#*}*${test##*#}*" -type f 2>/dev/null | wc -l)
  printf '%-36s %8ss %12s inputs tried %7s in corpus %3s findings\n' "${test}" "${seconds}" "${runs}" "${corpus}" "${findings}"
  entries+=("{\"target\": \"${module}/${test}\", \"seconds\": ${seconds}, \"inputs_tried\": ${runs}, \"corpus_files\": ${corpus}, \"findings\": ${findings}}")
done

mkdir -p "${RESULTS}"
{
  echo '{'
  echo '  "benchmark": "fuzz",'
  echo "  \"date\": \"$(date -u +%FT%TZ)\","
  echo "  \"tool\": \"Jazzer (JUnit @FuzzTest), ${ROUNDS} rounds of 30 s per target, corpus kept between rounds\","
  echo '  "targets": ['
  (IFS=$'\n'; echo "${entries[*]}" | sed 's/^/    /; $!s/$/,/')
  echo '  ]'
  echo '}'
} >"${RESULTS}/fuzz.json"
python3 -m json.tool "${RESULTS}/fuzz.json" >/dev/null
echo "written to bench/results/fuzz.json"
