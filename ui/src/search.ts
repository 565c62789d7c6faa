import type { Summary } from './types';

/** One term of the q= syntax: `field:value`, `-field:value`, "quoted words", or a bare word. */
export interface Term {
  field: string | null;
  value: string;
  negated: boolean;
}

/** Splits a search in the Mailpit-like syntax the API takes as q=. */
export function parseQuery(q: string): Term[] {
  const terms: Term[] = [];
  const pattern = /(-?)(?:([a-zA-Z]+):)?(?:"([^"]*)"?|(\S+))/g;
  for (const match of q.matchAll(pattern)) {
    const value = match[3] ?? match[4] ?? '';
    if (!value && !match[2]) continue;
    terms.push({ negated: match[1] === '-', field: match[2]?.toLowerCase() ?? null, value });
  }
  return terms;
}

const contains = (haystack: string | null | undefined, needle: string): boolean =>
  (haystack ?? '').toLowerCase().includes(needle.toLowerCase());

/**
 * Whether a summary satisfies one term, or null when a summary cannot tell (body text, envelope
 * recipients): then only the server knows.
 */
export function termMatches(term: Term, m: Summary): boolean | null {
  let result: boolean | null;
  switch (term.field) {
    case 'subject':
      result = contains(m.subject, term.value);
      break;
    case 'is':
      result = term.value.toLowerCase() === 'read' ? m.read : term.value.toLowerCase() === 'unread' ? !m.read : null;
      break;
    case 'has':
      result = term.value.toLowerCase() === 'attachment' || term.value.toLowerCase() === 'attachments' ? m.hasAttachments : null;
      break;
    default:
      result = null;
  }
  return result === null ? null : result !== term.negated;
}

/**
 * Applies the terms a summary fully answers (subject:, is:, has:) on top of the server's result.
 * Safe whether or not the server understood q=: it never drops a message the server matched
 * for a reason the summary cannot see.
 */
export function refine(items: Summary[], q: string): Summary[] {
  const terms = parseQuery(q);
  return items.filter((m) => terms.every((t) => termMatches(t, m) !== false));
}

/** For a live MessageAdded during a search: true/false when decidable locally, null to ask the server. */
export function matchesLocally(m: Summary, q: string): boolean | null {
  let undecided = false;
  for (const term of parseQuery(q)) {
    const r = termMatches(term, m);
    if (r === false) return false;
    if (r === null) undecided = true;
  }
  return undecided ? null : true;
}

/** Replaces any to: term with the given address (the recipients picker). */
export function withRecipient(q: string, address: string | null): string {
  const rest = q.replace(/(^|\s)-?to:("[^"]*"|\S+)/gi, ' ').trim();
  return address ? `to:${address}${rest ? ' ' + rest : ''}` : rest;
}
