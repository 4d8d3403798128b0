/**
 * Stored runs newest first by their `created` timestamp (ISO text sorts by time); rows without a readable one go
 * last, in the order they came. Never drops a row, however malformed.
 */
export function newestFirst<T>(records: readonly T[]): T[] {
  const created = (record: T): string | null => {
    const value = typeof record === 'object' && record !== null ? (record as { created?: unknown }).created : undefined;
    return typeof value === 'string' ? value : null;
  };
  return records
    .map((record, index) => ({ record, index, created: created(record) }))
    .sort((a, b) => {
      if (a.created === b.created) return a.index - b.index;
      if (a.created === null || b.created === null) return a.created === null ? 1 : -1;
      return a.created < b.created ? 1 : -1;
    })
    .map(({ record }) => record);
}
