#!/usr/bin/env bash
# After a deploy, through CloudFront as a visitor sees it: the API's health, the site's first page, and a public read.
# Retries each for up to ATTEMPTS x 10 s (a new origin or a refresh's last instance may need a moment).
#   usage: smoke-test.sh https://dxxxx.cloudfront.net
set -euo pipefail

base=${1:?usage: smoke-test.sh <url>}
attempts=${ATTEMPTS:-30}

check() {
  local what=$1 path=$2 expect=$3 body
  for ((i = 1; i <= attempts; i++)); do
    if body=$(curl -fsS --max-time 10 "$base$path") && grep -qF -- "$expect" <<< "$body"; then
      echo "ok: $what ($path)"
      return 0
    fi
    sleep "${PAUSE_SECONDS:-10}"
  done
  echo "::error::smoke test failed: $what ($base$path) never answered 200 with '$expect'" >&2
  return 1
}

check "API health" /api/health '"UP"'
check "the site" / '<html'
check "a public read" '/api/public/videos?page=1' '['
