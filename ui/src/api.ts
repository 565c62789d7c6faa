import type { Info, Message, MessageList, Summary } from './types';

const base = '/api/v1';

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) {
    throw new ApiError(response.status, `${response.status} ${response.statusText}`);
  }
  return (await response.json()) as T;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const messageUrl = (id: string): string => `${base}/messages/${encodeURIComponent(id)}`;
export const rawUrl = (id: string): string => `${messageUrl(id)}/raw`;
export const partUrl = (id: string, partId: string): string => `${messageUrl(id)}/parts/${encodeURIComponent(partId)}`;

/** One page of summaries, newest first. The search goes to the server verbatim as q=. */
export async function listMessages(q: string, limit: number, before?: number | null): Promise<MessageList> {
  const params = new URLSearchParams({ limit: String(limit) });
  if (q.trim()) params.set('q', q.trim());
  if (before != null) params.set('before', String(before));
  return json<MessageList>(await fetch(`${base}/messages?${params.toString()}`));
}

export async function getMessage(id: string): Promise<Message> {
  return json<Message>(await fetch(messageUrl(id)));
}

export async function getRaw(id: string): Promise<string> {
  const response = await fetch(rawUrl(id));
  if (!response.ok) throw new ApiError(response.status, response.statusText);
  return response.text();
}

export async function setRead(id: string, read: boolean): Promise<Summary> {
  return json<Summary>(
    await fetch(messageUrl(id), { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ read }) }),
  );
}

export async function deleteMessage(id: string): Promise<void> {
  const response = await fetch(messageUrl(id), { method: 'DELETE' });
  if (!response.ok && response.status !== 404) throw new ApiError(response.status, response.statusText);
}

export async function deleteAll(): Promise<void> {
  const response = await fetch(`${base}/messages`, { method: 'DELETE' });
  if (!response.ok) throw new ApiError(response.status, response.statusText);
}

export async function markAllRead(): Promise<void> {
  const response = await fetch(`${base}/messages/read-all`, { method: 'POST' });
  if (!response.ok) throw new ApiError(response.status, response.statusText);
}

export async function getInfo(): Promise<Info> {
  return json<Info>(await fetch(`${base}/info`));
}
