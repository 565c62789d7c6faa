import { defineConfig } from 'vitest/config';

// Builds into the server's static files; the dev server proxies the API and the hub to a
// running Sandbox (SANDBOX_URL, default http://127.0.0.1:8025).
const target = process.env.SANDBOX_URL ?? 'http://127.0.0.1:8025';

export default defineConfig({
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir: '../src/Sandbox.Server/wwwroot',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': target,
      '/hubs': { target, ws: true },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.{ts,tsx}'],
  },
});
