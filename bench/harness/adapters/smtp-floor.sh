# Adapter: the floor of the SMTP engine the Sandbox is built on: SmtpServer 11.1.0 with the
# Sandbox's session options and a message store that discards every message
# (bench/SmtpFloor). Not a peer: it shows what the library's session loop alone costs, so the
# gap between it and the Sandbox is the Sandbox's own work. Publish it first, from the
# repository root:  dotnet publish bench/SmtpFloor -c Release -o "$SMTP_FLOOR_PUBLISH"
SMTP_FLOOR_PUBLISH="${SMTP_FLOOR_PUBLISH:-/tmp/smtp-floor}"
TARGET_NAME=smtp-floor
TARGET_VERSION="SmtpServer 11.1.0, discarding store (bench/SmtpFloor, Release, published)"
TARGET_PORTS="SMTP_PORT"
WAIT_PORTS="SMTP_PORT"
target_check() { [ -f "$SMTP_FLOOR_PUBLISH/SmtpFloor.dll" ] || { echo "publish bench/SmtpFloor to $SMTP_FLOOR_PUBLISH first" >&2; return 1; }; }
target_start() { exec dotnet "$SMTP_FLOOR_PUBLISH/SmtpFloor.dll" "$SMTP_PORT"; }
# Keeps no messages: the count command prints a number larger than any run sends, so the
# drain check passes at once (ignore its row in the correctness table).
COUNT_CMD="echo 1000000000"
LIST_URL=""
