/**
 * A 32-bit hash of a text under a seed: FNV-1a over the UTF-16 code units, seeded through the offset basis, then
 * murmur3's finaliser so that labels differing in one character (series 1, series 2) land far apart. Not for
 * security: for stable, order-free assignments (which series a canary serves).
 */
export function hashLabel(label: string, seed: number): number {
  let h = (0x811c9dc5 ^ Math.imul(seed | 0, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
