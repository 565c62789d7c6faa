import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import { connection, onFlagsChanged, onMessageAdded, onMessagesRemoved, onStats, onStoreCleared } from './state';
import type { Stats, Summary } from './types';

/** What the hub module needs from the app: a full reload, and a re-run of the search. */
export interface HubCallbacks {
  resync(): Promise<void>;
  refreshSearch(): void;
  notify(m: Summary): void;
}

/** Wires every hub event to the state (the single place the UI listens to the hub). */
export function registerHandlers(hub: Pick<HubConnection, 'on'>, callbacks: HubCallbacks): void {
  hub.on('MessageAdded', (m: Summary) => {
    if (onMessageAdded(m)) callbacks.refreshSearch();
    callbacks.notify(m);
  });
  hub.on('MessagesDeleted', (ids: string[]) => onMessagesRemoved(ids));
  hub.on('MessagesEvicted', (ids: string[]) => onMessagesRemoved(ids));
  hub.on('FlagsChanged', (id: string, read: boolean) => {
    if (onFlagsChanged(id, read)) callbacks.refreshSearch();
  });
  hub.on('StoreCleared', () => onStoreCleared());
  hub.on('Stats', (s: Stats) => onStats(s));
  hub.on('Resync', () => void callbacks.resync());
}

/**
 * Connects to /hubs/inbox and stays connected: automatic reconnect with back-off, forever, and
 * a full resync after every (re)connect, since events may have been missed meanwhile (or the
 * server restarted with an empty store).
 */
export function connectInbox(callbacks: HubCallbacks): HubConnection {
  const hub = new HubConnectionBuilder()
    .withUrl('/hubs/inbox')
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(500 * 2 ** ctx.previousRetryCount, 5000) })
    .configureLogging(LogLevel.Warning)
    .build();
  registerHandlers(hub, callbacks);
  hub.onreconnecting(() => {
    connection.value = 'reconnecting';
  });
  hub.onreconnected(() => {
    connection.value = 'connected';
    void afterConnect(hub, callbacks);
  });
  hub.onclose(() => {
    connection.value = 'disconnected';
    scheduleStart(hub, callbacks, 1000);
  });
  void start(hub, callbacks);
  return hub;
}

async function start(hub: HubConnection, callbacks: HubCallbacks): Promise<void> {
  if (hub.state !== HubConnectionState.Disconnected) return;
  connection.value = 'connecting';
  try {
    await hub.start();
    connection.value = 'connected';
    await afterConnect(hub, callbacks);
  } catch {
    connection.value = 'disconnected';
    scheduleStart(hub, callbacks, 2000);
  }
}

function scheduleStart(hub: HubConnection, callbacks: HubCallbacks, delay: number): void {
  setTimeout(() => void start(hub, callbacks), delay);
}

async function afterConnect(hub: HubConnection, callbacks: HubCallbacks): Promise<void> {
  try {
    onStats(await hub.invoke<Stats>('GetStats'));
  } catch {
    // Counts follow with the next change.
  }
  await callbacks.resync();
}
