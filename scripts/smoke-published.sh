#!/usr/bin/env bash
# Smoke test of the published app (what the container runs): start it on free ports, send a
# mail over SMTP, read it back over REST, check the healthcheck verb, stop it.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
scripts/publish.sh "$out" > "$out.publish.log" 2>&1 || { cat "$out.publish.log"; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
smtp=$(free_port); http=$(free_port)
log="$out.run.log"
dotnet "$out/Sandbox.Server.dll" --urls "http://127.0.0.1:$http" --Sandbox:Smtp:Port="$smtp" > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$out"' EXIT

for _ in $(seq 1 100); do
  if dotnet "$out/Sandbox.Server.dll" healthcheck --urls "http://127.0.0.1:$http" >/dev/null 2>&1; then break; fi
  kill -0 $pid 2>/dev/null || { cat "$log"; echo "smoke: the published app exited"; exit 1; }
done
dotnet "$out/Sandbox.Server.dll" healthcheck --urls "http://127.0.0.1:$http" || { cat "$log"; echo "smoke: not ready"; exit 1; }

python3 - "$smtp" <<'PY'
import smtplib, sys
from email.message import EmailMessage
m = EmailMessage(); m['From'] = 'smoke@x.test'; m['To'] = 'a@b.test'; m['Subject'] = 'published smoke'; m.set_content('hello')
with smtplib.SMTP('127.0.0.1', int(sys.argv[1])) as s:
    s.send_message(m)
PY
body=$(curl -fsS "http://127.0.0.1:$http/api/v1/messages?to=a@b.test")
echo "$body" | grep -q '"subject":"published smoke"' || { echo "smoke: message not listed: $body"; exit 1; }
curl -fsS "http://127.0.0.1:$http/" | grep -qi '<html' || { echo "smoke: the UI is not served"; exit 1; }
kill $pid; wait $pid || true
grep -qi "unhandled\|fail:" "$log" && { cat "$log"; echo "smoke: errors in the log"; exit 1; }
echo "smoke: 1 passed, 0 failed"
