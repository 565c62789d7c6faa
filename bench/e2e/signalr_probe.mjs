#!/usr/bin/env node
// SignalR push latency (Node 20, no package of its own: @microsoft/signalr and ws come from
// the repo's ui/node_modules, so run `cd ui && npm ci` once).
//
//   node bench/e2e/signalr_probe.mjs --smtp P --http P [--n 20] [--warmup 2]
//
// One hub connection to http://127.0.0.1:HTTP/hubs/inbox (WebSockets, no Origin header, as
// any non-browser client), then N+warmup probes, one after the other: one message over raw
// SMTP from this same process (EHLO, MAIL, RCPT to a unique address, DATA, QUIT) and the
// MessageAdded push for it, matched on the summary's subject and To address.
//   push_ms            = push received - `250` after the final "." received (performance.now()).
//                        Can be slightly negative and keeps its sign: the store commits and the
//                        broadcaster may push before the SMTP reply is written, or both arrive in
//                        the same event-loop turn and the push's callback runs first.
//   connect_to_push_ms = push received - SMTP connect started (the whole send + push).
// Prints one JSON line, like extra.py; bench/e2e/run-extra.sh collects it.
import { createRequire } from 'node:module';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';

const require = createRequire(new URL('../../ui/package.json', import.meta.url));
const signalR = require('@microsoft/signalr');

function args() {
  const a = { smtp: 0, http: 0, n: 20, warmup: 2, timeout: 10000 };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in a)) throw new Error(`unknown option ${argv[i]}`);
    a[key] = Number(argv[i + 1]);
  }
  if (!a.smtp || !a.http) throw new Error('usage: signalr_probe.mjs --smtp P --http P [--n 20] [--warmup 2]');
  return a;
}

const out = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');

// Same rank rule as extra.py's pct().
function pct(xs, p) {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.round((p / 100) * (s.length - 1)))];
}

const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Sends one message; resolves with the times of the connect start and of the 250 after ".". */
function sendOne(port, rcpt, subject) {
  return new Promise((resolve, reject) => {
    const t = { connect: performance.now(), accepted: 0 };
    const sock = net.connect({ host: '127.0.0.1', port, noDelay: true });
    const steps = [
      [220, () => 'EHLO bench.local'],
      [250, () => 'MAIL FROM:<sender@bench.local>'],
      [250, () => `RCPT TO:<${rcpt}>`],
      [250, () => 'DATA'],
      [354, () => `From: sender@bench.local\r\nTo: ${rcpt}\r\nSubject: ${subject}\r\n\r\nbody\r\n.`],
      [250, () => { t.accepted = performance.now(); return 'QUIT'; }],
      [221, null],
    ];
    let buf = '';
    sock.setEncoding('latin1');
    sock.on('data', (chunk) => {
      buf += chunk;
      let nl;
      while ((nl = buf.indexOf('\r\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 2);
        if (line[3] === '-') continue; // a multi-line reply goes on
        const [code, next] = steps.shift();
        if (Number(line.slice(0, 3)) !== code) {
          sock.destroy();
          reject(new Error(`expected ${code}, got: ${line}`));
          return;
        }
        if (next) sock.write(next() + '\r\n');
        else { sock.end(); resolve(t); }
      }
    });
    sock.on('error', reject);
  });
}

async function main() {
  const a = args();
  const pending = new Map(); // subject -> { rcpt, resolve }
  const hub = new signalR.HubConnectionBuilder()
    .withUrl(`http://127.0.0.1:${a.http}/hubs/inbox`, { transport: signalR.HttpTransportType.WebSockets })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  hub.on('Stats', () => {}); // one per drained batch; a handler keeps the client from warning
  hub.on('MessageAdded', (m) => {
    const t = performance.now();
    const p = pending.get(m.subject);
    if (p && (m.to ?? []).some((x) => x.address === p.rcpt)) {
      pending.delete(m.subject);
      p.resolve(t);
    }
  });

  const c0 = performance.now();
  await hub.start();
  const hubConnectMs = performance.now() - c0;

  const push = [];
  const total = [];
  try {
    for (let i = 0; i < a.n + a.warmup; i++) {
      const token = randomUUID().replaceAll('-', '').slice(0, 12);
      const rcpt = `s${token}@bench.local`;
      const subject = `signalr ${token}`;
      let timer;
      const pushed = new Promise((resolve, reject) => {
        pending.set(subject, { rcpt, resolve });
        timer = setTimeout(() => reject(new Error(`no MessageAdded for ${subject} within ${a.timeout} ms`)), a.timeout);
      });
      const [sent, tPush] = await Promise.all([sendOne(a.smtp, rcpt, subject), pushed]);
      clearTimeout(timer);
      if (i >= a.warmup) {
        push.push(tPush - sent.accepted);
        total.push(tPush - sent.connect);
      }
      await new Promise((r) => setTimeout(r, 20)); // let the batch's Stats push go by
    }
  } catch (e) {
    out({ scenario: 'signalr_push', error: String(e.message ?? e) });
    await hub.stop();
    process.exitCode = 1;
    return;
  }
  await hub.stop();
  out({
    scenario: 'signalr_push', n: push.length, median_ms: median(push), p90_ms: pct(push, 90),
    min_ms: Math.min(...push), max_ms: Math.max(...push), negative: push.filter((x) => x < 0).length,
    connect_to_push_median_ms: median(total), connect_to_push_p90_ms: pct(total, 90),
    hub_connect_ms: hubConnectMs, samples_ms: push.map((x) => Math.round(x * 1000) / 1000),
  });
}

await main();
