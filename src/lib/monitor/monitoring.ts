import type { PeriodGrid } from '../core/period-grid';
import type { ModelVersion } from '../registry/types';
import type { SimulatedWorld } from '../scenarios/types';
import type { CostModel } from '../scope/cost-model';
import { raiseAlerts } from './alert-raise';
import type { Alert, AlertRules } from './alert-rules';
import { explainAlert, type AlertExplanation } from './explain-alert';
import { monitorPeriod, type MonitorContext, type MonitorReport } from './monitor-period';
import { monitoringWindow } from './monitoring-window';
import { windowPerformance } from './performance-figures';

export interface MonitoringOptions {
  world: SimulatedWorld;
  grid: PeriodGrid;
  rules: AlertRules;
  cost: CostModel;
  horizon: number;
}

/** What one period's monitoring reads: the endpoint's log and the champion's answers on the reference rows. */
export interface ObservedPeriod {
  period: number;
  /** The newest period whose actuals have arrived. */
  known: number;
  served: Float64Array;
  champion: ModelVersion;
  referencePredictions: Float64Array;
}

/**
 * Monitoring of a simulated deployment: each period's report, the alerts raised so far (each rule's cooldown reads
 * them) and the distributions each alert was raised on, for its explanation chart.
 */
export class Monitoring {
  readonly context: MonitorContext;
  report: MonitorReport | null = null;
  alerts: Alert[] = [];
  readonly explanations: Record<string, AlertExplanation> = {};

  constructor({ world, grid, rules, cost, horizon }: MonitoringOptions) {
    this.context = { world, grid, rules, cost, window: monitoringWindow(horizon, world.data.frequency), horizon };
  }

  /** Monitor the period that just ended; gives back the alerts it raised. */
  observe(observed: ObservedPeriod): Alert[] {
    const { period } = observed;
    const report = monitorPeriod(this.context, observed);
    this.report = report;
    if (!report) return [];
    const raised = raiseAlerts({
      period,
      date: this.context.grid.dates[period] as number,
      drift: report.columns,
      datasetDrift: report.dataset,
      predictionDrift: report.prediction,
      targetDrift: report.target,
      performance: report.performance.decay,
      // Cost is charted, not alerted on: money per row follows the season and the sales level, so against one
      // test window it "decays" every spring; WAPE, scaled by the sales, carries the same signal without that.
      cost: null,
      quality: report.quality,
      segments: report.segments,
      rules: this.context.rules,
      previous: this.alerts,
    });
    this.alerts = [...this.alerts, ...raised];
    for (const alert of raised) {
      const drift = explainAlert(report, alert);
      if (drift) this.explanations[alert.id] = drift;
    }
    return raised;
  }

  /** Error of the served forecasts for the period whose actuals arrived now. */
  periodError(known: number, served: Float64Array): { periodWape: number | null; periodCost: number | null } {
    if (known < 0) return { periodWape: null, periodCost: null };
    const figures = windowPerformance(this.context, { from: known, to: known, forecast: served });
    return { periodWape: figures.wape, periodCost: figures.cost };
  }
}
