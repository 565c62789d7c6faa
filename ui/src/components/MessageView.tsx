import { useSignal, useSignalEffect } from '@preact/signals';
import * as api from '../api';
import * as controller from '../controller';
import { formatAddress, formatSize } from '../format';
import { messages, openDeleted, openId } from '../state';
import type { Message } from '../types';
import { HtmlPreview } from './HtmlPreview';

type Tab = 'html' | 'text' | 'headers' | 'raw' | 'attachments' | 'links' | 'smtp';

const tabNames: Record<Tab, string> = {
  html: 'HTML',
  text: 'Text',
  headers: 'Headers',
  raw: 'Raw',
  attachments: 'Attachments',
  links: 'Links & codes',
  smtp: 'SMTP',
};

/** The reading pane: the open message with its tabs and actions. */
export function MessageView() {
  const message = useSignal<Message | null>(null);
  const error = useSignal<string | null>(null);
  const tab = useSignal<Tab>('html');
  const raw = useSignal<string | null>(null);
  const imagesFor = useSignal<string | null>(null);

  useSignalEffect(() => {
    const id = openId.value;
    message.value = null;
    error.value = null;
    raw.value = null;
    if (!id) return;
    let current = true;
    api
      .getMessage(id)
      .then((m) => {
        if (!current) return;
        message.value = m;
        if (tab.value === 'html' && !m.html) tab.value = 'text';
        if (!m.read) void controller.setRead(m.id, true).then(() => current && message.value && (message.value = { ...message.value, read: true }));
      })
      .catch((e: unknown) => {
        if (current) error.value = e instanceof api.ApiError && e.status === 404 ? 'This message no longer exists.' : 'Could not load the message.';
      });
    return () => {
      current = false;
    };
  });

  useSignalEffect(() => {
    const m = message.value;
    if (tab.value === 'raw' && m && raw.value === null) {
      void api.getRaw(m.id).then((text) => (raw.value = text)).catch(() => (raw.value = '(could not load the raw source)'));
    }
  });

  if (!openId.value) {
    return (
      <section class="reader placeholder" aria-label="Reading pane">
        <p>Select a message to read it. Press <kbd>?</kbd> for keyboard shortcuts.</p>
      </section>
    );
  }
  if (openDeleted.value || error.value) {
    return (
      <section class="reader placeholder" aria-label="Reading pane">
        <p data-testid="gone">{error.value ?? 'This message was deleted.'}</p>
        <button type="button" onClick={() => controller.open(null)}>Back to the list</button>
      </section>
    );
  }
  const loaded = message.value;
  if (!loaded) return <section class="reader placeholder" aria-label="Reading pane"><p class="muted">Loading…</p></section>;
  // The read flag follows the list, which hears FlagsChanged from every browser.
  const listed = messages.value.find((x) => x.id === loaded.id);
  const m = listed && listed.read !== loaded.read ? { ...loaded, read: listed.read } : loaded;

  return (
    <section class="reader" aria-label="Reading pane" data-testid="reader">
      <div class="actions">
        <button type="button" class="back" onClick={() => controller.open(null)} aria-label="Back to the list">←</button>
        <button type="button" data-testid="delete" onClick={() => void controller.remove(m.id)} title="Delete (Del)">Delete</button>
        <button type="button" data-testid="toggle-read" onClick={() => void controller.setRead(m.id, !m.read).then(() => (message.value = { ...m, read: !m.read }))}>
          Mark {m.read ? 'unread' : 'read'}
        </button>
        <a class="button" href={api.rawUrl(m.id)} download={`${m.id}.eml`}>Download .eml</a>
      </div>
      <header class="meta">
        <h2 data-testid="subject">{m.subject || '(no subject)'}</h2>
        <dl>
          <dt>From</dt><dd>{formatAddress(m.from)}</dd>
          <dt>To</dt><dd>{m.to.map(formatAddress).join(', ') || '(none)'}</dd>
          {m.cc.length > 0 && (<><dt>Cc</dt><dd>{m.cc.map(formatAddress).join(', ')}</dd></>)}
          {m.bcc.length > 0 && (<><dt>Bcc</dt><dd>{m.bcc.join(', ')}</dd></>)}
          <dt>Date</dt><dd>{new Date(m.date ?? m.receivedAt).toLocaleString()} · {formatSize(m.size)}</dd>
        </dl>
      </header>
      <nav class="tabs" role="tablist">
        {(Object.keys(tabNames) as Tab[]).map((t) => (
          <button type="button" role="tab" aria-selected={tab.value === t} class={tab.value === t ? 'active' : ''} onClick={() => (tab.value = t)} data-tab={t}>
            {tabNames[t]}
            {t === 'attachments' && m.attachments.length > 0 ? ` (${m.attachments.length})` : ''}
          </button>
        ))}
      </nav>
      <div class="tab-body" role="tabpanel">
        {tab.value === 'html' &&
          (m.html ? (
            <HtmlPreview message={m} loadImages={imagesFor.value === m.id} onLoadImages={() => (imagesFor.value = m.id)} />
          ) : (
            <p class="muted">This message has no HTML body.</p>
          ))}
        {tab.value === 'text' && (m.text ? <pre class="text-body">{m.text}</pre> : <p class="muted">This message has no text body.</p>)}
        {tab.value === 'headers' && (
          <table class="headers">
            <tbody>
              {m.headers.map((h) => (
                <tr><th>{h.name}</th><td>{h.value}</td></tr>
              ))}
            </tbody>
          </table>
        )}
        {tab.value === 'raw' && <pre class="raw" data-testid="raw">{raw.value ?? 'Loading…'}</pre>}
        {tab.value === 'attachments' && <Attachments m={m} />}
        {tab.value === 'links' && <LinksAndCodes m={m} />}
        {tab.value === 'smtp' && <Smtp m={m} />}
      </div>
    </section>
  );
}

