import { afterEach, describe, expect, it, vi } from 'vitest';
import * as controller from '../src/controller';
import { parseQuery, refine, withRecipient } from '../src/search';
import * as state from '../src/state';
import { summary } from './fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
  state.query.value = '';
});

describe('search syntax', () => {
  it('parses fields, quotes and negation', () => {
    expect(parseQuery('to:a@b.test subject:"reset password" -is:read hello')).toEqual([
      { negated: false, field: 'to', value: 'a@b.test' },
      { negated: false, field: 'subject', value: 'reset password' },
      { negated: true, field: 'is', value: 'read' },
      { negated: false, field: null, value: 'hello' },
    ]);
  });

  it('refines by what a summary shows and keeps what only the server can judge', () => {
    const items = [summary(1, { subject: 'Reset password', read: true }), summary(2, { subject: 'Reset password' }), summary(3, { subject: 'Hi' })];

    expect(refine(items, 'subject:"reset password" is:unread').map((m) => m.id)).toEqual(['id-2']);
    expect(refine(items, 'to:nobody@x.test body-word').map((m) => m.id)).toEqual(['id-1', 'id-2', 'id-3']);
    expect(refine(items, '-subject:reset').map((m) => m.id)).toEqual(['id-3']);
  });

  it('sets and replaces the recipient term', () => {
    expect(withRecipient('is:unread', 'a@x.test')).toBe('to:a@x.test is:unread');
    expect(withRecipient('to:a@x.test is:unread', 'b@x.test')).toBe('to:b@x.test is:unread');
    expect(withRecipient('to:a@x.test is:unread', null)).toBe('is:unread');
  });

  it('sends the search to the API as q= and shows the result', async () => {
    const fetch = vi.fn(async (_url: string) => new Response(JSON.stringify({ items: [summary(9, { subject: 'Invoice 9' })], total: 1, cursor: 9, next: null })));
    vi.stubGlobal('fetch', fetch);

    controller.setQuery('subject:invoice from:shop@x.test', true);
    await vi.waitFor(() => expect(state.messages.value.map((m) => m.id)).toEqual(['id-9']));

    const url = new URL(fetch.mock.calls[0]![0], 'http://localhost');
    expect(url.pathname).toBe('/api/v1/messages');
    expect(url.searchParams.get('q')).toBe('subject:invoice from:shop@x.test');
  });
});
