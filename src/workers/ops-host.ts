import { createPredictor, trainModel } from '../adapters/tf-train';
import type { SalesData } from '../lib/data/types';
import { dayToIso } from '../lib/core/days';
import { advancePeriods } from '../lib/core/periods';
import { buildFeatures } from '../lib/features/build-features';
import { fitFeatureState } from '../lib/features/fit-feature-state';
import { forecastFromFeatures } from '../lib/features/forecast-from-features';
import { applyFeatures } from '../lib/features/apply-features';
import { compileFeatures } from '../lib/features/compile-features';
import { inverseTransformTarget } from '../lib/features/target-transform';
import type { FeatureSpec, FeatureState } from '../lib/features/types';
import type { MatrixInput, SerializedWeight } from '../lib/models/train-types';
import type { ModelSpec } from '../lib/models/types';
import { createBaselineHost, isBaselineModel } from '../lib/ops/baseline-host';
import type { ModelHost, ServingModel } from '../lib/ops/types';
import { versionMetricsFromForecast } from '../lib/registry/version-metrics';
import type { ModelVersion } from '../lib/registry/types';
import { fitBatchSize } from '../lib/train/fit-batch-size';
import { selectRows } from '../lib/train/select-rows';
import { directTargets } from '../lib/train/direct-targets';
import { modelOutputWidth } from '../lib/models/model-output-width';
import { sequenceColumns } from '../lib/train/sequence-columns';
import { SHIFTED_ROW_WEIGHT, windowRows, type ShiftedSeries } from '../lib/retrain/training-window';
import { retrainMessages } from '../lib/messages/retrain';

/**
 * The ops worker's models: registered versions served with tfjs on the active backend (weights kept per version id),
 * baselines through the pure host. A version's feature state is refit from the world's rows up to its trainEnd, which
 * gives back exactly the state it was trained with (fitFeatureState is deterministic and history never changes).
 */
export function createTfHost(options: { weights: Map<string, SerializedWeight[]>; onTrained?: (weights: SerializedWeight[]) => void }): ModelHost {
  const baselines = createBaselineHost();
  const { weights } = options;
  return {
    async load(version, artifact) {
      if (isBaselineModel(version.model)) return baselines.load(version);
      if (artifact) weights.set(version.id, artifact as SerializedWeight[]);
      const stored = weights.get(version.id);
      if (!stored) throw new Error(`No weights are stored for ${version.id}.`);
      return servingModel(version, stored);
    },
    async retrain(request) {
      const { parent } = request;
      if (isBaselineModel(parent.model)) return baselines.retrain(request);
      const spec = parent.spec as ModelSpec;
      const featureSpec = parent.featureSpec as FeatureSpec;
      const trainEnd = advancePeriods(request.end, -request.validationPeriods, request.data.frequency);
      const { matrix, state } = buildFeatures(request.data, featureSpec, { fit: { trainEnd } });
      // A direct model's targets: each row's next spec.steps periods, none past its own range's end.
      const rowsOf = (after: number, upTo: number, shifted: readonly ShiftedSeries[] = []): MatrixInput => {
        const { index, ...rows } = windowRows(matrix, selectRows(matrix, { after, upTo }), shifted);
        if (!spec.steps) return rows;
        return { ...rows, y: directTargets(matrix, { index, steps: spec.steps, upTo, frequency: request.data.frequency }), targets: spec.steps };
      };
      const train = rowsOf(request.start === null ? -Infinity : request.start - 1, trainEnd, request.shifted);
      // Validation rows are the newest periods, after any shift: every series is judged there.
      const validation = rowsOf(trainEnd, request.end);
      const fitted = fitBatchSize(spec, train.rows);
      const sequence = fitted.kind === 'cnn' ? sequenceColumns(matrix.names) : null;
      const trained = await trainModel({ spec: fitted, seed: request.seed, train, validation, sequence });
      options.onTrained?.(trained.weights);
      const model = createPredictor({ spec: fitted, weights: trained.weights, width: matrix.names.length, sequence });
      try {
        const forecast = await forecastFromFeatures({
          data: request.data, spec: featureSpec, state, cutoff: trainEnd, horizon: request.validationPeriods, predict: (x, rows) => model.predict(x, rows),
          ...(fitted.loss === 'quantile' ? { quantiles: fitted.quantiles } : {}),
          ...(fitted.steps ? { steps: fitted.steps } : {}),
        });
        return {
          draft: {
            source: 'retrain',
            runId: null,
            model: parent.model,
            spec: fitted,
            featureSpec,
            dataHash: parent.dataHash,
            seed: request.seed,
            backend: parent.backend,
            trainEnd,
            trainStart: request.start,
            metrics: versionMetricsFromForecast({ data: request.data, forecast, cutoff: trainEnd, horizon: request.validationPeriods, cost: request.cost }),
            description: `${parent.model} retrained on ${request.start === null ? 'all history' : dayToIso(request.start)} … ${dayToIso(trainEnd)}${shiftedNote(request.shifted)}, validated on the ${request.validationPeriods} periods after.`,
            parent: parent.id,
          },
          artifact: trained.weights,
        };
      } finally {
        model.dispose();
      }
    },
  };
}

