#!/usr/bin/env bash
# Signs a SerialTrust element string with nothing but the openssl command line, the way a brand
# without our tooling would. Used by OpensslSignatureTest; run it by hand the same way:
#
#   ./sign-with-openssl.sh DIR '(01)09520123456788(21)12345'
#
# writes DIR/key.pem (private), DIR/pub.pem (register this with RegisterKey) and DIR/sig.txt
# (the QR's sig: the 64-byte r||s signature, base64url without padding).
set -euo pipefail
dir=$1
message=$2

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
