#!/usr/bin/env bash
# Schemathesis against a running Spotter's OpenAPI document: every operation gets a bounded
# number of generated requests (valid and invalid), with a bearer token of a throwaway user,
# and the run fails on a 5xx, a response that does not match its documented schema, an
# undocumented status code or a wrong content type.
#   scripts/api-fuzz.sh http://127.0.0.1:PORT TOKEN [MAX_EXAMPLES]
# The venv is made once in tools/api-fuzz-venv from the pinned version in
# scripts/api-fuzz.requirements.txt (PyPI only). Operations that end the session the run uses
# (deleting the account, revoking the token, logging out) are left out.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: api-fuzz.sh BASE_URL TOKEN [MAX_EXAMPLES]}
token=${2:?usage: api-fuzz.sh BASE_URL TOKEN [MAX_EXAMPLES]}
examples=${3:-${SPOTTER_API_FUZZ_EXAMPLES:-8}}
log() { printf '\033[1;36m[api-fuzz]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[api-fuzz] error:\033[0m %s\n' "$*" >&2; exit 1; }
# shellcheck source=scripts/apt.sh
. scripts/apt.sh
VENV=tools/api-fuzz-venv
want=$(cat scripts/api-fuzz.requirements.txt)
if [ ! -x "$VENV/bin/schemathesis" ] || [ "$(cat "$VENV/.installed" 2>/dev/null)" != "$want" ]; then
  log "installing $want into $VENV"
  rm -rf "$VENV"
  python3 -m venv "$VENV" 2>/dev/null || { apt_install python3-venv && python3 -m venv "$VENV"; }
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r scripts/api-fuzz.requirements.txt
  echo "$want" > "$VENV/.installed"
fi
log "schemathesis, $examples examples per operation, against $base"
cd tools && exec ../"$VENV"/bin/schemathesis run "$base/api/v1/openapi.json" --url "$base" \
  -H "Authorization: Bearer $token" \
  --max-examples "$examples" --seed 2026 --workers 2 \
  --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
  --exclude-operation-id me_delete --exclude-operation-id tokens_revoke --exclude-operation-id auth_logout \
  --no-color
