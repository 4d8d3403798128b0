import type { TopLevelSpec } from 'vega-lite';
import type { SeasonalProfile } from '../eda/seasonal-profile';
import { ACCENT_COLOR, CHART_HEIGHT, MUTED_COLOR, SCHEMA } from './chart-defaults';

export interface SeasonalProfileSpecOptions {
  title?: string;
}

const PERIOD_TITLES: Record<SeasonalProfile['period'], string> = {
  'day-of-week': 'Day of week',
  month: 'Month',
  'week-of-year': 'Week of year',
};

/**
 * The seasonal index per slot as bars (1 = an average slot, drawn as a rule), the peak slot highlighted.
 * Index rather than raw sales so that the shape is every series' shape, not the biggest store's.
 */
export function seasonalProfileSpec(profile: SeasonalProfile, options: SeasonalProfileSpecOptions = {}): TopLevelSpec {
  const axisTitle = PERIOD_TITLES[profile.period];
  const values = profile.slots
    .filter((s) => s.index !== null)
    .map(({ slot, label, index, meanSales, count }) => ({ slot, label, index, meanSales, count, peak: slot === profile.peakSlot }));
  return {
    $schema: SCHEMA,
    title: options.title ?? `Seasonal profile: ${axisTitle.toLowerCase()}`,
    width: 'container',
    height: CHART_HEIGHT,
    data: { values },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x: {
            field: 'label',
            type: 'ordinal',
            title: axisTitle,
            sort: values.map((v) => v.label),
            axis: { labelAngle: 0, labelOverlap: true },
          },
          y: { field: 'index', type: 'quantitative', title: 'Sales index (1 = average)' },
          color: { condition: { test: 'datum.peak', value: ACCENT_COLOR }, value: MUTED_COLOR },
          tooltip: [
            { field: 'label', type: 'ordinal', title: axisTitle },
            { field: 'index', type: 'quantitative', title: 'Index', format: '.2f' },
            { field: 'meanSales', type: 'quantitative', title: 'Mean sales', format: ',.1f' },
            { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
          ],
        },
      },
      // Its own one-row data, or the rule would be drawn once per slot on top of itself; no x, so it spans the chart.
      {
        data: { values: [{ average: 1 }] },
        mark: { type: 'rule', strokeDash: [4, 3], color: '#555' },
        encoding: { y: { field: 'average', type: 'quantitative' } },
      },
    ],
  };
}
