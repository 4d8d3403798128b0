import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/lib/storage/format-bytes';

describe('formatBytes(bytes)', () => {
  it('counts bytes below a kilobyte as bytes', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
  });

  it('uses SI units with one decimal below 10 and none above', () => {
    expect(formatBytes(1000)).toBe('1.0 kB');
    expect(formatBytes(1536)).toBe('1.5 kB');
    expect(formatBytes(12_345)).toBe('12 kB');
    expect(formatBytes(999_600)).toBe('1.0 MB');
    expect(formatBytes(12_345_678)).toBe('12 MB');
    expect(formatBytes(2.5e9)).toBe('2.5 GB');
    expect(formatBytes(3e15)).toBe('3000 TB');
  });

  it('shows "?" for anything that is not a byte count', () => {
    expect(formatBytes(-1)).toBe('?');
    expect(formatBytes(Number.NaN)).toBe('?');
  });
});
