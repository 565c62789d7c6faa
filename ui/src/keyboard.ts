import * as controller from './controller';
import { messages, focusIndex, openId, showHelp } from './state';

/** Global shortcuts (see components/Help.tsx). Ignored while typing, except Escape. */
export function onKeyDown(e: KeyboardEvent): void {
  const target = e.target as HTMLElement | null;
  const typing = !!target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
  if (e.key === 'Escape') {
    if (showHelp.value) showHelp.value = false;
    else if (typing) target.blur();
    else if (openId.value) controller.open(null);
    return;
  }
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
  switch (e.key) {
    case 'j':
    case 'ArrowDown':
      controller.moveFocus(1);
      break;
    case 'k':
    case 'ArrowUp':
      controller.moveFocus(-1);
      break;
    case 'Enter':
      controller.openFocused();
      break;
    case 'Delete':
    case 'Backspace': {
      const id = openId.value ?? messages.value[focusIndex.value]?.id;
      if (id) void controller.remove(id);
      break;
    }
    case 'u': {
      const m = messages.value.find((x) => x.id === openId.value);
      if (m) void controller.setRead(m.id, !m.read);
      break;
    }
    case '/':
      document.getElementById('search')?.focus();
      break;
    case '?':
      showHelp.value = !showHelp.value;
      break;
    default:
      return;
  }
  e.preventDefault();
}
