import { useSignal, useSignalEffect } from '@preact/signals';
import { useRef } from 'preact/hooks';
import * as controller from '../controller';
import { formatSize, formatTime, shortAddress } from '../format';
import { focusIndex, loading, messages, nextPage, openId, pageLoaded, total } from '../state';

export const rowHeight = 88;
const overscan = 8;

/**
 * The message list, virtualised: only the rows in view (plus a margin) are in the DOM, so
 * thousands of messages scroll smoothly. Older pages load as the end comes into view.
 */
export function MessageList() {
  const scroller = useRef<HTMLDivElement>(null);
  const scrollTop = useSignal(0);
  const viewport = useSignal(800);

  useSignalEffect(() => {
    // Keep the keyboard cursor in view.
    const index = focusIndex.value;
    const el = scroller.current;
    if (!el) return;
    const top = index * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
  });

  const items = messages.value;
  const first = Math.max(0, Math.floor(scrollTop.value / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop.value + viewport.value) / rowHeight) + overscan);
  if (last >= items.length - overscan && nextPage.value !== null && !loading.value) {
    queueMicrotask(() => void controller.loadMore());
  }

  const onScroll = (e: Event) => {
    const el = e.currentTarget as HTMLDivElement;
    scrollTop.value = el.scrollTop;
    viewport.value = el.clientHeight || 800;
  };

  return (
    <section class="list" aria-label="Messages" data-loaded={pageLoaded.value ? 'true' : 'false'}>
      <div class="list-head">
        <span data-testid="total">{total.value} message{total.value === 1 ? '' : 's'}</span>
        {loading.value && <span class="muted"> loading…</span>}
      </div>
      {items.length === 0 && pageLoaded.value && !loading.value ? (
        <p class="empty" data-testid="empty">
          No messages. Send mail to the SMTP port and it shows up here at once.
        </p>
      ) : (
        <div class="scroller" ref={scroller} onScroll={onScroll} role="listbox" aria-label="Message list" tabIndex={-1}>
          <div class="spacer" style={{ height: `${items.length * rowHeight}px` }}>
            {items.slice(first, last).map((m, i) => {
              const index = first + i;
              const classes = ['row', m.read ? 'read' : 'unread', openId.value === m.id ? 'open' : '', focusIndex.value === index ? 'focused' : ''];
              return (
                <a
                  key={m.id}
                  href={`/messages/${encodeURIComponent(m.id)}`}
                  class={classes.join(' ')}
                  style={{ top: `${index * rowHeight}px` }}
                  role="option"
                  aria-selected={openId.value === m.id}
                  data-id={m.id}
                  onClick={(e) => {
                    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
                    e.preventDefault();
                    controller.open(m.id);
                  }}
                >
                  <span class="from" title={m.from?.address ?? ''}>
                    {!m.read && <span class="dot" aria-label="unread" />}
                    {shortAddress(m.from)}
                  </span>
                  <span class="time" title={new Date(m.receivedAt).toLocaleString()}>
                    {m.hasAttachments && (
                      <svg class="clip" role="img" aria-label="has attachments" viewBox="0 0 24 24" width="13" height="13">
                        <title>Has attachments</title>
                        <path d="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
                      </svg>
                    )}
                    {formatTime(m.receivedAt)}
                  </span>
                  <span class="subject">{m.subject || '(no subject)'}</span>
                  <span class="size">{formatSize(m.size)}</span>
                  <span class="to">to {m.to.map((t) => t.address).join(', ') || '(none)'}</span>
                  <span class="snippet">{m.snippet}</span>
                </a>
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
