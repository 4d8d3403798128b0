import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashBytes, hashText } from '../../../src/lib/data/hash-bytes';

describe('hashBytes(bytes) / hashText(text)', () => {
  it('hashText(text) gives the FIPS 180-2 test vectors for "abc" and ""', async () => {
    expect(await hashText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await hashText('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashBytes(bytes) of a real dataset matches the sha256 in ../shared/datasets/README.md', async () => {
    const bytes = readFileSync(path.resolve(__dirname, '../../../../shared/datasets/us-retail-sales-monthly.csv'));
    const hex = await hashBytes(new Uint8Array(bytes));
    expect(hex).toBe('6556f0683b78362c4bc4390b8feb66870beecd7189cc052e650ccac9b21cd65c');
  });

  it('hashText(text) hashes UTF-8, so it equals hashBytes of the encoded text', async () => {
    const text = 'Kölnisch Wasser · 4,99 €';
    expect(await hashText(text)).toBe(await hashBytes(new TextEncoder().encode(text)));
  });
});
