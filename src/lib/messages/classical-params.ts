// User-facing texts of the classical models' parameter download (Evaluate stage, and each run's MLflow artifacts:
// src/lib/export/classical-params-file.ts), with the note and the snippet the file carries. A test runs the snippet.
import type { Frequency } from '../data/types';
import type { ClassicalKind } from '../models/types';

export const classicalParamsTexts = {
  title: 'Fitted parameters',
  button: (model: string): string => `Download ${model} parameters (JSON)`,
  help:
    'Per series, the form each classical model chose on the test window and what it estimated, named as R’s forecast ' +
    'package (and lm) name them, with the forecast Forecast Lab scored and how to reproduce it.',
} as const;

const PERIOD: Record<Frequency, string> = { daily: 'day', weekly: 'week', monthly: 'month' };

/**
 * Point forecasts from the parameters alone (no history needed): ETS from `laststate`, Theta from `level` and `drift`.
 * ETS gives R's forecast mean for every form but multiplicative error with a multiplicative season (M,*,M), whose mean
 * R's forecast.ets raises by a small variance term.
 */
export const CLASSICAL_SNIPPET = `function etsPoint({ form, params: p }, h) {
  const [, , trend, damped, season] = /^ETS\\((\\w),(\\w)(d?),(\\w)\\)$/.exec(form);
  const { l, b = 0 } = p.laststate;
  let steps = 0;
  for (let j = 1; j <= h; j++) steps += damped ? p.phi ** j : 1;
  const base = trend === 'N' ? l : l + steps * b;
  if (season === 'N') return base;
  const s = p.laststate['s' + (p.m - ((h - 1) % p.m))];
  return season === 'A' ? base + s : base * s;
}
function thetaPoint({ params: p }, h) {
  const mean = p.level + p.drift * (h - 1 + (1 - (1 - p.alpha) ** p.nobs) / p.alpha);
  return p.seasonal ? mean * p.seasonal.indices[(h - 1) % p.seasonal.m] : mean;
}`;

const HOW_TO: Record<ClassicalKind, (facts: { period: string; cutoff: string }) => string[]> = {
  ets: ({ period }) => [
    'ETS (R: forecast::ets, the form chosen by AICc): alpha, beta, gamma, phi as in fit$par (only those the form has); initstate is fit$initstate and laststate fit$states[n + 1, ], named as R names the states (l level, b trend, s1 … sm seasonal indices, s1 the newest, sm the one the next ' + period + ' uses); sigma2, loglik, aicc as R reports them; nobs the values fitted (at most the last 400).',
    'Point forecast h steps ahead: etsPoint(series, h) in `snippet` (ŷ = l + (φ + … + φʰ)·b, then + or × the seasonal index s[m − (h − 1) mod m]).',
  ],
  theta: () => [
    'Theta (R: forecast::thetaf, simple exponential smoothing with drift): alpha and sigma2 of the SES fit, drift (half the slope of a straight line through the series), level (the SES level after the last value) and nobs; seasonal is null, or the multiplicative indices (classical decomposition) the forecast steps multiply by, in step order.',
    'Point forecast h steps ahead: thetaPoint(series, h) in `snippet`: (level + drift·(h − 1 + (1 − (1 − alpha)^nobs)/alpha)) × seasonal.indices[(h − 1) mod m].',
  ],
  arima: () => [
    'ARIMA (R: forecast::auto.arima, stepwise): order (p,d,q), seasonal (P,D,Q) and period m, coef as R’s coef(fit) names them (ar1 …, ma1 …, sar1 …, sma1 …, then intercept or drift), sigma2, loglik, aicc and nobs (values after differencing, as R’s nobs(fit)).',
    'To forecast with these numbers in R: fit <- Arima(y, order = order, seasonal = list(order = seasonal, period = period), include.mean = "intercept" %in% names(coef), include.drift = "drift" %in% names(coef), fixed = unlist(coef)); forecast(fit, h, level = 80), with y the series up to the cutoff, its last nobs + d + m·D values (the app fits at most the last 730).',
  ],
  calendar: ({ cutoff }) => [
    `Calendar regression (one least-squares fit over every series, no lags): shared.coefficients as R's lm() would name them: (Intercept), t (years from ${cutoff}), dow1 … dow6 (0 = Monday, the baseline day; daily data only), mon2 … mon12 (January the baseline), and each covariate known in advance by its column (a missing value takes shared.fills); shared.sigma is the residual standard deviation.`,
    'Per series, params.scale is its mean sales over the year up to the cutoff. With x·β the row times the coefficients: target "log" forecasts scale·exp(x·β + sigma²/2), P10/P90 scale·exp(x·β ∓ 1.2816·sigma); target "linear" forecasts scale·x·β, P10/P90 scale·(x·β ∓ 1.2816·sigma), each at least 0.',
  ],
};

/** The file's note: what it holds, what each parameter is, and how to forecast from it. */
export function classicalParamsHowTo(model: ClassicalKind, facts: { frequency: Frequency; cutoff: string; horizon: number }): string[] {
  const period = PERIOD[facts.frequency];
  const fitted =
    model === 'calendar'
      ? `One regression was fitted on every series' sales of the four years up to ${facts.cutoff}`
      : `Each series was fitted on its own history up to ${facts.cutoff} (a missing ${period} filled by straight-line interpolation)`;
  return [
    `${fitted}, then forecast the ${facts.horizon} ${period}s after it. Each series' forecast is what Forecast Lab scored on the test window: P50 with its 80 % interval (P10, P90), clipped at 0, and 0 on periods the data marks closed.`,
    ...HOW_TO[model]({ period, cutoff: facts.cutoff }),
    ...(model === 'calendar'
      ? []
      : ['form names the model as R prints it. params.fallback = "naive" marks a series no model could be fitted to (too short, or constant): it forecasts params.last, the interval widening with params.sd·√h.']),
  ];
}
