#!/usr/bin/env bash
# Measures the sample site with Lighthouse in its mobile profile (the
# default: a mid-range phone on a slow 4G connection) on the home, an
# indicator, a unit and a report page, and prints the four category scores
# of each. It builds the site for http://127.0.0.1:PORT/, serves it as a
# static host would (with _headers and gzip, scripts/static-server.mjs), and
# runs Lighthouse 12 from npm with Debian's Chromium.
#
#   scripts/lighthouse.sh [PORT]        (default 8931)
#
# Needs Go, Node.js (npx fetches Lighthouse from the npm registry the first
# time) and /usr/bin/chromium (or CHROME_PATH). Reports go to
# .minhbach/lighthouse/<page>.json. Not part of `go test`: scores are timings.
set -euo pipefail
cd "$(dirname "$0")/.."

port="${1:-8931}"
base="http://127.0.0.1:${port}/"
out=".minhbach/lighthouse"
site="${out}/site"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

mkdir -p "$out"
go run ./generator build --out "$site" --base-url "$base" >/dev/null

node scripts/static-server.mjs "$site" "$port" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -fsS -o /dev/null "$base" 2>/dev/null && break
  sleep 0.1
done

pages=(
  "home="
  "indicator=indicators/signature_rate/"
  "unit=units/go-quao/"
  "report=reports/2025-q1/"
)
printf '%-10s %11s %13s %14s %5s\n' page performance accessibility best-practices seo
status=0
for entry in "${pages[@]}"; do
  name="${entry%%=*}"
  path="${entry#*=}"
  # Lighthouse sometimes fails to record a trace on a busy machine
  # (NO_NAVSTART): try up to three times.
  for attempt in 1 2 3; do
    if npx --yes lighthouse@12 "${base}${path}" \
      --quiet --output=json --output-path="${out}/${name}.json" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null; then
      break
    fi
    [ "$attempt" = 3 ] && { echo "lighthouse failed on ${base}${path}" >&2; exit 1; }
  done
  # Print the scores, and the audits that failed, from the JSON report.
  node -e '
    const r = require(process.argv[1]);
    const c = r.categories, s = (k) => Math.round(c[k].score * 100);
    console.log(process.argv[2].padEnd(10), String(s("performance")).padStart(11),
      String(s("accessibility")).padStart(13), String(s("best-practices")).padStart(14), String(s("seo")).padStart(5));
    for (const [k, cat] of Object.entries(c)) {
      for (const ref of cat.auditRefs) {
        const a = r.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) console.log("    " + k + ": " + a.id + " — " + a.title + (a.displayValue ? " (" + a.displayValue + ")" : ""));
      }
    }
    const low = s("performance") < 95 || ["accessibility", "best-practices", "seo"].some((k) => s(k) < 100);
    process.exit(low ? 1 : 0);
  ' "$PWD/${out}/${name}.json" "$name" || status=1
done
exit "$status"