function Attachments({ m }: { m: Message }) {
  if (m.attachments.length === 0) return <p class="muted">No attachments.</p>;
  return (
    <ul class="attachments">
      {m.attachments.map((a) => (
        <li>
          <a href={api.partUrl(m.id, a.partId)} download={a.fileName ?? a.partId}>{a.fileName ?? `part ${a.partId}`}</a>
          <span class="muted"> {a.contentType} · {formatSize(a.size)}{a.inline ? ' · inline' : ''}{a.contentId ? ` · cid:${a.contentId}` : ''}</span>
          <code class="hash">sha256 {a.sha256}</code>
        </li>
      ))}
    </ul>
  );
}

function LinksAndCodes({ m }: { m: Message }) {
  if (!m.links && !m.codes) return <p class="muted">This server does not extract links and codes yet.</p>;
  const codes = (m.codes ?? []).map((c) => (typeof c === 'string' ? c : String(c.code)));
  return (
    <div class="links">
      <h3>Codes</h3>
      {codes.length ? <ul>{codes.map((c) => <li><code>{c}</code></li>)}</ul> : <p class="muted">None found.</p>}
      <h3>Links</h3>
      {m.links && m.links.length ? (
        <table class="headers">
          <tbody>
            {m.links.map((l) => (
              // Shown as text, never as a live link: a test sees the href, and nothing is followed from our origin.
              <tr><th>{l.text || '(no text)'}</th><td><code>{l.href}</code> <span class="muted">{l.source ?? ''}</span></td></tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">None found.</p>
      )}
    </div>
  );
}

function Smtp({ m }: { m: Message }) {
  const e = m.envelope;
  return (
    <table class="headers" data-testid="smtp">
      <tbody>
        <tr><th>MAIL FROM</th><td>{e.mailFrom || '<>'}</td></tr>
        <tr><th>RCPT TO</th><td>{e.rcptTo.join(', ')}</td></tr>
        <tr><th>Remote address</th><td>{e.remoteEndPoint ?? '—'}</td></tr>
        <tr><th>HELO</th><td>{e.helo ?? '—'}</td></tr>
        <tr><th>TLS</th><td>{e.tls ? 'yes' : 'no'}</td></tr>
        <tr><th>Auth user</th><td>{e.authUser ?? '—'}</td></tr>
        <tr><th>Source</th><td>{e.source}</td></tr>
        {m.warnings.length > 0 && <tr><th>Warnings</th><td>{m.warnings.join('; ')}</td></tr>}
      </tbody>
    </table>
  );
}
