#!/usr/bin/env bash
# CPU profile of the published Sandbox (or the SmtpFloor) under smtp-source load, with perf.
# JIT symbols come from the runtime's perf map (DOTNET_PerfMapEnabled=1); ReadyToRun is turned
# off so that every hot method is JIT-compiled and named, and W^X off so perf can read the map.
# Usage: bench/profile/perf-ingest.sh sandbox|floor OUT_DIR [sessions] [messages] [size]
# Needs: perf (Debian linux-perf), bench/harness/setup-tools.sh, the Sandbox published to
# $SANDBOX_PUBLISH (/tmp/sandbox-publish) or SmtpFloor to $SMTP_FLOOR_PUBLISH (/tmp/smtp-floor).
set -euo pipefail
WHAT=${1:?sandbox or floor}; OUT=${2:?output dir}; S=${3:-16}; M=${4:-30000}; L=${5:-2000}
mkdir -p "$OUT"
export LD_LIBRARY_PATH=/tmp/postfix-x/usr/lib/postfix
SRC=/tmp/postfix-x/usr/sbin/smtp-source
export DOTNET_PerfMapEnabled=1 DOTNET_ReadyToRun=0 DOTNET_EnableWriteXorExecute=0
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
http=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
if [ "$WHAT" = floor ]; then
  dotnet "${SMTP_FLOOR_PUBLISH:-/tmp/smtp-floor}/SmtpFloor.dll" "$port" >"$OUT/server.log" 2>&1 &
else
  ASPNETCORE_URLS="http://127.0.0.1:$http" Sandbox__ListenAddress=127.0.0.1 Sandbox__Smtp__Port="$port" \
    Sandbox__Imap__Port=0 Sandbox__Pop3__Port=0 Sandbox__Store__MaxMessages=200000 Sandbox__Store__MaxBytes=4294967296 \
    dotnet "${SANDBOX_PUBLISH:-/tmp/sandbox-publish}/Sandbox.Server.dll" >"$OUT/server.log" 2>&1 &
fi
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; do sleep 0.1; done
"$SRC" -4 -d -s "$S" -m 4000 -l "$L" -f a@x.test -t b@y.test 127.0.0.1:"$port"   # warm-up (JIT)
perf record -F 2000 -g -p "$PID" -o "$OUT/perf.data" -- sleep 6 2>/dev/null &
PP=$!
sleep 0.3
t0=$(awk '{print $14+$15}' /proc/$PID/stat); s=$(date +%s.%N)
"$SRC" -4 -d -s "$S" -m "$M" -l "$L" -f a@x.test -t b@y.test 127.0.0.1:"$port"
e=$(date +%s.%N); t1=$(awk '{print $14+$15}' /proc/$PID/stat)
wait $PP
python3 -c "d=$e-$s; print('$WHAT s=$S l=$L m=$M: %.0f msg/s, %.3f ms CPU per message (JIT only, no ReadyToRun)'%($M/d, ($t1-$t0)*10/$M))" | tee "$OUT/summary.txt"
set +o pipefail   # head closes the pipes early
{ echo; echo "## by thread and binary"; perf report -i "$OUT/perf.data" --no-children --sort comm,dso -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -15
  echo; echo "## top functions (self)"; perf report -i "$OUT/perf.data" --no-children --sort sym -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -40 | cut -c1-220
  echo; echo "## Sandbox, SmtpServer and MimeKit frames (inclusive)"; perf report -i "$OUT/perf.data" --children --sort sym -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | grep -E 'Sandbox\.(Core|Protocols|Server)\.[A-Za-z.]+::|SmtpServer\.[A-Za-z.]+::|MimeKit\.[A-Za-z.]+::' | head -40 | cut -c1-220
} >> "$OUT/summary.txt"
rm -f "$OUT/perf.data"
