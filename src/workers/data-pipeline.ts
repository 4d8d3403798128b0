import type { SalesData } from '../lib/data/types';
import type { FeatureMatrix, FeatureSpec, FeatureState } from '../lib/features/types';
import { defaultFeatureSpec } from '../lib/features/default-feature-spec';
import { buildFeatures } from '../lib/features/build-features';
import { previewFeatures } from '../lib/features/preview-features';
import { featureCorrelations } from '../lib/features/feature-correlations';
import { forecastFromFeatures } from '../lib/features/forecast-from-features';
import { baselineForecast } from '../lib/models/baseline-forecast';
import { classicalForecast } from '../lib/models/classical-forecast';
import { calendarRegressionForecast } from '../lib/models/calendar-regression';
import { classicalParams } from '../lib/runs/classical-params';
import { combineForecasts } from '../lib/models/combine-forecasts';
import { closedMask, findClosedFlag, zeroClosedForecast, type ClosedFlag } from '../lib/evaluate/closed-periods';
import type { ClassicalKind, FittedParams, Forecast, SeriesFit } from '../lib/models/types';
import { evaluateForecast } from '../lib/evaluate/evaluate-forecast';
import { customMetrics } from '../lib/evaluate/custom-metrics';
import { defaultCostModel } from '../lib/scope/cost-model';
import { resolveHorizon } from '../lib/scope/default-horizon';
import { planBacktest } from '../lib/train/plan-backtest';
import { selectRows } from '../lib/train/select-rows';
import { directTargets } from '../lib/train/direct-targets';
import { sequenceColumns } from '../lib/train/sequence-columns';
import { forecastSample } from '../lib/train/forecast-sample';
import { findCovariate, PROMO_PATTERN } from '../lib/data/find-covariate';
import { permutationImportance } from '../lib/train/permutation-importance';
import { createRng } from '../lib/random/rng';
import { periodEnd, periodIndex } from '../lib/core/periods';
import type { SequenceColumns } from '../lib/models/train-types';
import type { FeaturesRequest, FeaturesResult, FinalMatrix, FinalMatrixRequest, NetworkPredict, WindowForecastRequest, WindowForecastResult, WindowMatrices } from './data-protocol';

type SelectedRows = ReturnType<typeof selectRows>;

interface WindowRows {
  train: SelectedRows;
  validation: SelectedRows;
  heldOut: SelectedRows;
  /** What a direct model's targets are read from (not x: the table-sized features are dropped once selected). */
  matrix: Pick<FeatureMatrix, 'y' | 'rows' | 'series' | 'date'>;
}

/**
 * The modelling half of the data worker: features, the backtest plan, the per-window matrices handed to the train
 * workers, and forecasts + evaluation of each model in each window: baselines, the classical models (fitted here, no
 * tfjs), neural models through a train worker's forward pass, and ensembles of the forecasts already made. The table
 * never leaves this worker; only matrices (transferred to a train worker) and small results do.
 */
export class DataPipeline {
  #data: SalesData | null = null;
  #spec: FeatureSpec | null = null;
  #plan: FeaturesResult['plan'] | null = null;
  /** Per window: the feature state fit on that window's training rows (never on rows after its trainEnd). */
  #states = new Map<number, FeatureState>();
  #windowRows = new Map<number, WindowRows>();
  #names: string[] = [];
  /** Per window, each model's forecast, kept so that an ensemble combines its members' own forecasts of the window. */
  #forecasts = new Map<number, Map<string, Forecast>>();
  /** A 0/1 column saying when a series is closed (forecast 0 there), and its rows, for scoring open periods only. */
  #closed: { flag: ClosedFlag; mask: Uint8Array } | null = null;

