import type { Frequency } from '../lib/data/types';
import { defaultCostModel, type CostModel } from '../lib/scope/cost-model';
import { resolveHorizon } from '../lib/scope/default-horizon';
import { committedMetrics, MAX_CUSTOM_METRICS, metricDraftRows, type MetricDraft, type MetricDraftRow } from '../lib/scope/metric-draft-rows';
import { parseScopeNumber, type ScopeNumberLimits } from '../lib/scope/parse-scope-number';
import type { MetricName, ScopeConfig } from '../lib/notebook/stage-configs';
import type { NotebookState } from './notebook.svelte';

type Requirements = ScopeConfig['requirements'];
/** Fields typed as text that must parse as numbers; their errors are kept here until the text is fixed. */
export type ScopeNumberField = 'horizon' | 'latencyBudgetMs' | keyof CostModel;

/** The same limits as the notebook link's schema (src/lib/notebook/config.ts, stage-configs.ts). */
const LIMITS: Record<ScopeNumberField, ScopeNumberLimits> = {
  horizon: { min: 1, max: 366, integer: true, optional: true },
  latencyBudgetMs: { min: 0, max: 600_000 },
  unitPrice: { min: 0, max: 1e9 },
  unitCost: { min: 0, max: 1e9 },
  holdingCostPerUnitPerPeriod: { min: 0, max: 1e9 },
  stockoutPenaltyPerUnit: { min: 0, max: 1e9 },
};

/** Where the Scope reads from; getters, so a component's props stay live. */
export interface ScopeSource {
  notebook: () => NotebookState;
  /** The data's frequency (null before any data): picks the default horizon and cost model. */
  frequency: () => Frequency | null;
}

/**
 * The Scope stage: everything it decides lives in the notebook's configuration (`config.scope`, `config.horizon`);
 * this slice only holds what is not decided yet — numbers that did not parse, and metric formulas being typed
 * (a formula reaches the configuration only once it parses).
 */
export class ScopeState {
  /** Messages for number fields whose text was refused, by field. */
  fieldErrors = $state.raw<Partial<Record<ScopeNumberField, string>>>({});
  /** Bumped by "reset to defaults", so the cost fields drop any text that was refused. */
  costResets = $state(0);

  readonly #source: ScopeSource;
  #drafts = $state.raw<MetricDraft[]>([]);

  /** The metric editor's rows, checked as typed. */
  readonly metrics: MetricDraftRow[] = $derived(metricDraftRows(this.scope.customMetrics, this.#drafts));

  constructor(source: ScopeSource) {
    this.#source = source;
  }

  get scope(): ScopeConfig {
    return this.#source.notebook().config.scope;
  }

  get frequency(): Frequency | null {
    return this.#source.frequency();
  }

  /** The horizon set in the Scope; null: the frequency's default. */
  get configuredHorizon(): number | null {
    return this.#source.notebook().config.horizon;
  }

  /** The horizon in use: the configured one, or the frequency's default. */
  get horizon(): number {
    return resolveHorizon(this.configuredHorizon, this.frequency);
  }

  get defaultHorizon(): number {
    return resolveHorizon(null, this.frequency);
  }

  /** The cost model shown: the configured one, or the defaults for the data's frequency. */
  get cost(): CostModel {
    return this.scope.cost ?? this.defaultCost;
  }

  get defaultCost(): CostModel {
    return defaultCostModel(this.frequency ?? 'daily');
  }

  get canAddMetric(): boolean {
    return this.metrics.length < MAX_CUSTOM_METRICS;
  }

  setHorizon(text: string): void {
    this.#number('horizon', text, (horizon) => this.#source.notebook().update({ horizon }));
  }

  setLatency(text: string): void {
    this.#number('latencyBudgetMs', text, (value) => this.setRequirement('latencyBudgetMs', value ?? 0));
  }

  setRequirement<K extends keyof Requirements>(key: K, value: Requirements[K]): void {
    this.#update({ requirements: { ...this.scope.requirements, [key]: value } });
  }

  setCost(field: keyof CostModel, text: string): void {
    this.#number(field, text, (value) => this.#update({ cost: { ...this.cost, [field]: value ?? 0 } }));
  }

  resetCost(): void {
    const { unitPrice: _p, unitCost: _c, holdingCostPerUnitPerPeriod: _h, stockoutPenaltyPerUnit: _s, ...rest } = this.fieldErrors;
    this.fieldErrors = rest;
    this.costResets++;
    this.#update({ cost: null });
  }

  setPrimaryMetric(metric: MetricName): void {
    this.#update({ primaryMetric: metric });
  }

  /** Score only open periods when the data says when a series is closed (see ScopeConfig.openOnly). */
  setOpenOnly(openOnly: boolean): void {
    this.#update({ openOnly });
  }

  /** A keystroke in a metric's name or formula: kept as a draft, checked, not saved yet. */
  editMetric(key: number, patch: Partial<Pick<MetricDraft, 'name' | 'expression'>>): void {
    this.#drafts = this.#rows().map((row) => (row.key === key ? { ...row, ...patch } : row));
  }

  /** Leaving a metric's field, or Enter: a valid metric is saved to the notebook; an invalid one stays a draft. */
  commitMetric(key: number): void {
    const row = this.metrics.find((r) => r.key === key);
    if (!row || !row.valid || row.saved) return;
    const name = row.name.trim();
    this.#saveDrafts(this.#rows().map((draft) => (draft.key === key ? { ...draft, name, committed: { name, expression: row.expression } } : draft)));
  }

  addMetric(): void {
    if (!this.canAddMetric) return;
    const rows = this.#rows();
    const key = rows.reduce((max, row) => Math.max(max, row.key + 1), 0);
    this.#drafts = [...rows, { key, name: `metric_${rows.length + 1}`, expression: '', committed: null }];
  }

  removeMetric(key: number): void {
    this.#saveDrafts(this.#rows().filter((row) => row.key !== key));
  }

  /** The rows as plain drafts (the checks are recomputed from them). */
  #rows(): MetricDraft[] {
    return this.metrics.map(({ key, name, expression, committed }) => ({ key, name, expression, committed }));
  }

  #saveDrafts(drafts: MetricDraft[]): void {
    this.#drafts = drafts;
    const customMetrics = committedMetrics(drafts);
    if (JSON.stringify(customMetrics) !== JSON.stringify(this.scope.customMetrics)) this.#update({ customMetrics });
  }

  #number(field: ScopeNumberField, text: string, apply: (value: number | null) => void): void {
    const parsed = parseScopeNumber(text, LIMITS[field]);
    if ('error' in parsed) {
      this.fieldErrors = { ...this.fieldErrors, [field]: parsed.error };
      return;
    }
    const { [field]: _cleared, ...rest } = this.fieldErrors;
    this.fieldErrors = rest;
    apply(parsed.value);
  }

  #update(patch: Partial<ScopeConfig>): void {
    this.#source.notebook().update({ scope: { ...this.scope, ...patch } });
  }
}
