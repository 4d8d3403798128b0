import { evaluateMessages, type EvaluationMetricKey } from '../messages/evaluate';
import type { MetricName } from '../notebook/stage-configs';

/**
 * The Scope stage's framing, written down before any data: what is forecast and why, the ways it could be solved,
 * and which numbers each role will judge a model by. Plain data; the Scope panel shows it as it is.
 */
export interface ProblemStatement {
  /** What is forecast, at which grain. */
  forecast: string;
  /** The decision the forecast feeds. */
  decision: string;
  /** What "good" means, so every model is judged the same way. */
  judgedBy: string;
}

export const PROBLEM_STATEMENT: ProblemStatement = {
  forecast: 'Units sold per product, per store, per period (day, week or month), for the next horizon of periods.',
  decision: 'The shop orders that many units, so it buys the right amount: too few lose sales and customers, too many tie up money and shelf space.',
  judgedBy: 'Every model is compared with the current method (seasonal naive: the same period last season) on accuracy, stockouts and overstock, and money.',
};

export interface CandidateSolution {
  id: 'rule-of-thumb' | 'spreadsheet' | 'classical' | 'global-ml' | 'service';
  name: string;
  how: string;
  value: string;
  feasibility: string;
  /** The solution this notebook builds. */
  builtHere: boolean;
}

const CANDIDATES: readonly CandidateSolution[] = [
  {
    id: 'rule-of-thumb',
    name: 'Keep the current rule of thumb',
    how: 'Order what sold in the same period last season (seasonal naive).',
    value: 'The yardstick: free, understood by everyone, but blind to trends, promotions and price changes.',
    feasibility: 'Already in place; nothing to build or run.',
    builtHere: false,
  },
  {
    id: 'spreadsheet',
    name: 'Moving averages in a spreadsheet',
    how: 'Average the last few periods per product and store, adjusted by hand.',
    value: 'Smooths noise; reacts to level shifts, but lags trends and ignores seasonality and promotions.',
    feasibility: 'Easy for one shop; error-prone and slow across thousands of series.',
    builtHere: false,
  },
  {
    id: 'classical',
    name: 'A classical statistical model per series',
    how: 'Exponential smoothing or ARIMA, fitted to each product-store series on its own.',
    value: 'Handles trend and seasonality with intervals; well understood and explainable.',
    feasibility: 'Needs enough history per series; thousands of fits to maintain; learns nothing across series.',
    builtHere: false,
  },
  {
    id: 'global-ml',
    name: 'One global ML model across series',
    how: 'One model learns from all series at once from lags, calendar, price and promotion features.',
    value: 'Shares patterns across products and stores, uses covariates, copes with short series.',
    feasibility: 'Needs feature engineering, honest backtests and monitoring: what this notebook builds.',
    builtHere: true,
  },
  {
    id: 'service',
    name: 'Buy an off-the-shelf forecasting service',
    how: 'Send the sales history to a vendor and receive forecasts back.',
    value: 'Strong models without building them; support and updates included.',
    feasibility: 'Licence cost, data leaves the company, little control or explanation; integration work remains.',
    builtHere: false,
  },
];

export function candidateSolutions(): readonly CandidateSolution[] {
  return CANDIDATES;
}

export type Role = 'dataScientist' | 'expert' | 'business';

export interface RoleMetric {
  key: EvaluationMetricKey;
  label: string;
  why: string;
  /** The data scientist's chosen primary metric: the one models are ranked by. */
  primary: boolean;
}

export interface RoleMetrics {
  role: Role;
  /** The role's name, as the Evaluate stage shows it. */
  title: string;
  /** Who that is, in a few words. */
  who: string;
  /** The question the role asks of a forecast. */
  asks: string;
  metrics: RoleMetric[];
}

const PRIMARY_WHY: Readonly<Record<MetricName, string>> = {
  wape: 'Absolute error as a share of units sold: comparable across products, fine with zero-sales periods.',
  mae: 'Mean absolute error in units: easy to read, but dominated by the best-selling series.',
  rmse: 'Root mean squared error in units: punishes large misses most.',
  smape: 'Symmetric percentage error: scale-free, but unstable near zero sales.',
  mase: 'Error relative to the seasonal naive forecast in training: below 1 beats the current method.',
};

/** The key metrics of each role; the data scientist's primary metric is the one chosen in the Scope. */
export function roleMetrics(primaryMetric: MetricName): RoleMetrics[] {
  const label = evaluateMessages.metricLabel;
  const metric = (key: EvaluationMetricKey, why: string, primary = false): RoleMetric => ({ key, label: label[key], why, primary });
  return [
    {
      role: 'dataScientist',
      title: evaluateMessages.roleLabel.dataScientist,
      who: 'builds and compares the models',
      asks: 'Is the forecast accurate, unbiased and honest about its uncertainty?',
      metrics: [
        metric(primaryMetric, PRIMARY_WHY[primaryMetric], true),
        metric('bias', 'Whether the model over- or under-forecasts on average.'),
        metric('coverage80', 'How often the actual falls inside the P10–P90 interval (80 % is right).'),
      ],
    },
    {
      role: 'expert',
      title: evaluateMessages.roleLabel.expert,
      who: 'the subject-matter expert who orders stock',
      asks: 'Will the shelves be empty, or the storeroom full?',
      metrics: [
        metric('stockoutUnits', 'Demand the shop could not serve, in units.'),
        metric('stockoutPeriods', 'Days (periods) per product and store with a stockout.'),
        metric('overstockUnits', 'Units left over after each period.'),
        metric('serviceLevel', 'Share of product-store periods without a stockout.'),
      ],
    },
    {
      role: 'business',
      title: evaluateMessages.roleLabel.business,
      who: 'pays for the stock and for the project',
      asks: 'What does being wrong cost, and is the model worth it?',
      metrics: [
        metric('errorCost', 'Holding cost of overstock, plus lost margin and penalty of stockouts, from the cost model.'),
        metric('savings', 'Cost saved against the current method (seasonal naive) over the same periods.'),
        metric('valuePerYear', 'Those savings scaled to a year: the value estimate below.'),
      ],
    },
  ];
}
