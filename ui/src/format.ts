import type { Address } from './types';

export function formatAddress(a: Address | null | undefined): string {
  if (!a) return '(unknown)';
  return a.name ? `${a.name} <${a.address}>` : a.address;
}

export function shortAddress(a: Address | null | undefined): string {
  if (!a) return '(unknown)';
  return a.name || a.address;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Time today, else the date. */
export function formatTime(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  const sameDay = d.toDateString() === now.toDateString();
  return sameDay
    ? d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}
