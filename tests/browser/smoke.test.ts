import { describe, expect, it } from 'vitest';

describe('browser toolchain', () => {
  it('has real IndexedDB and WebGL2 in Chromium', () => {
    expect(typeof indexedDB.open).toBe('function');
    const gl = document.createElement('canvas').getContext('webgl2');
    expect(gl).not.toBeNull();
  });
});
