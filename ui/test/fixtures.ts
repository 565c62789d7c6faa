import type { Summary } from '../src/types';

export function summary(n: number, overrides: Partial<Summary> = {}): Summary {
  return {
    id: `id-${n}`,
    seq: n,
    receivedAt: new Date(Date.UTC(2026, 0, 1, 12, 0, n % 60)).toISOString(),
    from: { name: `Sender ${n}`, address: `sender${n}@example.test` },
    to: [{ name: null, address: `user${n % 3}@example.test` }],
    subject: `Subject ${n}`,
    size: 1000 + n,
    read: false,
    hasAttachments: false,
    snippet: `Snippet ${n}`,
    ...overrides,
  };
}
