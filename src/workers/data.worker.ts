/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import Papa from 'papaparse';
import { generateSales } from '../lib/data/generate-sales';
import { salesToCsv } from '../lib/data/sales-to-csv';
import { previewCsv } from '../lib/data/preview-csv';
import { detectMapping } from '../lib/data/detect-mapping';
import { checkFileSize } from '../lib/data/check-file-size';
import { createIngest } from '../lib/data/create-ingest';
import { emptySalesData } from '../lib/data/empty-sales-data';
import { hashBytes } from '../lib/data/hash-bytes';
import { tooShortToTrain, validateSales } from '../lib/data/validate-sales';
import { cleanSales } from '../lib/data/clean-sales';
import type { SalesData, ValidationReport } from '../lib/data/types';
import { exploreSales } from '../lib/eda/explore-sales';
import { aggregateSalesOverTime } from '../lib/eda/aggregate-sales-over-time';
import { resolveHorizon } from '../lib/scope/default-horizon';
import { dataNotLoaded, dataNotUsable, loadCancelled } from '../lib/messages/notebook';
import { modelBundle, zipBundle, type NetworkColumns, type VersionNetwork } from '../lib/export/tfjs-bundle';
import type { ModelSpec } from '../lib/models/types';
import { DataPipeline } from './data-pipeline';
import type { CleanRequest, DataPeer, DataWorkerApi, LoadProgress, LoadRequest, LoadResult, MatrixService, NetworkRef, NetworkPredict, TableService } from './data-protocol';
import type { TrainerPeer } from './train-protocol';
import { linkTo, type Link } from './worker-link';

/**
 * The data worker: a thin dispatcher over src/lib. It keeps the loaded table and its cleaned version, so the page
 * never holds a million rows and never runs a long task. One load at a time; a new load replaces the old table
 * only when it has finished (a cancelled or failed load leaves the previous one in place). Other workers reach the
 * table over channels of their own (connect): each train lane fetches its matrices and answers this worker's
 * predictions; the ops worker fetches its copy of the cleaned table.
 */

// Enough rows for detection to see several series (e.g. to tell a composite id from its parts).
const PREVIEW_BYTES = 1024 * 1024;
const CHUNK_BYTES = 4 * 1024 * 1024;
// Kinds validateSales decides from the table as a whole; they are recomputed when the horizon changes.
const TABLE_KINDS = new Set(['duplicate-rows', 'gaps', 'mixed-frequency', 'series-too-short']);

let raw: { data: SalesData; report: ValidationReport } | null = null;
let cleaned: SalesData | null = null;
/** Why features and training cannot go on with the cleaned table (null: they can). */
let trainingBlocked: string | null = null;
let cancelRequested = false;
const pipeline = new DataPipeline();
/** Each train lane's channel, by lane: this worker asks it for predictions. */
const trainers = new Map<number, Link<TrainerPeer>>();
/** Every connected port by peer, to close when the peer is gone or replaced. */
const ports = new Map<string, MessagePort>();

const matrixService: MatrixService = {
  async windowMatrices(window, steps) {
    const result = pipeline.matrices(window, steps);
    return Comlink.transfer(result, [result.train.x.buffer, result.train.y.buffer, result.validation.x.buffer, result.validation.y.buffer]);
  },

  async finalMatrix(request) {
    const result = pipeline.finalMatrix(usable(), request);
    return Comlink.transfer(result, [result.rows.x.buffer, result.rows.y.buffer]);
  },
};

const tableService: TableService = {
  async cleanedTable() {
    // A copy goes out (transferred): the simulation in the ops worker builds its world from it.
    const data = usable();
    const copy: SalesData = {
      ...data,
      date: data.date.slice(),
      series: data.series.slice(),
      sales: data.sales.slice(),
      covariates: Object.fromEntries(Object.entries(data.covariates).map(([name, values]) => [name, values.slice()])),
    };
    delete copy.rowLines;
    delete copy.rowFlags;
    return Comlink.transfer(copy, [copy.date.buffer, copy.series.buffer, copy.sales.buffer, ...Object.values(copy.covariates).map((c) => c.buffer)]);
  },
};