  prepare(data: SalesData, request: FeaturesRequest): FeaturesResult {
    const horizon = resolveHorizon(request.horizon, data.frequency);
    const spec = request.spec ?? defaultFeatureSpec(data);
    const plan = planBacktest(data, { horizon, ...request.split });
    const test = plan.windows.at(-1);
    if (!test) throw new Error('No backtest window fits this data.');
    const { matrix, state } = buildFeatures(data, spec, { fit: { trainEnd: test.trainEnd } });
    const train = selectRows(matrix, { after: test.trainStart === null ? -Infinity : test.trainStart - 1, upTo: test.trainEnd });
    this.#data = data;
    this.#spec = spec;
    this.#plan = plan;
    this.#states = new Map([[plan.windows.length - 1, state]]);
    this.#windowRows.clear();
    this.#forecasts.clear();
    const flag = findClosedFlag(data);
    this.#closed = flag ? { flag, mask: closedMask(data, flag) } : null;
    this.#names = matrix.names;
    return {
      spec,
      plan,
      closedFlag: flag?.name ?? null,
      frequency: data.frequency,
      columns: { date: data.mapping.date, sales: data.mapping.sales, keys: data.mapping.keys },
      horizon,
      rows: matrix.rows,
      trainRows: train.rows,
      names: matrix.names,
      sequence: sequenceColumns(matrix.names),
      preview: previewFeatures(matrix, { rows: 12 }),
      correlations: featureCorrelations({ ...matrix, x: train.x, y: train.y, rows: train.rows }),
    };
  }

