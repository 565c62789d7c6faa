import { showHelp } from '../state';

export const shortcuts: [string, string][] = [
  ['j / ↓', 'next message'],
  ['k / ↑', 'previous message'],
  ['Enter', 'open the selected message'],
  ['Delete', 'delete the open (or selected) message'],
  ['u', 'mark the open message read / unread'],
  ['/', 'search'],
  ['Esc', 'close this help, leave the search, or close the message'],
  ['?', 'this help'],
];

export function Help() {
  if (!showHelp.value) return null;
  return (
    <div class="overlay" onClick={() => (showHelp.value = false)}>
      <div class="dialog" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" data-testid="help" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {shortcuts.map(([keys, what]) => (
              <tr><th><kbd>{keys}</kbd></th><td>{what}</td></tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={() => (showHelp.value = false)}>Close</button>
      </div>
    </div>
  );
}
