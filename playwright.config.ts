import { defineConfig } from '@playwright/test';

/**
 * E2E tests drive Debian's Chromium against the browser host (never a downloaded browser).
 * The Electron project runs only where an Electron binary exists; its specs skip themselves
 * with the reason printed otherwise.
 */
export const CHROMIUM_PATH = process.env.MARGIN_CHROMIUM ?? '/usr/bin/chromium';

// Chromium's own background traffic is refused by an offline machine; keep it quiet.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  timeout: 60_000,
  // Generous: the first import in a fresh host loads jsdom, which is slow on a busy 2-core machine.
  expect: { timeout: 25_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  projects: [
    {
      name: 'chromium',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 820 },
        acceptDownloads: true,
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: CHROMIUM_ARGS,
        },
      },
    },
    { name: 'electron', testDir: 'tests/electron' },
  ],
});
