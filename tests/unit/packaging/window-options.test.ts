import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { newSecureWindow, type WindowClass } from '../../../electron/main/window-options';

/** Stands in for BrowserWindow and keeps what it was constructed with. */
function recordWindow(look: Parameters<typeof newSecureWindow>[1] = {}) {
  const made: BrowserWindowConstructorOptions[] = [];
  // A plain function called with `new` stands in for the class.
  function Recorder(options: BrowserWindowConstructorOptions) {
    made.push(options);
  }
  newSecureWindow(Recorder as unknown as WindowClass, look, '/app/dist/preload/preload.cjs');
  return made;
}

describe('newSecureWindow', () => {
  const [options] = recordWindow({ title: 'Margin', width: 900 });
  const prefs = options!.webPreferences!;

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
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('takes the look from the caller, never the preferences', () => {
    expect(options).toMatchObject({ title: 'Margin', width: 900 });
    const sneaky = { webPreferences: { nodeIntegration: true } } as unknown as Parameters<
      typeof newSecureWindow
    >[1];
    const [made] = recordWindow(sneaky);
    expect(made!.webPreferences!.nodeIntegration).toBe(false);
  });

  it('allows spellcheck', () => {
    expect(prefs.spellcheck).toBe(true);
  });
});
