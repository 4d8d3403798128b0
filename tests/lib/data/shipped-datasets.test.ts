import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// datasets/README.md is the record of what ships: its table lists every file with its row count and full sha256.
const DATASETS = fileURLToPath(new URL('../../../datasets/', import.meta.url));
const README = readFileSync(`${DATASETS}README.md`, 'utf8');
const TABLE_ROW = /^\|\s*`([^`]+)`\s*\|\s*([\d,]+)\s*\|\s*`([0-9a-f]{64})`\s*\|\s*$/gm;
const listed = [...README.matchAll(TABLE_ROW)].map(([, file, rows, sha256]) => ({
  file: file!,
  rows: Number(rows!.replaceAll(',', '')),
  sha256: sha256!,
}));
const shipped = readdirSync(DATASETS).filter((name) => name !== 'README.md').sort();

describe('datasets/', () => {
  it('datasets/README.md lists every shipped file, and only those', () => {
    expect(listed.map((entry) => entry.file).sort()).toEqual(shipped);
    expect(shipped.length).toBeGreaterThanOrEqual(4);
  });

  it.each(listed)('$file matches the sha256 and row count in datasets/README.md', ({ file, rows, sha256 }) => {
    const bytes = readFileSync(`${DATASETS}${file}`);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
    // Data lines: every line but the header, with a final line end.
    expect(bytes.toString('utf8').split('\n').length - 2).toBe(rows);
    // The full hash also appears in the file's own section, so the two places cannot drift apart silently.
    expect(README.split(sha256).length - 1).toBe(2);
  });
});
