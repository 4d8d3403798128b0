/** The first `length` characters of an id or hash, enough to tell runs and datasets apart in a table. */
export function shortId(id: string, length = 8): string {
  return id.length <= length ? id : id.slice(0, length);
}
