import { batch, computed, signal } from '@preact/signals';
import { matchesLocally, refine } from './search';
import type { Stats, Summary } from './types';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';
export type Theme = 'auto' | 'light' | 'dark';

/** The summaries of the current view (all mail, or the search), newest first. */
export const messages = signal<Summary[]>([]);
export const total = signal(0);
/** The `before` cursor of the next page, or null when everything is loaded. */
export const nextPage = signal<number | null>(null);
export const loading = signal(false);
/** True once a first page has arrived (tests and the empty-state text wait for it). */
export const pageLoaded = signal(false);
export const stats = signal<Stats | null>(null);
export const connection = signal<ConnectionState>('connecting');
export const query = signal('');
/** The open message (its URL is /messages/{id}). */
export const openId = signal<string | null>(null);
/** The keyboard cursor in the list. */
export const focusIndex = signal(0);
/** Bumped when the open message changed on the server (flags), so the view can refresh. */
export const openDeleted = signal(false);
export const notice = signal<string | null>(null);
export const theme = signal<Theme>('auto');
export const showHelp = signal(false);

/** Unread mail in the whole store (server stats), falling back to the loaded list. */
export const unreadCount = computed(() => stats.value?.unread ?? messages.value.filter((m) => !m.read).length);

/** Every recipient address seen in the loaded mail, for the recipients picker. */
export const recipients = computed(() => {
  const seen = new Map<string, string>();
  for (const m of messages.value) {
    for (const to of m.to) {
      const key = to.address.toLowerCase();
      if (!seen.has(key)) seen.set(key, to.address);
    }
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
});

/** What changed while a page was being fetched, so a late response never undoes a live event. */
interface InFlight {
  removed: Set<string>;
  flags: Map<string, boolean>;
  cleared: boolean;
}

let inFlight: InFlight | null = null;

/** Call before fetching a first page; setPage then reconciles it with the events that came meanwhile. */
export function beginPageLoad(): void {
  inFlight = { removed: new Set(), flags: new Map(), cleared: false };
}

/**
 * Replaces the view with a fresh first page taken at <cursor> (the server's head seq). Messages
 * that arrived live after that cursor stay; deletes and flag changes heard meanwhile win.
 */
export function setPage(items: Summary[], totalCount: number, next: number | null, cursor?: number): void {
  const seen = inFlight;
  inFlight = null;
  let page = items;
  if (seen) {
    page = seen.cleared ? [] : items.filter((m) => !seen.removed.has(m.id));
    page = page.map((m) => (seen.flags.has(m.id) ? { ...m, read: seen.flags.get(m.id)! } : m));
  }
  const fresh = cursor === undefined ? [] : messages.value.filter((m) => m.seq > cursor);
  const freshIds = new Set(fresh.map((m) => m.id));
  batch(() => {
    messages.value = [...fresh, ...refine(page, query.value).filter((m) => !freshIds.has(m.id))];
    total.value = Math.max(0, totalCount - (items.length - page.length)) + fresh.length;
    nextPage.value = seen?.cleared ? null : next;
    pageLoaded.value = true;
    focusIndex.value = Math.min(focusIndex.value, Math.max(0, messages.value.length - 1));
  });
}

/** Appends an older page, skipping anything already shown. */
export function appendPage(items: Summary[], next: number | null): void {
  const ids = new Set(messages.value.map((m) => m.id));
  batch(() => {
    messages.value = [...messages.value, ...refine(items, query.value).filter((m) => !ids.has(m.id))];
    nextPage.value = next;
  });
}

// Hub events. Each returns true when the current search must be asked of the server again.

export function onMessageAdded(m: Summary): boolean {
  if (messages.value.some((x) => x.id === m.id)) return false;
  const match = query.value.trim() ? matchesLocally(m, query.value) : true;
  if (match === null) return true;
  if (!match) return false;
  batch(() => {
    messages.value = [m, ...messages.value];
    total.value += 1;
    // Keep the keyboard cursor on the same message.
    if (messages.value.length > 1) focusIndex.value += 1;
  });
  return false;
}

export function onMessagesRemoved(ids: readonly string[]): void {
  const gone = new Set(ids);
  for (const id of ids) inFlight?.removed.add(id);
  const before = messages.value;
  const after = before.filter((m) => !gone.has(m.id));
  batch(() => {
    if (after.length !== before.length) {
      const focused = before[focusIndex.value];
      messages.value = after;
      total.value = Math.max(0, total.value - (before.length - after.length));
      const kept = focused ? after.indexOf(focused) : -1;
      focusIndex.value = kept >= 0 ? kept : Math.min(focusIndex.value, Math.max(0, after.length - 1));
    }
    if (openId.value && gone.has(openId.value)) openDeleted.value = true;
  });
}

export function onFlagsChanged(id: string, read: boolean): boolean {
  inFlight?.flags.set(id, read);
  const index = messages.value.findIndex((m) => m.id === id);
  if (index < 0) return false;
  const updated = { ...messages.value[index]!, read };
  const next = [...messages.value];
  if (query.value.trim() && matchesLocally(updated, query.value) === false) {
    next.splice(index, 1);
  } else {
    next[index] = updated;
  }
  messages.value = next;
  return false;
}

export function onStoreCleared(): void {
  if (inFlight) inFlight.cleared = true;
  batch(() => {
    messages.value = [];
    total.value = 0;
    nextPage.value = null;
    focusIndex.value = 0;
    if (openId.value) openDeleted.value = true;
  });
}

export function onStats(s: Stats): void {
  stats.value = s;
}

/** The page title: the unread count first, so it shows in a narrow tab. */
export function titleFor(unread: number): string {
  return unread > 0 ? `(${unread}) Sandbox inbox` : 'Sandbox inbox';
}
