import { beforeEach, describe, expect, it, vi } from 'vitest';
import { registerHandlers } from '../src/hub';
import * as state from '../src/state';
import { summary } from './fixtures';

type Handler = (...args: unknown[]) => void;

function fakeHub() {
  const handlers = new Map<string, Handler>();
  return {
    on: (name: string, handler: Handler) => void handlers.set(name, handler),
    emit: (name: string, ...args: unknown[]) => handlers.get(name)!(...args),
    handlers,
  };
}

let hub: ReturnType<typeof fakeHub>;
const callbacks = { resync: vi.fn(async () => {}), refreshSearch: vi.fn(), notify: vi.fn() };

beforeEach(() => {
  vi.clearAllMocks();
  state.query.value = '';
  state.openId.value = null;
  state.openDeleted.value = false;
  state.setPage([summary(2), summary(1)], 2, null);
  hub = fakeHub();
  registerHandlers(hub as never, callbacks);
});

describe('hub events', () => {
  it('registers a handler for every event of IInboxClient', () => {
    expect([...hub.handlers.keys()].sort()).toEqual(['FlagsChanged', 'MessageAdded', 'MessagesDeleted', 'MessagesEvicted', 'Resync', 'Stats', 'StoreCleared']);
  });

  it('puts an added message first, once, and notifies', () => {
    hub.emit('MessageAdded', summary(3));
    hub.emit('MessageAdded', summary(3));

    expect(state.messages.value.map((m) => m.id)).toEqual(['id-3', 'id-2', 'id-1']);
    expect(state.total.value).toBe(3);
    expect(callbacks.notify).toHaveBeenCalledTimes(2);
  });

  it('removes deleted and evicted messages and flags the open one as gone', () => {
    state.openId.value = 'id-1';

    hub.emit('MessagesDeleted', ['id-1']);
    hub.emit('MessagesEvicted', ['id-2']);

    expect(state.messages.value).toEqual([]);
    expect(state.total.value).toBe(0);
    expect(state.openDeleted.value).toBe(true);
  });

  it('updates the read flag in place', () => {
    hub.emit('FlagsChanged', 'id-2', true);

    expect(state.messages.value[0]!.read).toBe(true);
    expect(state.messages.value[1]!.read).toBe(false);
  });

  it('empties the list when the store is cleared', () => {
    hub.emit('StoreCleared');

    expect(state.messages.value).toEqual([]);
    expect(state.total.value).toBe(0);
  });

  it('takes stats and asks for a full resync on Resync', () => {
    hub.emit('Stats', { messages: 2, unread: 5, bytes: 10, evictions: 0, cursor: 2, uidValidity: 9 });
    hub.emit('Resync');

    expect(state.unreadCount.value).toBe(5);
    expect(callbacks.resync).toHaveBeenCalledOnce();
  });

  it('during a search, adds a message the summary can match and leaves out one it cannot', () => {
    state.query.value = 'subject:invoice';

    hub.emit('MessageAdded', summary(5, { subject: 'Your Invoice' }));
    hub.emit('MessageAdded', summary(6, { subject: 'Welcome' }));

    expect(state.messages.value.map((m) => m.id)).toEqual(['id-5', 'id-2', 'id-1']);
    expect(callbacks.refreshSearch).not.toHaveBeenCalled();
  });

  it('during a search on body text, asks the server again', () => {
    state.query.value = 'password';

    hub.emit('MessageAdded', summary(7));

    expect(callbacks.refreshSearch).toHaveBeenCalledOnce();
  });
});