const api: DataWorkerApi = {
  async load(request, onProgress) {
    cancelRequested = false;
    const blob = await sourceBlob(request, onProgress);
    const result = await ingestBlob(blob, request, onProgress);
    // Unusable data never replaces the table in use: the page shows why, and everything else keeps working.
    if (result.report.usable) {
      raw = { data: result.data, report: result.report };
      cleaned = null;
    }
    return result.summary;
  },

  cancel() {
    cancelRequested = true;
  },

  async clean(request: CleanRequest) {
    if (!raw) throw new Error(dataNotLoaded());
    const horizon = resolveHorizon(request.horizon, raw.report.frequency);
    const tableIssues = validateSales(raw.data, { horizon });
    const report: ValidationReport = {
      ...raw.report,
      issues: [...raw.report.issues.filter((issue) => !TABLE_KINDS.has(issue.kind)), ...tableIssues],
    };
    trainingBlocked = tooShortToTrain(tableIssues);
    const data = cleanSales(raw.data, report, request.cleaning);
    cleaned = data;
    return {
      report,
      horizon,
      rowCount: data.date.length,
      seriesCount: data.seriesLabels.length,
      frequency: data.frequency,
      seriesKeys: data.seriesKeys,
      defaultGroupKey: data.seriesKeys.find((_, k) => new Set(data.seriesKeyValues.map((values) => values[k])).size > 1) ?? data.seriesKeys[0] ?? null,
      seriesLabels: data.seriesLabels,
      ...dateRange(data.date),
    };
  },

  async explore(options) {
    return exploreSales(usable(), options);
  },

  async salesOverTime(options) {
    return aggregateSalesOverTime(usable(), options);
  },

  async prepareFeatures(request) {
    // Every series too short for the horizon: the data can be explored, but nothing can be trained or checked.
    if (trainingBlocked) throw new Error(trainingBlocked);
    return pipeline.prepare(usable(), request);
  },

  async forecastWindow(request) {
    return pipeline.forecast(request, request.network && predictWith(request.network));
  },

  async importance(request) {
    return pipeline.importance(request, predictWith(request.network));
  },

  async exportModel({ version, weights, horizon, lane, backend }) {
    const network = weights ? versionNetwork(lane, { spec: version.spec as ModelSpec, weights, backend, keep: `export ${version.id}` }) : null;
    const bundle = await modelBundle({ data: usable(), version, horizon, network });
    const zip = zipBundle(bundle, { mtime: Date.parse(version.created) });
    return Comlink.transfer({ zip, fileName: `${bundle.name}.zip` }, [zip.buffer]);
  },

  connect(peer, port) {
    const key = peerKey(peer);
    ports.get(key)?.close();
    ports.set(key, port);
    if (peer.kind === 'ops') {
      Comlink.expose(tableService, port);
      return;
    }
    trainers.get(peer.lane)?.cut('The channel to this train worker was replaced.');
    trainers.set(peer.lane, linkTo<TrainerPeer>(port));
    // The same port the other way: the lane fetches its matrices.
    Comlink.expose(matrixService, port);
  },

  disconnect(peer, message) {
    if (peer.kind === 'train') trainers.get(peer.lane)?.cut(message);
    ports.get(peerKey(peer))?.close();
    ports.delete(peerKey(peer));
  },
};

const peerKey = (peer: DataPeer) => (peer.kind === 'train' ? `train ${peer.lane}` : 'ops');

/**
 * The network's forward pass, asked of its lane's train worker. Its callers build a fresh array for each call, so the
 * rows are transferred; the weights are copied (the model is built from them once per `keep` key).
 */
function predictWith(network: NetworkRef): NetworkPredict {
  const trainer = trainers.get(network.lane);
  if (!trainer) throw new Error(`No train worker is connected as lane ${network.lane}.`);
  const { width, sequence } = pipeline.columns();
  const { spec, weights, backend, keep } = network;
  const cnn = spec.kind === 'cnn' && sequence ? { sequence } : {};
  return (x, rows) => trainer.api.predict(Comlink.transfer({ spec, weights, x, rows, width, backend, keep, ...cnn }, [x.buffer as ArrayBuffer]));
}

