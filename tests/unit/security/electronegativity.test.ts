import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { parseReport, unexplainedHigh } from '../../../scripts/electronegativity.mjs';

interface Finding {
  check: string;
  severity: string;
  file: string;
  location: string;
  sample: string;
}
const parse = parseReport as (csv: string) => Finding[];
const unexplained = unexplainedHigh as (
  findings: Finding[],
  allow: { check: string; file: string; reason: string }[],
) => Finding[];

/** Rows as electronegativity 1.10 writes them (from a run before the window options were fixed). */
const REPORT = `issue, severity, confidence, filename, location, sample, description, url
CSP_GLOBAL_CHECK,"LOW","TENTATIVE","main/protocol.ts","37:28",N/A,"Failed to parse CSP, it may not be valid.",https://github.com/doyensec/electronegativity/wiki/CSP_GLOBAL_CHECK
NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","main/window.ts","12:14","const win = new BrowserWindow({","Disable nodeIntegration for untrusted origins",https://github.com/doyensec/electronegativity/wiki/NODE_INTEGRATION_JS_CHECK
CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","main/window.ts","12:14","const win = new BrowserWindow({","Review the use of the contextIsolation option",https://github.com/doyensec/electronegativity/wiki/CONTEXT_ISOLATION_JS_CHECK
OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","main/shell-actions.ts","60:12","await shell.openExternal(url);","Review the use of openExternal",https://github.com/doyensec/electronegativity/wiki/OPEN_EXTERNAL_JS_CHECK
`;

describe('scripts/electronegativity.mjs', () => {
  it('reads the CSV report, quoted commas included', () => {
    const findings = parse(REPORT);
    expect(findings.map((f) => [f.check, f.severity, f.file, f.location])).toEqual([
      ['CSP_GLOBAL_CHECK', 'LOW', 'main/protocol.ts', '37:28'],
      ['NODE_INTEGRATION_JS_CHECK', 'HIGH', 'main/window.ts', '12:14'],
      ['CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'main/window.ts', '12:14'],
      ['OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'main/shell-actions.ts', '60:12'],
    ]);
    expect(findings[1]!.sample).toBe('const win = new BrowserWindow({');
  });

  it('fails on every HIGH finding that no entry for the same check and file explains', () => {
    const findings = parse(REPORT);
    expect(unexplained(findings, []).map((f) => f.check)).toEqual([
      'NODE_INTEGRATION_JS_CHECK',
      'CONTEXT_ISOLATION_JS_CHECK',
    ]);
    const allow = [{ check: 'NODE_INTEGRATION_JS_CHECK', file: 'main/window.ts', reason: 'r' }];
    expect(unexplained(findings, allow).map((f) => f.check)).toEqual([
      'CONTEXT_ISOLATION_JS_CHECK',
    ]);
    const elsewhere = [{ check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'main/other.ts', reason: 'r' }];
    expect(unexplained(findings, elsewhere)).toHaveLength(2);
  });

  it('refuses a report it does not understand rather than passing', () => {
    expect(() => parse('something else\nx,y')).toThrow(/header/);
  });

  it('has an allowlist of precise entries only (today: none, no HIGH finding is excused)', () => {
    const file = path.resolve(import.meta.dirname, '../../../scripts/electronegativity-allow.json');
    const allow = JSON.parse(readFileSync(file, 'utf8')).allow as Record<string, string>[];
    for (const entry of allow) {
      expect(entry.check).toMatch(/^[A-Z_]+$/);
      expect(entry.file).toMatch(/^[\w./-]+\.(ts|js|html)$/);
      expect(entry.reason?.length).toBeGreaterThan(20);
    }
    expect(allow).toHaveLength(0);
  });
});
