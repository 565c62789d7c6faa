#!/usr/bin/env python3
"""Medians (and min/max) of bench/e2e/run-extra.sh results, Sandbox vs Dovecot, as Markdown."""
import json, statistics, sys
from collections import defaultdict

rows = [json.loads(l) for f in sys.argv[1:] for l in open(f) if l.strip()]
meta = [r for r in rows if r.get("meta")]
vals = defaultdict(list)
for r in rows:
    if r.get("meta") or "target" not in r:
        continue
    for k, v in r.items():
        if isinstance(v, (int, float)) and k not in ("round", "n", "exists", "maildrop", "negative"):
            vals[(r["scenario"], k, r["target"])].append(v)

metrics = [("wait_wakeup", "median_ms", "wait: 250 -> wait response (median of 20)", "ms"),
           ("wait_wakeup", "p90_ms", "wait: 250 -> wait response (p90 of 20)", "ms"),
           ("signalr_push", "median_ms", "SignalR: 250 -> MessageAdded push (median of 20)", "ms"),
           ("signalr_push", "p90_ms", "SignalR: 250 -> MessageAdded push (p90 of 20)", "ms"),
           ("imap_fetch_env_bs", "first_ms", "IMAP FETCH 1:* (ENVELOPE BODYSTRUCTURE), first", "ms"),
           ("imap_fetch_env_bs", "warm_median_ms", "IMAP FETCH 1:* (ENVELOPE BODYSTRUCTURE), warm", "ms"),
           ("pop3_retr", "retr_all_ms", "POP3 RETR x 1,000", "ms"),
           ("pop3_retr", "login_ms", "POP3 connect + USER/PASS", "ms")]
for m in meta:
    print(f"<!-- {json.dumps(m)} -->")
print("| Metric | unit | n | Sandbox median (min-max) | Dovecot median (min-max) | Sandbox / Dovecot |")
print("|---|---|---:|---:|---:|---:|")
for scen, key, label, unit in metrics:
    s, d = vals.get((scen, key, "sandbox"), []), vals.get((scen, key, "dovecot"), [])
    if not s and not d:
        continue  # a scenario not run (run-extra.sh -s)
    fmt = lambda xs: f"{statistics.median(xs):.1f} ({min(xs):.1f}-{max(xs):.1f})" if xs else "-"
    ratio = f"{statistics.median(s) / statistics.median(d):.2f}x" if s and d else "-"
    print(f"| {label} | {unit} | {max(len(s), len(d))} | {fmt(s)} | {fmt(d)} | {ratio} |")
