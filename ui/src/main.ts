// Placeholder: shows how many messages are stored. The web inbox replaces this page.
interface Info {
  messages: number;
  version: string;
}

async function showCount(): Promise<void> {
  const response = await fetch('/api/v1/info');
  const info = (await response.json()) as Info;
  const target = document.getElementById('count');
  if (target) {
    target.textContent = `Sandbox ${info.version}: ${info.messages} message(s) stored.`;
  }
}

void showCount();