/** A registered version's network, for its export: lane `lane` predicts with it and writes it, over their channel. */
function versionNetwork(lane: number, { spec, weights, backend, keep }: Omit<NetworkRef, 'lane'>): VersionNetwork {
  const trainer = trainers.get(lane);
  if (!trainer) throw new Error(`No train worker is connected as lane ${lane}.`);
  const cnn = ({ sequence }: NetworkColumns) => (spec.kind === 'cnn' && sequence ? { sequence } : {});
  return {
    predict: (x, rows, columns) => trainer.api.predict(Comlink.transfer({ spec, weights, x, rows, width: columns.width, backend, keep, ...cnn(columns) }, [x.buffer as ArrayBuffer])),
    layersModel: (columns) => trainer.api.layersModel({ spec, weights, ...columns, backend }),
  };
}

function usable(): SalesData {
  if (!cleaned) throw new Error(dataNotLoaded());
  if (cleaned.date.length === 0) throw new Error(dataNotUsable());
  return cleaned;
}

async function sourceBlob(request: LoadRequest, onProgress: (p: LoadProgress) => void): Promise<Blob> {
  if (request.source.kind === 'blob') return request.source.blob;
  onProgress({ phase: 'generating', done: 0, total: 1 });
  const csv = salesToCsv(generateSales(request.source.options));
  onProgress({ phase: 'generating', done: 1, total: 1 });
  return new Blob([csv], { type: 'text/csv' });
}

async function ingestBlob(
  blob: Blob,
  request: LoadRequest,
  onProgress: (p: LoadProgress) => void,
): Promise<{ data: SalesData; report: ValidationReport; summary: LoadResult }> {
  const name = request.source.name;
  const slice = await blob.slice(0, PREVIEW_BYTES).text();
  // A slice ends mid-line; only whole lines go to the preview.
  const head = blob.size > PREVIEW_BYTES ? slice.slice(0, slice.lastIndexOf('\n') + 1) : slice;
  const preview = previewCsv(head);
  const detection = detectMapping(preview);
  const mapping = request.mapping ?? detection.mapping;
  const summary = (report: ValidationReport, hash: string): LoadResult => ({ name, hash, sizeBytes: blob.size, preview, detection, mapping, report });

  // Checked before a single byte more is read: an oversized file is refused, not half-loaded.
  const tooLarge = checkFileSize(blob.size);
  if (tooLarge) {
    const report: ValidationReport = { rowCount: 0, seriesCount: 0, frequency: null, start: null, end: null, issues: [tooLarge], usable: false };
    return { data: emptySalesData(mapping), report, summary: summary(report, '') };
  }
  const hash = await hashBytes(new Uint8Array(await blob.arrayBuffer()));

  const ingest = createIngest({
    mapping,
    header: preview.header,
    dateFormat: detection.dateFormat,
    delimiter: preview.delimiter,
    ...(request.horizon !== null ? { horizon: request.horizon } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    let line = 1;
    let bytes = 0;
    Papa.parse<string[]>(blob as File, {
      delimiter: preview.delimiter,
      newline: preview.newline,
      skipEmptyLines: false,
      chunkSize: CHUNK_BYTES,
      chunk: ({ data, errors }, parser) => {
        if (cancelRequested) {
          // Reject first: papaparse's abort() calls `complete`, whose resolve() would otherwise win.
          reject(new Error(loadCancelled()));
          parser.abort();
          return;
        }
        const skip = line === 1 ? 1 : 0;
        const quoteErrors = errors.flatMap((error) => (error.type === 'Quotes' && error.row !== undefined ? [{ code: error.code, row: error.row - skip }] : []));
        ingest.addRows(data.slice(skip), line + skip, quoteErrors);
        line += data.length;
        bytes = Math.min(blob.size, bytes + CHUNK_BYTES);
        onProgress({ phase: 'reading', done: bytes, total: blob.size });
      },
      complete: () => resolve(),
      error: (error) => reject(error),
    });
  });
  onProgress({ phase: 'checking', done: blob.size, total: blob.size });
  const { data, report } = ingest.finish();
  return { data, report, summary: summary(report, hash) };
}

function dateRange(dates: Int32Array): { start: number | null; end: number | null } {
  if (dates.length === 0) return { start: null, end: null };
  let start = Infinity;
  let end = -Infinity;
  for (const d of dates) {
    if (d < start) start = d;
    if (d > end) end = d;
  }
  return { start, end };
}

Comlink.expose(api);
