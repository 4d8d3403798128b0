import type { TopLevelSpec } from 'vega-lite';
import type { SalesOverTimeRow } from '../eda/aggregate-sales-over-time';
import { CHART_HEIGHT, dateEncoding, dateTooltip, GROUP_COLORS, lineDescription, OTHER_COLOR, SALES_FORMAT, SCHEMA } from './chart-defaults';

export interface SalesOverTimeSpecOptions {
  title?: string;
  /** Legend title, e.g. the key column's name. Default 'Group'. */
  groupTitle?: string;
  /** Named lines at most; the rest are summed into one "other" line. Default 12. */
  maxGroups?: number;
}

const OTHER = /^other( \((\d+) more\))?$/;

/**
 * Sales over time as lines, one colour per group, in the order of the groups' total sales. More than `maxGroups`
 * named groups would be an unreadable tangle, so the smallest are summed into "other" (greyed), as
 * aggregateSalesOverTime already does for the ExploreResult.
 */
export function salesOverTimeSpec(rows: SalesOverTimeRow[], options: SalesOverTimeSpecOptions = {}): TopLevelSpec {
  const { title = 'Sales over time', groupTitle = 'Group', maxGroups = 12 } = options;
  const { values, groups } = foldGroups(rows, maxGroups);
  const single = groups.length <= 1;
  const colors = groups.map((g, i) => (OTHER.test(g) ? OTHER_COLOR : (GROUP_COLORS[i % GROUP_COLORS.length] as string)));
  return {
    $schema: SCHEMA,
    title,
    width: 'container',
    height: CHART_HEIGHT,
    data: { values },
    mark: { type: 'line', interpolate: 'linear', strokeWidth: 1.5 },
    encoding: {
      x: dateEncoding(),
      y: { field: 'sales', type: 'quantitative', title: 'Sales (units)', axis: { format: '~s' } },
      color: single
        ? { value: GROUP_COLORS[0] as string }
        : { field: 'group', type: 'nominal', title: groupTitle, sort: groups, scale: { domain: groups, range: colors } },
      tooltip: [
        dateTooltip(),
        { field: 'group', type: 'nominal', title: groupTitle },
        { field: 'sales', type: 'quantitative', title: 'Sales', format: SALES_FORMAT },
      ],
      description: lineDescription(single ? title : { field: 'group' }),
    },
  };
}

function foldGroups(rows: SalesOverTimeRow[], maxGroups: number): { values: SalesOverTimeRow[]; groups: string[] } {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.group, (totals.get(row.group) ?? 0) + row.sales);
  const named = [...totals.keys()].filter((g) => !OTHER.test(g)).sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0));
  const existingOther = [...totals.keys()].find((g) => OTHER.test(g));
  if (named.length <= maxGroups) return { values: rows, groups: existingOther === undefined ? named : [...named, existingOther] };

  const kept = new Set(named.slice(0, maxGroups));
  const alreadyFolded = Number(existingOther?.match(OTHER)?.[2] ?? (existingOther === undefined ? 0 : 1));
  const other = `other (${named.length - maxGroups + alreadyFolded} more)`;
  const otherByDate = new Map<string, number>();
  const values: SalesOverTimeRow[] = [];
  for (const row of rows) {
    if (kept.has(row.group)) values.push(row);
    else otherByDate.set(row.date, (otherByDate.get(row.date) ?? 0) + row.sales);
  }
  for (const [date, sales] of otherByDate) values.push({ date, group: other, sales });
  return { values, groups: [...named.slice(0, maxGroups), other] };
}
