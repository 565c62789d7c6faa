#!/usr/bin/env bash
# A throwaway Dovecot (Debian's dovecot-imapd + dovecot-pop3d) as the reference IMAP/POP3
# server: config, state and mail under $DC (default /tmp/dovecot-bench), 127.0.0.1 only,
# plaintext login with one static password, a Maildir of N ~2 KB messages.
#   dovecot.sh setup N       write the config and N messages (replaces an old maildir)
#   dovecot.sh start         start in the background (pid in $DC/pid); ports $DC_IMAP / $DC_POP3
#   dovecot.sh stop          stop the one started here (by pid)
# Install once: apt-get install -y dovecot-imapd dovecot-pop3d (the service itself stays off;
# Debian's policy-rc.d in this container keeps it from starting).
set -euo pipefail
DC="${DC:-/tmp/dovecot-bench}"
DC_IMAP="${DC_IMAP:-10143}"
DC_POP3="${DC_POP3:-10110}"
case "${1:-}" in
  setup)
    n="${2:-10000}"
    rm -rf "$DC"; mkdir -p "$DC/run" "$DC/state" "$DC/mail/bench/cur" "$DC/mail/bench/new" "$DC/mail/bench/tmp"
    cat >"$DC/dovecot.conf" <<CONF
base_dir = $DC/run
state_dir = $DC/state
log_path = $DC/dovecot.log
protocols = imap pop3
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:$DC/mail/%u
first_valid_uid = 1
passdb {
  driver = static
  args = password=bench
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$DC/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $DC_IMAP
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    address = 127.0.0.1
    port = $DC_POP3
  }
  inet_listener pop3s {
    port = 0
  }
}
protocol pop3 {
  pop3_uidl_format = %08Xu%08Xv
}
CONF
    python3 - "$DC/mail/bench/cur" "$n" <<'PY'
import os, sys, time
d, n = sys.argv[1], int(sys.argv[2])
body = ("La de da de da 1. La de da de da 2. La de da de da 3. La de da de da 4.\r\n" * 28)[:2000]
now = int(time.time())
for i in range(1, n + 1):
    msg = (f"From: sender@bench.local\r\nTo: rcpt@bench.local\r\nDate: Sat, 28 Nov 2026 10:00:00 +0000\r\n"
           f"Message-Id: <{i}.bench@bench.local>\r\nSubject: bench message {i}\r\n\r\n{body}\r\n")
    with open(os.path.join(d, f"{now}.M{i}P1.bench,S={len(msg)}:2,"), "w", newline="") as f:
        f.write(msg)
PY
    chown -R nobody:nogroup "$DC/mail"
    ;;
  start)
    /usr/sbin/dovecot -F -c "$DC/dovecot.conf" >"$DC/stdout.log" 2>&1 &
    echo $! >"$DC/pid"
    for _ in $(seq 1 100); do
      (exec 3<>/dev/tcp/127.0.0.1/"$DC_IMAP") 2>/dev/null && (exec 3<>/dev/tcp/127.0.0.1/"$DC_POP3") 2>/dev/null && exit 0
      sleep 0.05
    done
    cat "$DC/dovecot.log" "$DC/stdout.log" >&2; exit 1
    ;;
  stop)
    [ -f "$DC/pid" ] && kill "$(cat "$DC/pid")" 2>/dev/null || true
    sleep 0.5
    ;;
  *) sed -n '2,10p' "$0"; exit 1 ;;
esac
