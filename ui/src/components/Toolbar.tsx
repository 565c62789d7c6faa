import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import * as controller from '../controller';
import { withRecipient } from '../search';
import { connection, query, recipients, showHelp, theme, unreadCount, type Theme } from '../state';

const connectionText = { connecting: 'Connecting…', connected: 'Live', reconnecting: 'Reconnecting…', disconnected: 'Offline' };

export function Toolbar() {
  const notifyOn = useSignal(controller.notifications.enabled());
  const confirmDeleteAll = useSignal(false);
  const picked = /(?:^|\s)to:("[^"]*"|\S+)/i.exec(query.value)?.[1]?.replace(/"/g, '') ?? '';
  const input = useRef<HTMLInputElement>(null);

  return (
    <header class="toolbar">
      <h1>
        <a href="/" onClick={(e) => { e.preventDefault(); controller.open(null); }}>Sandbox</a>
        <span class="badge" data-testid="unread" title="Unread messages">{unreadCount.value}</span>
      </h1>
      <form class="search" role="search" onSubmit={(e) => { e.preventDefault(); controller.setQuery(input.current?.value ?? '', true); }}>
        <input
          ref={input}
          id="search"
          type="search"
          placeholder="Search: to: from: subject: is:unread has:attachment -word  (press /)"
          value={query.value}
          onInput={(e) => controller.setQuery((e.currentTarget as HTMLInputElement).value)}
          aria-label="Search"
        />
      </form>
      <select aria-label="Recipient" data-testid="recipients" value={picked} onChange={(e) => controller.setQuery(withRecipient(query.value, (e.currentTarget as HTMLSelectElement).value || null), true)}>
        <option value="">All recipients</option>
        {picked && !recipients.value.includes(picked) && <option value={picked}>{picked}</option>}
        {recipients.value.map((r) => <option value={r}>{r}</option>)}
      </select>
      <div class="tools">
        <button type="button" onClick={() => void controller.markAllRead()} data-testid="mark-all-read">Mark all read</button>
        {confirmDeleteAll.value ? (
          <span class="confirm">
            Delete every message?
            <button type="button" class="danger" data-testid="confirm-delete-all" onClick={() => { confirmDeleteAll.value = false; void controller.removeAll(); }}>Delete all</button>
            <button type="button" onClick={() => (confirmDeleteAll.value = false)}>Cancel</button>
          </span>
        ) : (
          <button type="button" data-testid="delete-all" onClick={() => (confirmDeleteAll.value = true)}>Delete all</button>
        )}
        <button
          type="button"
          aria-pressed={notifyOn.value}
          title="Browser notifications for new mail while this tab is in the background"
          onClick={async () => {
            if (notifyOn.value) { controller.notifications.disable(); notifyOn.value = false; }
            else notifyOn.value = await controller.notifications.enable();
          }}
        >
          Notify: {notifyOn.value ? 'on' : 'off'}
        </button>
        <select aria-label="Theme" data-testid="theme" value={theme.value} onChange={(e) => setTheme((e.currentTarget as HTMLSelectElement).value as Theme)}>
          <option value="auto">Auto</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
        <button type="button" onClick={() => (showHelp.value = true)} title="Keyboard shortcuts (?)">?</button>
        <span class={`conn ${connection.value}`} data-testid="connection" data-state={connection.value} role="status">
          <span class="led" />{connectionText[connection.value]}
        </span>
      </div>
    </header>
  );
}

export function setTheme(value: Theme): void {
  theme.value = value;
  localStorage.setItem('theme', value);
  document.documentElement.dataset['theme'] = value;
}
