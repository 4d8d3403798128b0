import type { DatasetRef } from '../notebook/config';
import { localDate } from '../storage/format-timestamp';

/**
 * Names of the files the page saves (a chart's PNG or SVG, a table's CSV, the report):
 * `forecast-lab-<what>-<dataset>-<YYYY-MM-DD>.<extension>`, so a folder of downloads sorts by what they show and
 * says which data they came from. Only [a-z0-9-] in the variable parts: safe on every file system.
 */
export function downloadFileName(options: { what: string; dataset: DatasetRef | null; date: Date; extension: string }): string {
  const parts = ['forecast-lab', fileSlug(options.what), options.dataset ? datasetSlug(options.dataset) : '', localDate(options.date)];
  return `${parts.filter((part) => part !== '').join('-')}.${options.extension}`;
}

/** The dataset in a file name: the example by its seed, a file by its name without the extension. */
export function datasetSlug(ref: DatasetRef): string {
  if (ref.kind === 'example') return `example-seed${ref.seed}`;
  const name = ref.kind === 'builtin' ? ref.file : ref.name;
  return fileSlug(name.replace(/\.[a-z0-9]{1,5}$/i, ''));
}

/** Lower case, runs of anything but letters and digits as one hyphen, at most 60 characters. */
export function fileSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
}
