import { effect } from '@preact/signals';
import { render } from 'preact';
import { App } from './components/App';
import { setTheme } from './components/Toolbar';
import * as controller from './controller';
import { setFavicon } from './favicon';
import { connectInbox } from './hub';
import { onKeyDown } from './keyboard';
import { titleFor, unreadCount, type Theme } from './state';
import './styles.css';

setTheme((localStorage.getItem('theme') as Theme | null) ?? 'auto');
controller.readUrl();
window.addEventListener('popstate', () => {
  controller.readUrl();
  void controller.reload();
});
document.addEventListener('keydown', onKeyDown);

effect(() => {
  document.title = titleFor(unreadCount.value);
  setFavicon(unreadCount.value);
});

render(<App />, document.getElementById('app')!);

connectInbox({
  resync: controller.resync,
  refreshSearch: controller.refreshSearch,
  notify: (m) => controller.notifications.show(m),
});
