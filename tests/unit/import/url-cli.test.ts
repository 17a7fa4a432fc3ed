import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/paths';
import { tempDir } from '../../support/library';
import { startWebServer, type TestWebServer } from '../../support/web-server';
import { margin, marginFails } from '../cli/run-margin';

let server: TestWebServer;
beforeAll(async () => {
  server = await startWebServer();
});
afterAll(async () => {
  await server.stop();
});

const wallabag = path.join(repoRoot, 'tests/fixtures/bulk/wallabag-export.json');

// Each command starts a process and loads the importers: slow on a busy machine.
describe('margin import <url>, --from, fetch-pending', { timeout: 180_000 }, () => {
  it('imports a URL, says why one fails, and imports an export with its waiting items', async () => {
    const library = await tempDir();
    const url = server.url('/redirect/2/pages/wordpress');
    const imported = JSON.parse((await margin(library, 'import', url, '--json')).stdout);
    expect(imported).toEqual([
      {
        id: expect.any(String),
        title: expect.stringMatching(/^Stack Overflow Jobs Data Shows ReactJS Skills/),
      },
    ]);

    const missing = await marginFails(library, 'import', server.url('/gone'));
    expect(missing.stderr).toBe(
      `margin: failed: ${server.url('/gone')}: ${server.url('/gone')} was not found (HTTP 404)\n`,
    );

    const result = JSON.parse(
      (await margin(library, 'import', '--from', 'wallabag', wallabag, '--json')).stdout,
    );
    expect(result).toMatchObject({ imported: 3, skipped: 0, failed: 0, queued: 1 });

    // The waiting URL is on a host that does not exist: it stays waiting, and says so.
    const retry = await margin(library, 'fetch-pending');
    expect(retry.stdout).toMatch(/Imported 0, skipped 0, failed 0, waiting for the network 1\./);
    expect(retry.stderr).toMatch(/waiting: Stack Overflow Jobs Data.*could not be reached/);

    const list = JSON.parse((await margin(library, 'list', '--json')).stdout);
    expect(list).toHaveLength(4);
  });

  it('refuses an unknown --from and a mix of files and URLs', async () => {
    const library = await tempDir();
    expect((await marginFails(library, 'import', '--from', 'delicious', wallabag)).stderr).toMatch(
      /--from takes one of auto, pocket, instapaper, omnivore, wallabag, urls/,
    );
    expect(
      (await marginFails(library, 'import', wallabag, server.url('/pages/wordpress'))).stderr,
    ).toMatch(/import files and URLs with separate commands/);
  });
});
