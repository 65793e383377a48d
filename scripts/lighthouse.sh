#!/usr/bin/env bash
# Measures the sample site with Lighthouse in its mobile profile (the
# default: a mid-range phone on a slow 4G connection) on the home, an
# indicator, a unit and a report page, and prints the four category scores
# of each. It builds the site for http://127.0.0.1:PORT/, serves it as a
# static host would (with _headers and gzip, scripts/static-server.mjs), and
# runs Lighthouse 12 from npm with Debian's Chromium.
#
#   scripts/lighthouse.sh [-n RUNS] [-p PAGE]... [PORT]
#
#   -n RUNS   runs of Lighthouse per page (default 3). Performance is a
#             timing and varies with the machine's load, so each page is
#             measured RUNS times and the run with the median performance
#             score is the one shown.
#   -p PAGE   measure only this page: home, indicator, unit or report
#             (repeatable; default all four).
#   PORT      the port to serve on (default 8931).
#
# For each page it prints the median scores, every run's performance score,
# the median run's metrics (FCP, LCP, TBT, CLS, speed index) and the audits
# that run failed. It exits 1 when a median is below its goal (performance
# 95, the other categories 100).
#
# Needs Go, Node.js (npx fetches Lighthouse from the npm registry the first
# time) and /usr/bin/chromium (or CHROME_PATH). Reports go to
# .minhbach/lighthouse/<page>-<run>.json, and the median run's to
# <page>.json. Not part of `go test`: scores are timings.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=3
only=()
while getopts 'n:p:' opt; do
  case "$opt" in
    n) runs="$OPTARG" ;;
    p) only+=("$OPTARG") ;;
    *) echo "usage: scripts/lighthouse.sh [-n RUNS] [-p PAGE]... [PORT]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "lighthouse.sh: -n wants a positive number of runs, not \"$runs\"" >&2
  exit 2
fi

port="${1:-8931}"
base="http://127.0.0.1:${port}/"
out=".minhbach/lighthouse"
site="${out}/site"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

pages=(
  "home="
  "indicator=indicators/signature_rate/"
  "unit=units/go-quao/"
  "report=reports/2025-q1/"
)
if [ "${#only[@]}" -gt 0 ]; then
  chosen=()
  for name in "${only[@]}"; do
    found=""
    for entry in "${pages[@]}"; do
      [ "${entry%%=*}" = "$name" ] && { chosen+=("$entry"); found=1; }
    done
    [ -n "$found" ] || { echo "lighthouse.sh: no page \"$name\" (home, indicator, unit, report)" >&2; exit 2; }
  done
  pages=("${chosen[@]}")
fi

mkdir -p "$out"
go run ./generator build --out "$site" --base-url "$base" >/dev/null

node scripts/static-server.mjs "$site" "$port" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -fsS -o /dev/null "$base" 2>/dev/null && break
  sleep 0.1
done

printf '%-10s %11s %13s %14s %5s   %s\n' page performance accessibility best-practices seo "runs (performance)"
status=0
for entry in "${pages[@]}"; do
  name="${entry%%=*}"
  path="${entry#*=}"
  reports=()
  for run in $(seq "$runs"); do
    report="${out}/${name}-${run}.json"
    # Lighthouse sometimes fails to record a trace on a busy machine
    # (NO_NAVSTART): try up to three times.
    for attempt in 1 2 3; do
      if npx --yes lighthouse@12 "${base}${path}" \
        --quiet --output=json --output-path="$report" \
        --only-categories=performance,accessibility,best-practices,seo \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null; then
        break
      fi
      [ "$attempt" = 3 ] && { echo "lighthouse failed on ${base}${path}" >&2; exit 1; }
    done
    reports+=("$PWD/$report")
  done
  # Pick the run with the median performance score, copy it to
  # <page>.json, and print its scores, metrics and failed audits.
  node -e '
    const [name, median, ...files] = process.argv.slice(1);
    const runs = files.map((f) => ({ f, r: require(f) }));
    const score = (r, k) => Math.round(r.categories[k].score * 100);
    const order = [...runs].sort((a, b) => score(a.r, "performance") - score(b.r, "performance"));
    const { f, r } = order[Math.floor((order.length - 1) / 2)];
    require("fs").copyFileSync(f, median);
    const s = (k) => score(r, k);
    console.log(name.padEnd(10), String(s("performance")).padStart(11),
      String(s("accessibility")).padStart(13), String(s("best-practices")).padStart(14), String(s("seo")).padStart(5),
      "  " + runs.map((x) => score(x.r, "performance")).join(" "));
    const a = r.audits;
    const metric = (id, label) => label + " " + (a[id].displayValue || "").replace(/\s/g, " ");
    console.log("    " + [
      metric("first-contentful-paint", "FCP"), metric("largest-contentful-paint", "LCP"),
      metric("total-blocking-time", "TBT"), metric("cumulative-layout-shift", "CLS"),
      metric("speed-index", "SI"), metric("dom-size", "DOM"),
    ].join(", "));
    for (const [k, cat] of Object.entries(r.categories)) {
      for (const ref of cat.auditRefs) {
        const x = a[ref.id];
        if (ref.weight > 0 && x.score !== null && x.score < 1) console.log("    " + k + ": " + x.id + " — " + x.title + (x.displayValue ? " (" + x.displayValue + ")" : ""));
      }
    }
    const low = s("performance") < 95 || ["accessibility", "best-practices", "seo"].some((k) => s(k) < 100);
    process.exit(low ? 1 : 0);
  ' "$name" "$PWD/${out}/${name}.json" "${reports[@]}" || status=1
done
exit "$status"