/** The series held to rows after a level shift, for the version's description. */
function shiftedNote(shifted: readonly ShiftedSeries[] = []): string {
  return shifted.map((shift) => retrainMessages.shiftedRows(shift.series.length, dayToIso(shift.from), SHIFTED_ROW_WEIGHT)).join('');
}

function servingModel(version: ModelVersion, weights: SerializedWeight[]): ServingModel {
  const spec = version.spec as ModelSpec;
  const featureSpec = version.featureSpec as FeatureSpec;
  let state: FeatureState | null = null;
  let predictor: ReturnType<typeof createPredictor> | null = null;
  const ready = (data: SalesData) => {
    state ??= fitFeatureState(data, featureSpec, { trainEnd: version.trainEnd });
    predictor ??= createPredictor({ spec, weights, width: state.names.length, sequence: spec.kind === 'cnn' ? sequenceColumns(state.names) : null });
    return { state, predictor };
  };
  return {
    versionId: version.id,
    prepare(data) {
      ready(data);
    },
    async forecast(data, { cutoff, horizon }) {
      const { state: fitted, predictor: model } = ready(data);
      return forecastFromFeatures({
        data, spec: featureSpec, state: fitted, cutoff, horizon, predict: (x, rows) => model.predict(x, rows),
        ...(spec.loss === 'quantile' ? { quantiles: spec.quantiles } : {}),
        ...(spec.steps ? { steps: spec.steps } : {}),
      });
    },
    async predictRows(data, range) {
      const { state: fitted, predictor: model } = ready(data);
      const matrix = applyFeatures(data, featureSpec, fitted);
      const { index, ...rows } = selectRows(matrix, { after: range.from - 1, upTo: range.to });
      const outputs = await model.predict(rows.x, rows.rows);
      // One step ahead: a direct model's first step is its first block of outputs.
      const width = modelOutputWidth(spec);
      const median = spec.loss === 'quantile' ? Math.max(0, spec.quantiles.indexOf(0.5)) : 0;
      const { scaleOf } = compileFeatures(data, featureSpec, fitted);
      const rowOf = new Map<number, number>();
      for (let r = 0; r < data.date.length; r++) {
        const d = data.date[r] as number;
        if (d >= range.from && d <= range.to) rowOf.set((data.series[r] as number) * 1e7 + d, r);
      }
      const out = new Float64Array(data.date.length).fill(NaN);
      for (let i = 0; i < rows.rows; i++) {
        const m = index[i] as number;
        const s = matrix.series[m] as number;
        const r = rowOf.get(s * 1e7 + (matrix.date[m] as number));
        if (r === undefined) continue;
        out[r] = Math.max(0, inverseTransformTarget(featureSpec.target, outputs[i * width + median] as number, scaleOf[s] as number));
      }
      return out;
    },
    dispose() {
      predictor?.dispose();
      predictor = null;
    },
  };
}
