#!/usr/bin/env node
/**
 * Static security check of the Electron code: runs @doyensec/electronegativity over electron/
 * and fails on any HIGH finding that is not in the allowlist (scripts/electronegativity-allow.json,
 * keyed by check id + file, each with its reason). The tool always exits 0, so its CSV is parsed.
 *
 * The Electron version is given (read from the installed package): from electron/ alone the tool
 * cannot find it. The tool itself tries to download translations and Electron's release list
 * (for AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK); offline it says so and carries on without them,
 * and tests/unit/packaging/electron-builder-config.test.ts checks the Electron major instead.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const cli = require.resolve('@doyensec/electronegativity/dist/index.js');
const electronVersion = require('electron/package.json').version;

/** Splits one CSV line: fields may be quoted, with "" for a quote inside. */
export function parseCsvLine(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field.trim());
      field = '';
    } else field += c;
  }
  fields.push(field.trim());
  return fields;
}

/** The findings of electronegativity's CSV report. */
export function parseReport(csv) {
  const [header, ...rows] = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const names = parseCsvLine(header ?? '').map((n) => n.toLowerCase());
  const at = (name) => names.indexOf(name);
  if (at('issue') < 0 || at('severity') < 0 || at('filename') < 0) {
    throw new Error(`Unexpected electronegativity report header: ${header}`);
  }
  return rows.map((row) => {
    const f = parseCsvLine(row);
    return {
      check: f[at('issue')],
      severity: f[at('severity')],
      confidence: f[at('confidence')],
      file: f[at('filename')],
      location: f[at('location')],
      sample: f[at('sample')],
    };
  });
}

/** HIGH findings that no allowlist entry (same check id and file) explains. */
export function unexplainedHigh(findings, allowlist) {
  return findings.filter(
    (f) =>
      f.severity === 'HIGH' &&
      !allowlist.some((entry) => entry.check === f.check && entry.file === f.file),
  );
}

function run() {
  const allowlist = JSON.parse(
    readFileSync(path.join(root, 'scripts', 'electronegativity-allow.json'), 'utf8'),
  ).allow;
  for (const entry of allowlist) {
    if (!entry.check || !entry.file || !entry.reason || entry.check === '*' || entry.file === '*') {
      throw new Error(
        `Allowlist entries need a check id, a file and a reason: ${JSON.stringify(entry)}`,
      );
    }
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'margin-eneg-'));
  const out = path.join(dir, 'report.csv');
  try {
    const result = spawnSync(
      process.execPath,
      [
        cli,
        '--input',
        path.join(root, 'electron'),
        '--relative',
        '--verbose',
        'false',
        '--electron-version',
        electronVersion,
        '--output',
        out,
      ],
      { encoding: 'utf8', cwd: root },
    );
    if (result.status !== 0) {
      process.stderr.write(result.stdout + result.stderr);
      throw new Error(`electronegativity exited with ${result.status}`);
    }
    const findings = parseReport(readFileSync(out, 'utf8'));
    const bySeverity = {};
    for (const f of findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
    console.log(
      `electronegativity ${electronVersion ? `(Electron ${electronVersion})` : ''}: ` +
        `${findings.length} findings ${JSON.stringify(bySeverity)}`,
    );
    for (const f of findings) {
      console.log(`  ${f.severity.padEnd(13)} ${f.check} ${f.file}:${f.location}`);
    }
    const failing = unexplainedHigh(findings, allowlist);
    if (failing.length > 0) {
      console.error(
        `\n${failing.length} HIGH finding(s) not in scripts/electronegativity-allow.json:`,
      );
      for (const f of failing) console.error(`  ${f.check} ${f.file}:${f.location}  ${f.sample}`);
      process.exitCode = 1;
    } else {
      console.log('No unexplained HIGH finding.');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) run();
