import { afterEach, describe, expect, it, vi } from 'vitest';
import * as controller from '../src/controller';
import * as state from '../src/state';
import { summary } from './fixtures';

function serve(uidValidity: number, items = [summary(1)]) {
  return vi.fn(async (url: string) =>
    url.startsWith('/api/v1/info')
      ? new Response(JSON.stringify({ version: 'x', messages: items.length, cursor: 1, uidValidity }))
      : new Response(JSON.stringify({ items, total: items.length, cursor: 1, next: null })),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  state.notice.value = null;
});

describe('resync', () => {
  it('reloads the list, and says so when the server restarted with a new store', async () => {
    vi.stubGlobal('fetch', serve(100, [summary(1), summary(2)]));
    await controller.resync();
    expect(state.notice.value).toBeNull();
    expect(state.messages.value).toHaveLength(2);

    state.openId.value = 'id-1';
    vi.stubGlobal('fetch', serve(200, []));
    await controller.resync();

    expect(state.notice.value).toContain('restarted');
    expect(state.messages.value).toEqual([]);
    expect(state.openDeleted.value).toBe(true);
  });
});
