import { downloadFileName } from '../lib/format/file-name';
import { decodeConfigHash } from '../lib/notebook/url-hash';

/** Hand a file to the browser's downloads through a temporary link (the only way a static page saves a file). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A download's name with the notebook's dataset in it (`forecast-lab-<what>-<dataset>-<date>.<ext>`). The dataset is
 * read from the link, which is the notebook's state, at the moment of saving: a chart or table deep in a panel need
 * not be handed it.
 */
export function downloadName(what: string, extension: string): string {
  const { config } = decodeConfigHash(location.hash);
  return downloadFileName({ what, dataset: config.dataset, date: new Date(), extension });
}
