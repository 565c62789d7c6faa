import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MessageList } from '../src/components/MessageList';
import * as state from '../src/state';
import { summary } from './fixtures';

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
  state.query.value = '';
  state.openId.value = null;
  state.focusIndex.value = 0;
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('MessageList', () => {
  it('shows from, to, subject, snippet, size, attachment mark and unread in bold', () => {
    state.setPage([summary(2, { hasAttachments: true }), summary(1, { read: true, subject: null })], 2, null);

    act(() => render(<MessageList />, root));

    const rows = root.querySelectorAll<HTMLAnchorElement>('a.row');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.classList.contains('unread')).toBe(true);
    expect(rows[0]!.querySelector('.from')!.textContent).toContain('Sender 2');
    expect(rows[0]!.querySelector('.to')!.textContent).toBe('to user2@example.test');
    expect(rows[0]!.querySelector('.subject')!.textContent).toBe('Subject 2');
    expect(rows[0]!.querySelector('.snippet')!.textContent).toBe('Snippet 2');
    expect(rows[0]!.querySelector('.size')!.textContent).toBe('1002 B');
    expect(rows[0]!.querySelector('.clip')).not.toBeNull();
    expect(rows[1]!.classList.contains('read')).toBe(true);
    expect(rows[1]!.querySelector('.subject')!.textContent).toBe('(no subject)');
    expect(rows[1]!.querySelector('.clip')).toBeNull();
    expect(root.querySelector('[data-testid=total]')!.textContent).toBe('2 messages');
  });

  it('renders only the rows in view for 5,000 messages', () => {
    state.setPage(Array.from({ length: 5000 }, (_, i) => summary(5000 - i)), 5000, null);

    act(() => render(<MessageList />, root));

    const rows = root.querySelectorAll('a.row');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(60);
    expect((root.querySelector('.spacer') as HTMLElement).style.height).toBe(`${5000 * 88}px`);
  });

  it('shows a new message live, at the top', () => {
    state.setPage([summary(1)], 1, null);
    act(() => render(<MessageList />, root));

    act(() => void state.onMessageAdded(summary(2, { subject: 'Fresh' })));

    expect(root.querySelector('a.row .subject')!.textContent).toBe('Fresh');
    expect(root.querySelectorAll('a.row')).toHaveLength(2);
  });

  it('says so when there is no mail', () => {
    state.setPage([], 0, null);

    act(() => render(<MessageList />, root));

    expect(root.querySelector('[data-testid=empty]')).not.toBeNull();
  });
});
