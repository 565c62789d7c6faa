#!/usr/bin/env bash
# The scenarios beyond the shared harness, Sandbox vs Dovecot where Dovecot has the feature,
# interleaved over ROUNDS rounds (S D, D S, S D ...), a fresh process for every round:
#   wait    - /api/v1/messages/wait wake-up after the SMTP 250 (Sandbox only)
#   signalr - SMTP 250 -> MessageAdded push on a connected /hubs/inbox client (Sandbox only;
#             signalr_probe.mjs, Node 20, @microsoft/signalr from ui/node_modules: cd ui && npm ci)
#   imap    - FETCH 1:* (ENVELOPE BODYSTRUCTURE) over N stored ~2 KB messages
#   pop3    - RETR of 1,000 messages from a maildrop of N
# Usage: bench/e2e/run-extra.sh [-r ROUNDS] [-n N] [-s SCENARIOS] [-o OUT.jsonl]
#   -s  comma-separated subset of wait,signalr,imap,pop3 (default: all). The fill of N messages
#       and the Dovecot rounds run only when imap or pop3 is asked for.
# Needs: the Sandbox published to $SANDBOX_PUBLISH (default /tmp/sandbox-publish),
# bench/harness/setup-tools.sh (smtp-source), apt-get install -y dovecot-imapd dovecot-pop3d.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROUNDS=3; N=10000; OUT=""; SCENARIOS="wait,signalr,imap,pop3"
while getopts "r:n:s:o:" o; do
  case "$o" in r) ROUNDS="$OPTARG" ;; n) N="$OPTARG" ;; s) SCENARIOS="$OPTARG" ;; o) OUT="$OPTARG" ;; *) exit 1 ;; esac
done
for s in ${SCENARIOS//,/ }; do
  case "$s" in wait | signalr | imap | pop3) ;; *) echo "unknown scenario $s (wait, signalr, imap, pop3)" >&2; exit 1 ;; esac
done
want() { [[ ",$SCENARIOS," == *",$1,"* ]]; }
mailbox=false; if want imap || want pop3; then mailbox=true; fi
OUT="${OUT:-$HERE/../results/extra-$(date +%Y%m%d-%H%M%S).jsonl}"
mkdir -p "$(dirname "$OUT")"
SANDBOX_PUBLISH="${SANDBOX_PUBLISH:-/tmp/sandbox-publish}"
[ -f "$SANDBOX_PUBLISH/Sandbox.Server.dll" ] || { echo "publish the Sandbox to $SANDBOX_PUBLISH first" >&2; exit 1; }
PY="python3 $HERE/extra.py"
if want signalr; then
  [ -d "$HERE/../../ui/node_modules/@microsoft/signalr" ] || { echo "run (cd ui && npm ci) first: signalr_probe.mjs needs @microsoft/signalr" >&2; exit 1; }
fi
total() { curl -fs "http://127.0.0.1:$1/api/v1/messages?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }
fp() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
tag() { python3 -c 'import json,sys; [print(json.dumps({**json.loads(l), "target": sys.argv[1], "round": int(sys.argv[2])})) for l in sys.stdin if l.strip()]' "$1" "$2" >>"$OUT"; }

SANDBOX_PID=""
# A failing scenario exits the script (set -e): stop the Sandbox this script started, by its PID.
trap '[ -n "$SANDBOX_PID" ] && kill "$SANDBOX_PID" 2>/dev/null; true' EXIT

sandbox_round() {
  local r=$1 smtp http imap pop3 pid
  smtp=$(fp); http=$(fp); imap=$(fp); pop3=$(fp)
  ASPNETCORE_URLS="http://127.0.0.1:$http" Sandbox__ListenAddress=127.0.0.1 Sandbox__Smtp__Port="$smtp" \
    Sandbox__Imap__Port="$imap" Sandbox__Pop3__Port="$pop3" Sandbox__Store__MaxMessages=200000 \
    Sandbox__Store__MaxBytes=4294967296 dotnet "$SANDBOX_PUBLISH/Sandbox.Server.dll" >"/tmp/extra-sandbox-$r.log" 2>&1 &
  pid=$!; SANDBOX_PID=$pid
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$http/api/v1/messages?limit=1" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { cat "/tmp/extra-sandbox-$r.log" >&2; exit 1; }
    sleep 0.05
  done
  if want wait; then $PY wait --smtp "$smtp" --http "$http" --n 20 | tag sandbox "$r"; fi
  if want signalr; then node "$HERE/signalr_probe.mjs" --smtp "$smtp" --http "$http" --n 20 | tag sandbox "$r"; fi
  if $mailbox; then
    local before; before=$(total "$http")
    $PY fill --smtp "$smtp" --n "$N" --sessions 8 | tag sandbox "$r"
    until [ "$(total "$http")" -ge "$((before + N))" ]; do sleep 0.2; done
  fi
  if want imap; then $PY imap --port "$imap" --runs 5 | tag sandbox "$r"; fi
  if want pop3; then $PY pop3 --port "$pop3" --n 1000 | tag sandbox "$r"; fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  SANDBOX_PID=""
}

dovecot_round() {
  local r=$1
  "$HERE/dovecot.sh" setup "$N" >/dev/null
  "$HERE/dovecot.sh" start
  if want imap; then $PY imap --port "${DC_IMAP:-10143}" --runs 5 | tag dovecot "$r"; fi
  if want pop3; then $PY pop3 --port "${DC_POP3:-10110}" --n 1000 | tag dovecot "$r"; fi
  "$HERE/dovecot.sh" stop
}

dovecot_version="$(/usr/sbin/dovecot --version 2>/dev/null || echo '?')"
echo "{\"meta\": true, \"date\": \"$(date -u +%FT%TZ)\", \"dovecot\": \"$dovecot_version\", \"n\": $N, \"rounds\": $ROUNDS, \"scenarios\": \"$SCENARIOS\", \"node\": \"$(node --version 2>/dev/null || echo '?')\", \"loadavg\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}" >>"$OUT"
for ((r = 1; r <= ROUNDS; r++)); do
  if ! $mailbox; then sandbox_round "$r"
  elif ((r % 2)); then sandbox_round "$r"; dovecot_round "$r"
  else dovecot_round "$r"; sandbox_round "$r"; fi
done
python3 "$HERE/extra_report.py" "$OUT"
