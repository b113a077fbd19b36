#!/usr/bin/env bash
# Checks GET /metrics with Prometheus's own tools, end to end: starts the server entry on loopback against a
# freshly seeded SQLite file with METRICS_TOKEN set, lints a real scrape with `promtool check metrics`, checks
# the shipped alert rules with `promtool check rules`, then runs a real Prometheus (its TSDB in a temporary
# directory) that scrapes the server with the bearer token, and reads orrery_satellites back through
# Prometheus's HTTP API: it must sum to the fleet's size. Uses the production build if there is one, else
# Next in development mode (/metrics is answered before Next either way). Needs Debian's `prometheus` package.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${METRICS_CHECK_PORT:-3297}"
PROM_PORT="${METRICS_CHECK_PROMETHEUS_PORT:-9397}"
SATELLITES=40
TOKEN="check-metrics-$(node -e 'process.stdout.write(require("node:crypto").randomBytes(16).toString("hex"))')"
TMP="$(mktemp -d)"
SERVER_PID=""
PROM_PID=""

cleanup() {
  [ -n "$PROM_PID" ] && kill "$PROM_PID" 2>/dev/null && wait "$PROM_PID" 2>/dev/null || true
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT
fail() {
  echo "check-metrics: $*" >&2
  for log in server prometheus; do
    [ -f "$TMP/$log.log" ] && { echo "--- $log log (last lines)" >&2; tail -n 30 "$TMP/$log.log" >&2; }
  done
  exit 1
}
step() { printf '▸ %s\n' "$*"; }

command -v promtool >/dev/null && command -v prometheus >/dev/null ||
  fail "promtool and prometheus are missing: apt-get install -y prometheus"

export DATABASE_URL="file:$TMP/orrery.db" NEXT_TELEMETRY_DISABLED=1
TSX=(node --import tsx --import ./scripts/register.mjs)

step "seeding $SATELLITES satellites into $TMP/orrery.db"
NODE_ENV=development "${TSX[@]}" prisma/seed.ts --satellites "$SATELLITES" --no-users --history-days 0 \
  >"$TMP/seed.log" 2>&1 || { cat "$TMP/seed.log" >&2; fail "the seed failed"; }
FLEET="$(node -e '
  const Database = require("better-sqlite3");
  const db = new Database(process.argv[1], { readonly: true });
  process.stdout.write(String(db.prepare(`SELECT count(*) AS n FROM "Satellite" WHERE "lifecycle" <> ?`).get("decommissioned").n));
' "$TMP/orrery.db")"

if [ -f .next/BUILD_ID ]; then MODE=(); NODE_MODE=production; else MODE=(--dev); NODE_MODE=development; fi
step "starting the server entry on 127.0.0.1:$PORT ($NODE_MODE)"
NODE_ENV="$NODE_MODE" PORT="$PORT" HOST=127.0.0.1 ORRERY_DEMO=1 LOG_LEVEL=warn METRICS_TOKEN="$TOKEN" \
  NEXTAUTH_SECRET="check-metrics-secret-check-metrics-secret" \
  "${TSX[@]}" server/main.ts "${MODE[@]}" >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for i in $(seq 1 300); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || fail "the server entry exited"
  [ "$i" = 300 ] && fail "the server entry did not answer /healthz within 60 s"
  sleep 0.2
done

step "without the token: 401"
CODE="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/metrics")"
[ "$CODE" = 401 ] || fail "GET /metrics without the token answered $CODE, not 401"

step "promtool check metrics on a real scrape"
curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/metrics" >"$TMP/scrape.txt" ||
  fail "GET /metrics with the token failed"
promtool check metrics <"$TMP/scrape.txt" || fail "promtool found problems in the exposition"
grep -q '^orrery_satellites{' "$TMP/scrape.txt" || fail "the scrape has no orrery_satellites"

step "promtool check rules docs/monitoring/alerts.rules.yml"
promtool check rules docs/monitoring/alerts.rules.yml || fail "the alert rules do not check"

step "Prometheus on 127.0.0.1:$PROM_PORT scraping the server with the bearer token"
printf '%s' "$TOKEN" >"$TMP/token"
cat >"$TMP/prometheus.yml" <<YAML
global:
  scrape_interval: 1s
  scrape_timeout: 1s
scrape_configs:
  - job_name: orrery
    authorization:
      type: Bearer
      credentials_file: $TMP/token
    static_configs:
      - targets: ["127.0.0.1:$PORT"]
rule_files:
  - $PWD/docs/monitoring/alerts.rules.yml
YAML
promtool check config "$TMP/prometheus.yml" >/dev/null || fail "the temporary prometheus.yml does not check"
prometheus --config.file="$TMP/prometheus.yml" --storage.tsdb.path="$TMP/tsdb" \
  --web.listen-address="127.0.0.1:$PROM_PORT" >"$TMP/prometheus.log" 2>&1 &
PROM_PID=$!

query() {
  curl -fsS --get "http://127.0.0.1:$PROM_PORT/api/v1/query" --data-urlencode "query=$1" 2>/dev/null || true
}
# The sum of every orrery_satellites series Prometheus holds, or nothing while it has none.
sum_of() {
  node -e '
    let text = ""; process.stdin.on("data", (c) => (text += c)).on("end", () => {
      try {
        const r = JSON.parse(text).data.result;
        if (r.length) process.stdout.write(String(r.reduce((n, s) => n + Number(s.value[1]), 0)));
      } catch {}
    });'
}
TOTAL=""
for i in $(seq 1 60); do
  kill -0 "$PROM_PID" 2>/dev/null || fail "prometheus exited"
  TOTAL="$(query 'orrery_satellites{job="orrery"}' | sum_of)"
  [ -n "$TOTAL" ] && break
  sleep 0.5
done
[ -n "$TOTAL" ] || fail "Prometheus holds no orrery_satellites after 30 s (is the target up? see its log)"
UP="$(query 'up{job="orrery"}' | sum_of)"
[ "$UP" = 1 ] || fail "Prometheus reports the target as down (up = ${UP:-none})"
[ "$TOTAL" = "$FLEET" ] || fail "orrery_satellites sums to $TOTAL through Prometheus, but the fleet has $FLEET"
echo "✓ /metrics: promtool clean, rules check, Prometheus scraped it with the token: orrery_satellites = $TOTAL"
