import { runsLabels } from '../messages/runs';

/**
 * A readable name for the dataset a run's config points at (NotebookConfig.dataset), read defensively because the
 * config comes from storage: an imported file's name, a built-in file, or the example's size. Null when unknown.
 */
export function datasetLabel(ref: unknown): string | null {
  if (typeof ref !== 'object' || ref === null) return null;
  const r = ref as Record<string, unknown>;
  if (r.kind === 'imported' && typeof r.name === 'string' && r.name !== '') return r.name;
  if (r.kind === 'builtin' && typeof r.file === 'string') return r.file;
  if (r.kind === 'example' && typeof r.stores === 'number' && typeof r.products === 'number' && typeof r.days === 'number') {
    return runsLabels.exampleDataset(r.stores, r.products, r.days);
  }
  return null;
}
