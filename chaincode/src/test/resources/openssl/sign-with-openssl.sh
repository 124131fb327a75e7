#!/usr/bin/env bash
# Signs a SerialTrust element string with nothing but the openssl command line, the way a brand
# without our tooling would. Used by OpensslSignatureTest; run it by hand the same way:
#
#   ./sign-with-openssl.sh DIR 01=09520123456788 10='L(7' 21='NK(12)' 17=291231
#
# Each AI=value pair is one element; the script writes the element string as SerialTrust signs it:
# AIs in Digital Link order (01, 22, 10, 21, then 11, 17), each value after its (AI), and a ( inside a
# value written \( so that the string parses back one way only. The example signs
# (01)09520123456788(10)L\(7(21)NK\(12)(17)291231. An element string already built may be given
# as one argument instead: ./sign-with-openssl.sh DIR '(01)09520123456788(21)12345'.
#
# writes DIR/key.pem (private), DIR/pub.pem (register this with RegisterKey), DIR/message.txt (what
# was signed) and DIR/sig.txt (the QR's sig: the 64-byte r||s signature, base64url without padding).
# openssl's s may be the high twin (r, n-s) of the low-S form; both are the brand's signature, and the
# resolver compares them in low-S form.
set -euo pipefail
dir=$1
shift
if [[ $# -eq 1 && $1 == \(* ]]; then
  message=$1
else
  message=""
  for ai in 01 22 10 21 11 17; do
    for pair in "$@"; do
      [[ ${pair%%=*} == "$ai" ]] || continue
      value=${pair#*=}
      message+="(${ai})${value//(/\\(}"
    done
  done
  [[ -n $message ]] || { echo "usage: $0 DIR AI=value... (01 and 21 at least)" >&2; exit 2; }
fi
printf '%s' "$message" > "$dir/message.txt"

[ -f "$dir/key.pem" ] || openssl ecparam -name prime256v1 -genkey -noout -out "$dir/key.pem"
openssl ec -in "$dir/key.pem" -pubout -out "$dir/pub.pem" 2>/dev/null

# openssl signs SHA-256 with ECDSA and writes the signature as DER: SEQUENCE { INTEGER r, INTEGER s }
printf '%s' "$message" | openssl dgst -sha256 -sign "$dir/key.pem" -out "$dir/sig.der"

# take r and s out of the DER and left-pad each to 32 bytes: the P1363 form WebCrypto uses
hex=""
for int in $(openssl asn1parse -inform DER -in "$dir/sig.der" | awk -F: '/INTEGER/ {print $NF}'); do
  int=${int#00}
  hex+=$(printf '%64s' "$int" | tr ' ' 0)
done
[ ${#hex} -eq 128 ] || { echo "unexpected signature shape" >&2; exit 1; }
printf '%s' "$hex" | xxd -r -p | base64 -w0 | tr '+/' '-_' | tr -d '=' > "$dir/sig.txt"
