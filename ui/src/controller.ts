import { batch } from '@preact/signals';
import * as api from './api';
import * as state from './state';
import type { Summary } from './types';

export const pageSize = 500;
let lastUidValidity: number | null = null;
let searchGeneration = 0;
let searchTimer: ReturnType<typeof setTimeout> | undefined;

/** Reloads the first page of the current view (search or all mail). */
export async function reload(): Promise<void> {
  const generation = ++searchGeneration;
  state.loading.value = true;
  try {
    state.beginPageLoad();
    const page = await api.listMessages(state.query.value, pageSize);
    if (generation === searchGeneration) state.setPage(page.items, page.total, page.next, page.cursor);
  } finally {
    if (generation === searchGeneration) state.loading.value = false;
  }
}

/** Loads the next older page when the list is scrolled near its end. */
export async function loadMore(): Promise<void> {
  const before = state.nextPage.value;
  if (before === null || state.loading.value) return;
  const generation = searchGeneration;
  state.loading.value = true;
  try {
    const page = await api.listMessages(state.query.value, pageSize, before);
    if (generation === searchGeneration) state.appendPage(page.items, page.next);
  } finally {
    state.loading.value = false;
  }
}

/** After (re)connecting or a Resync event: everything may have changed, even the server. */
export async function resync(): Promise<void> {
  try {
    const info = await api.getInfo();
    if (lastUidValidity !== null && info.uidValidity !== lastUidValidity) {
      state.notice.value = `The Sandbox restarted: its store was reset and now holds ${info.messages} message(s).`;
      // Sequence numbers restart with the new store: forget the old list before reloading.
      state.onStoreCleared();
      state.openDeleted.value = state.openId.value !== null;
    }
    lastUidValidity = info.uidValidity;
  } catch {
    // The reload below reports nothing either; the connection indicator says enough.
  }
  await reload();
}

/** Sets the search and asks the server (debounced while typing). */
export function setQuery(q: string, immediate = false): void {
  state.query.value = q;
  syncUrl(false);
  clearTimeout(searchTimer);
  if (immediate) void reload();
  else searchTimer = setTimeout(() => void reload(), 200);
}

export function refreshSearch(): void {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => void reload(), 100);
}

/** Opens a message: its own URL, marked read. */
export function open(id: string | null, push = true): void {
  batch(() => {
    state.openId.value = id;
    state.openDeleted.value = false;
    if (id) {
      const index = state.messages.value.findIndex((m) => m.id === id);
      if (index >= 0) state.focusIndex.value = index;
    }
  });
  if (push) syncUrl(true);
}

export async function remove(id: string): Promise<void> {
  const list = state.messages.value;
  const index = list.findIndex((m) => m.id === id);
  await api.deleteMessage(id);
  state.onMessagesRemoved([id]);
  if (state.openId.value === id) {
    const next = list[index + 1] ?? list[index - 1];
    open(next && next.id !== id ? next.id : null);
  }
}

export async function removeAll(): Promise<void> {
  await api.deleteAll();
  state.onStoreCleared();
  open(null);
}

export async function setRead(id: string, read: boolean): Promise<void> {
  await api.setRead(id, read);
  state.onFlagsChanged(id, read);
}

export async function markAllRead(): Promise<void> {
  await api.markAllRead();
}

export function moveFocus(delta: number): void {
  const count = state.messages.value.length;
  if (count === 0) return;
  state.focusIndex.value = Math.max(0, Math.min(count - 1, state.focusIndex.value + delta));
}

export function openFocused(): void {
  const m = state.messages.value[state.focusIndex.value];
  if (m) open(m.id);
}

/** /messages/{id}?q=... so reload and share work. */
export function syncUrl(push: boolean): void {
  const id = state.openId.value;
  const path = id ? `/messages/${encodeURIComponent(id)}` : '/';
  const q = state.query.value.trim();
  const url = q ? `${path}?q=${encodeURIComponent(q)}` : path;
  if (url === location.pathname + location.search) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

export function readUrl(): void {
  const match = /^\/messages\/([^/]+)/.exec(location.pathname);
  batch(() => {
    state.openId.value = match ? decodeURIComponent(match[1]!) : null;
    state.query.value = new URLSearchParams(location.search).get('q') ?? '';
  });
}

/** Browser notifications, opt-in: only when the page is hidden. */
export const notifications = {
  enabled(): boolean {
    return typeof Notification !== 'undefined' && Notification.permission === 'granted' && localStorage.getItem('notify') === '1';
  },
  async enable(): Promise<boolean> {
    if (typeof Notification === 'undefined') return false;
    const permission = await Notification.requestPermission();
    localStorage.setItem('notify', permission === 'granted' ? '1' : '0');
    return permission === 'granted';
  },
  disable(): void {
    localStorage.setItem('notify', '0');
  },
  show(m: Summary): void {
    if (!this.enabled() || !document.hidden) return;
    const from = m.from?.name || m.from?.address || 'unknown sender';
    // Notification text is plain text: no markup from the mail is interpreted.
    new Notification(m.subject || '(no subject)', { body: `From ${from}`, tag: m.id });
  },
};
