#!/usr/bin/env python3
"""Extra end-to-end scenarios the shared harness does not cover (python3 stdlib only).

  extra.py wait  --smtp P --http P [--n 20]
      wake-up latency of GET /api/v1/messages/wait?to=...&timeout=10: a long poll is
      parked first, then one message is sent; measured from the SMTP 250 to the end of
      the wait response (what a test that waits sees).
  extra.py fill  --smtp P --n 10000 [--sessions 8] [--size 2000]
      sends N ~2 KB messages (for the IMAP/POP3 scenarios), with smtp-source.
  extra.py imap  --port P [--user U --password W] [--runs 5]
      LOGIN, SELECT INBOX, then times `FETCH 1:* (ENVELOPE BODYSTRUCTURE)` (whole
      response read), several runs on one connection: first (cold) and the rest.
  extra.py pop3  --port P [--user U --password W] [--n 1000]
      times USER/PASS, then RETR 1..n (every byte read), QUIT without DELE.
Everything prints one JSON line; bench/e2e/run-extra.sh starts the targets and collects.
"""
import argparse, http.client, imaplib, json, os, poplib, smtplib, socket, statistics, subprocess, sys, threading, time, uuid

SMTP_SOURCE = os.environ.get("SMTP_SOURCE", "/tmp/postfix-x/usr/sbin/smtp-source")
SMTP_LIBDIR = os.environ.get("SMTP_SOURCE_LIBDIR", "/tmp/postfix-x/usr/lib/postfix")


def out(obj):
    print(json.dumps(obj), flush=True)


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def cmd_wait(a):
    samples = []
    for i in range(a.n + 1):
        token = uuid.uuid4().hex[:12]
        rcpt = f"w{token}@bench.local"
        result = {}

        def waiter():
            c = http.client.HTTPConnection("127.0.0.1", a.http, timeout=30)
            c.request("GET", f"/api/v1/messages/wait?to={rcpt}&timeout=10")
            r = c.getresponse()
            r.read()
            result["t"] = time.perf_counter()
            result["status"] = r.status
            c.close()

        th = threading.Thread(target=waiter)
        th.start()
        time.sleep(0.2)  # let the long poll park on the server first
        with smtplib.SMTP("127.0.0.1", a.smtp) as s:
            s.sendmail("sender@bench.local", [rcpt], f"Subject: wait {token}\r\n\r\nbody\r\n")
            t250 = time.perf_counter()
        th.join()
        if result.get("status") != 200:
            out({"scenario": "wait", "error": f"status {result.get('status')}"})
            return
        if i > 0:  # the first probe is the cold one
            samples.append((result["t"] - t250) * 1000)
    out({"scenario": "wait_wakeup", "n": len(samples), "median_ms": statistics.median(samples),
         "p90_ms": pct(samples, 90), "min_ms": min(samples)})


def cmd_fill(a):
    env = dict(os.environ, LD_LIBRARY_PATH=SMTP_LIBDIR)
    t0 = time.perf_counter()
    subprocess.run([SMTP_SOURCE, "-4", "-d", "-s", str(a.sessions), "-m", str(a.n), "-l", str(a.size), "-M", "bench.local",
                    "-f", "sender@bench.local", "-t", "rcpt@bench.local", f"127.0.0.1:{a.smtp}"], check=True, env=env)
    out({"scenario": "fill", "n": a.n, "s": time.perf_counter() - t0})


def cmd_imap(a):
    c = imaplib.IMAP4("127.0.0.1", a.port)
    c.login(a.user, a.password)
    typ, data = c.select("INBOX", readonly=True)
    exists = int(data[0])
    runs = []
    size = 0
    for _ in range(a.runs):
        t0 = time.perf_counter()
        typ, data = c.fetch("1:*", "(ENVELOPE BODYSTRUCTURE)")
        runs.append((time.perf_counter() - t0) * 1000)
        size = sum(len(x[0]) + len(x[1]) if isinstance(x, tuple) else len(x) for x in data)
        assert typ == "OK", typ
    c.logout()
    out({"scenario": "imap_fetch_env_bs", "exists": exists, "first_ms": runs[0], "warm_median_ms": statistics.median(runs[1:]),
         "response_bytes": size, "runs_ms": runs})


def cmd_pop3(a):
    t0 = time.perf_counter()
    p = poplib.POP3("127.0.0.1", a.port, timeout=60)
    p.user(a.user)
    p.pass_(a.password)
    count, _ = p.stat()
    n = min(a.n, count)
    total = 0
    t1 = time.perf_counter()
    for i in range(1, n + 1):
        _, lines, octets = p.retr(i)
        total += octets
    t2 = time.perf_counter()
    p.quit()
    out({"scenario": "pop3_retr", "n": n, "maildrop": count, "login_ms": (t1 - t0) * 1000, "retr_all_ms": (t2 - t1) * 1000,
         "msgs_per_s": n / (t2 - t1), "bytes": total})


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("wait"); p.add_argument("--smtp", type=int, required=True); p.add_argument("--http", type=int, required=True); p.add_argument("--n", type=int, default=20); p.set_defaults(f=cmd_wait)
    p = sub.add_parser("fill"); p.add_argument("--smtp", type=int, required=True); p.add_argument("--n", type=int, default=10000); p.add_argument("--sessions", type=int, default=8); p.add_argument("--size", type=int, default=2000); p.set_defaults(f=cmd_fill)
    for name, f in (("imap", cmd_imap), ("pop3", cmd_pop3)):
        p = sub.add_parser(name); p.add_argument("--port", type=int, required=True); p.add_argument("--user", default="bench"); p.add_argument("--password", default="bench")
        p.add_argument("--runs", type=int, default=5); p.add_argument("--n", type=int, default=1000); p.set_defaults(f=f)
    a = ap.parse_args()
    a.f(a)


if __name__ == "__main__":
    main()
