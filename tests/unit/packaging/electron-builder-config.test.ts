import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
// js-yaml ships no types; this is the one function used.
const yaml = require('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  appId?: string;
  productName?: string;
  directories?: { output?: string; buildResources?: string };
  files?: string[];
  asar?: boolean;
  linux?: { target?: string[]; category?: string; maintainer?: string; icon?: string };
  mac?: { target?: string; category?: string; icon?: string };
  win?: { target?: string; icon?: string };
  electronFuses?: Record<string, boolean>;
  protocols?: { name: string; schemes: string[] }[];
}

const config = yaml.load(
  readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'),
) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('matches the schema of the installed electron-builder', () => {
    const schema = JSON.parse(
      readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'),
    ) as object;
    // Same options as electron-builder's own validator, minus type coercion (stricter).
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const valid = validate(structuredClone(config));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('names the app', () => {
    expect(config.appId).toBe('app.margin.reader');
    expect(config.productName).toBe('Margin');
    expect(config.directories).toEqual({ output: 'release', buildResources: 'assets' });
  });

  it('packs only the build into an asar, without source maps', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(
      expect.arrayContaining(['dist/**', 'package.json', '!dist/**/*.map']),
    );
    expect(config.files?.some((pattern) => /^(electron|renderer|tests)\b/.test(pattern))).toBe(
      false,
    );
  });

  it('targets AppImage and deb, dmg, and nsis', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' });
    expect(config.linux?.maintainer).toMatch(/\S+ <\S+@\S+>/);
    expect(config.mac).toMatchObject({
      target: 'dmg',
      category: 'public.app-category.productivity',
    });
    expect(config.win).toMatchObject({ target: 'nsis' });
  });

  it('points at icons that exist and are what they claim to be', () => {
    const icons = [config.linux?.icon, config.mac?.icon, config.win?.icon];
    for (const icon of icons) {
      expect(icon).toBeDefined();
      expect(existsSync(path.join(root, icon ?? ''))).toBe(true);
    }
    const png = readFileSync(path.join(root, 'assets/icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);

    const ico = readFileSync(path.join(root, 'assets/icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    expect(sizes).toContain(256);
    expect(existsSync(path.join(root, 'assets/icon.svg'))).toBe(true);
  });

  it('declares the margin:// scheme, so links in exported notes open Margin', () => {
    expect(config.protocols).toEqual([{ name: 'Margin link', schemes: ['margin'] }]);
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