  matrices(window: number, steps = 1): WindowMatrices {
    const { train, validation, matrix } = this.#rows(window);
    const { data, plan } = this.#ready();
    const w = plan.windows[window]!;
    // Copies go out (transferred); the worker keeps its own for importance. A direct model's targets reach no further
    // than the rows' own range: training rows stop at trainEnd, validation rows at the cutoff.
    const copy = ({ index, ...m }: typeof train, upTo: number) =>
      steps === 1
        ? { ...m, x: m.x.slice(), y: m.y.slice() }
        : { ...m, x: m.x.slice(), y: directTargets(matrix, { index, steps, upTo, frequency: data.frequency }), targets: steps };
    return { train: copy(train, w.trainEnd), validation: copy(validation, w.cutoff), names: this.#names, sequence: sequenceColumns(this.#names) };
  }

  /**
   * Every row up to the data's last period, with the feature state fit on all of them: a version about to be
   * registered is trained on these (for the epoch count its run chose on validation), so the served model has learnt
   * from the newest periods, the test window's included. Only the run's training window, when it had one.
   */
  finalMatrix(data: SalesData, request: FinalMatrixRequest): FinalMatrix {
    const { frequency } = data;
    let last = -Infinity;
    for (const d of data.date) if (d > last) last = d;
    const trainEnd = periodEnd(periodIndex(last, frequency), frequency);
    const trainStart = request.trainingWindow === null ? null : periodEnd(periodIndex(trainEnd, frequency) - request.trainingWindow, frequency) + 1;
    const { matrix } = buildFeatures(data, request.spec, { fit: { trainEnd } });
    const { index, ...rows } = selectRows(matrix, { after: trainStart === null ? -Infinity : trainStart - 1, upTo: trainEnd });
    const steps = request.steps ?? 1;
    const targets = steps === 1 ? {} : { y: directTargets(matrix, { index, steps, upTo: trainEnd, frequency }), targets: steps };
    return { rows: { ...rows, ...targets }, names: matrix.names, sequence: sequenceColumns(matrix.names), trainEnd, trainStart };
  }

  /** The feature matrices' width, and the CNN's lag window within it: what a network's predictions are asked with. */
  columns(): { width: number; sequence: SequenceColumns | null } {
    return { width: this.#names.length, sequence: sequenceColumns(this.#names) };
  }

  /** The window's training and validation rows, built once per window (its feature state fit on its own training rows). */
  #rows(window: number) {
    const cached = this.#windowRows.get(window);
    if (cached) return cached;
    const { data, spec, plan } = this.#ready();
    const w = plan.windows[window];
    if (!w) throw new RangeError(`No backtest window ${window}.`);
    const { matrix, state } = buildFeatures(data, spec, { fit: { trainEnd: w.trainEnd } });
    this.#states.set(window, state);
    this.#names = matrix.names;
    const trainFrom = w.trainStart === null ? -Infinity : w.trainStart - 1;
    const rows: WindowRows = {
      matrix: { y: matrix.y, rows: matrix.rows, series: matrix.series, date: matrix.date },
      train: selectRows(matrix, { after: trainFrom, upTo: w.trainEnd }),
      validation: selectRows(matrix, { after: w.trainEnd, upTo: w.cutoff }),
      heldOut: selectRows(matrix, { after: w.cutoff, upTo: periodEnd(periodIndex(w.cutoff, data.frequency) + plan.horizon, data.frequency) }),
    };
    // Only the latest window is kept: windows are trained in order, and each holds a copy of the table's features.
    this.#windowRows.clear();
    this.#windowRows.set(window, rows);
    return rows;
  }

  async forecast(request: WindowForecastRequest, predict?: NetworkPredict): Promise<WindowForecastResult> {
    const { data, spec, plan } = this.#ready();
    const w = plan.windows[request.window];
    if (!w) throw new RangeError(`No backtest window ${request.window}.`);
    const cost = request.cost ?? defaultCostModel(data.frequency);
    const options = { cutoff: w.cutoff, horizon: plan.horizon };
    const naive = baselineForecast('seasonal-naive', data, options).forecast;
    let forecast: Forecast;
    let forms: string[] | null = null;
    // A classical model's fits: written down on the test window only, the one a run keeps and a download carries.
    let fitted: { model: ClassicalKind; fits: SeriesFit[]; shared?: FittedParams | null } | null = null;
    const model = request.model;
    if (model === 'naive' || model === 'seasonal-naive' || model === 'moving-average') {
      forecast = model === 'seasonal-naive' ? naive : baselineForecast(model, data, options).forecast;
    } else if (model === 'ets' || model === 'theta' || model === 'arima') {
      const result = classicalForecast(model, data, options);
      ({ forecast, forms } = result);
      fitted = { model, fits: result.fits };
    } else if (model === 'calendar') {
      const regression = calendarRegressionForecast(data, options);
      forecast = regression.forecast;
      fitted = { model, fits: regression.fits, shared: regression.shared };
    } else if (model === 'ensemble-mean' || model === 'ensemble-median') {
      const kept = this.#forecasts.get(request.window);
      const members = (request.members ?? []).map((name) => kept?.get(name));
      if (members.length === 0 || members.some((m) => m === undefined)) throw new Error(`Forecast every member of the ${model} on this window first.`);
      forecast = combineForecasts(members as Forecast[], model === 'ensemble-mean' ? 'mean' : 'median');
    } else {
      const state = this.#states.get(request.window);
      if (!state || !predict) throw new Error('Train the model for this window before forecasting it.');
      const steps = request.steps ? { steps: request.steps } : {};
      forecast = await forecastFromFeatures({ data, spec, state, ...options, predict, ...(request.quantiles ? { quantiles: request.quantiles } : {}), ...steps });
    }
    if (this.#closed) forecast = zeroClosedForecast(forecast, data, this.#closed.flag);
    const kept = this.#forecasts.get(request.window) ?? new Map<string, Forecast>();
    kept.set(model, forecast);
    this.#forecasts.set(request.window, kept);
    const flags = [findCovariate(data, { pattern: /holiday/i, flagOnly: true }), findCovariate(data, { pattern: PROMO_PATTERN, flagOnly: true })].filter(
      (name): name is string => name !== null,
    );
    const exclude = this.#closed && request.openOnly ? this.#closed.mask : undefined;
    const evaluation = evaluateForecast({ data, forecast, cutoff: w.cutoff, cost, flags, baseline: naive, ...(exclude ? { exclude } : {}) });
    const custom = customMetrics({ data, forecast, cost, metrics: request.customMetrics });
    const params = fitted && request.window === plan.windows.length - 1 ? classicalParams({ ...fitted, data, cutoff: w.cutoff, forecast }) : null;
    return { evaluation, custom, sample: forecastSample(data, forecast, { model: request.model }), forms, fitted: params };
  }

  /**
   * Permutation importance on the window's held-out periods (one step ahead, every input an actual). Not on the
   * validation rows: the refit model has trained on those, so shuffling them would measure what it memorised. Held-out
   * rows are reported on, never chosen by.
   */
  async importance(request: { window: number; outputs: number; steps?: number; seed: number }, predict: NetworkPredict) {
    const { index: _i, ...heldOut } = this.#rows(request.window).heldOut;
    const steps = request.steps ? { steps: request.steps } : {};
    return permutationImportance({ input: heldOut, names: this.#names, predict, outputs: request.outputs, ...steps, rng: createRng(request.seed) });
  }

  #ready(): { data: SalesData; spec: FeatureSpec; plan: FeaturesResult['plan'] } {
    if (!this.#data || !this.#spec || !this.#plan) throw new Error('Build the features on the Features stage first.');
    return { data: this.#data, spec: this.#spec, plan: this.#plan };
  }
}
