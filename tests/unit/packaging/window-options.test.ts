import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../electron/main/window-options';

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/dist/preload/preload.cjs');

  it('isolates and sandboxes the renderer', () => {
    expect(prefs).toMatchObject({
      preload: '/app/dist/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and experiments off', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('allows spellcheck', () => {
    expect(prefs.spellcheck).toBe(true);
  });
});
