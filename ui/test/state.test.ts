import { beforeEach, describe, expect, it } from 'vitest';
import * as state from '../src/state';
import { summary } from './fixtures';

beforeEach(() => {
  state.query.value = '';
  state.stats.value = null;
  state.openId.value = null;
  state.openDeleted.value = false;
  state.setPage([], 0, null);
});

describe('unread counting', () => {
  it('counts unread loaded messages until the server sends stats', () => {
    state.setPage([summary(1), summary(2, { read: true }), summary(3)], 3, null);

    expect(state.unreadCount.value).toBe(2);
    expect(state.titleFor(state.unreadCount.value)).toBe('(2) Sandbox inbox');
  });

  it('uses the server stats, which count the whole store', () => {
    state.setPage([summary(1)], 1, null);

    state.onStats({ messages: 40, unread: 17, bytes: 1, evictions: 0, cursor: 40, uidValidity: 1 });

    expect(state.unreadCount.value).toBe(17);
  });

  it('has a plain title with nothing unread', () => {
    expect(state.titleFor(0)).toBe('Sandbox inbox');
  });
});

describe('recipients', () => {
  it('lists each address seen once, sorted', () => {
    state.setPage([summary(1), summary(2), summary(4), summary(3)], 4, null);

    expect(state.recipients.value).toEqual(['user0@example.test', 'user1@example.test', 'user2@example.test']);
  });
});

describe('a page load racing live events', () => {
  it('keeps mail that arrived after the snapshot and drops mail deleted meanwhile', () => {
    state.setPage([summary(2), summary(1)], 2, null, 2);
    state.beginPageLoad();

    state.onMessageAdded(summary(3));
    state.onMessagesRemoved(['id-1']);
    state.onFlagsChanged('id-2', true);
    state.setPage([summary(2), summary(1)], 2, null, 2);

    expect(state.messages.value.map((m) => [m.id, m.read])).toEqual([
      ['id-3', false],
      ['id-2', true],
    ]);
    expect(state.total.value).toBe(2);
  });

  it('shows nothing from a snapshot taken before the store was cleared', () => {
    state.beginPageLoad();

    state.onStoreCleared();
    state.setPage([summary(1)], 1, 1, 1);

    expect(state.messages.value).toEqual([]);
    expect(state.nextPage.value).toBeNull();
  });
});
