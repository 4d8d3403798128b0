import { readFileSync } from 'node:fs';

/**
 * ../shared/reference/summary.json, computed with numpy/scipy (numpy 1.24.2, scipy 1.10.1): np.quantile(values, p)
 * with the default 'linear' method, np.mean, np.std(ddof=0/1), scipy.stats.skew and scipy.stats.kurtosis with their
 * defaults (Fisher, biased).
 */
export const summaryReference = JSON.parse(readFileSync(new URL('../../../../shared/reference/summary.json', import.meta.url), 'utf8')) as {
  values: number[];
  numpy_linear_quantiles: Record<string, number>;
  mean: number;
  std_ddof0: number;
  std_ddof1: number;
  skew: number;
  kurtosis_excess: number;
};
