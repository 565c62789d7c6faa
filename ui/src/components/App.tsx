import { notice, openId } from '../state';
import { Help } from './Help';
import { MessageList } from './MessageList';
import { MessageView } from './MessageView';
import { Toolbar } from './Toolbar';

export function App() {
  return (
    <div class={`app ${openId.value ? 'has-open' : ''}`}>
      <Toolbar />
      {notice.value && (
        <div class="notice" role="alert" data-testid="notice">
          {notice.value}
          <button type="button" onClick={() => (notice.value = null)} aria-label="Dismiss">×</button>
        </div>
      )}
      <main class="panes">
        <MessageList />
        <MessageView />
      </main>
      <Help />
    </div>
  );
}
