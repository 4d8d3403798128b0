/**
 * A stored run without its artifacts (trained weights can be megabytes per run): the runs table and the comparison
 * need the config and the results only, so the weights of a long list of runs are not kept in memory.
 * Anything that is not an object is passed through for readRun to judge.
 */
export function withoutArtifacts<T>(record: T): T {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;
  return { ...record, artifacts: null };
}
