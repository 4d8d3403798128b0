/**
 * What every Forecast Lab chart shares: the schema, a container-wide size, and how dates are drawn.
 * Dates arrive as 'YYYY-MM-DD' strings, which vega-lite reads as UTC midnight; a UTC scale and UTC formats keep them
 * on the right day in every time zone (a local scale would show 31 Dec for 1 Jan west of Greenwich).
 */
export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Height of a single-panel chart, in pixels; the width follows the container. */
export const CHART_HEIGHT = 260;

export const SALES_FORMAT = ',.0f';

/** Twelve distinguishable hues for named groups, then grey for "other" (tableau10 + two). */
export const GROUP_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#86bcb6',
  '#d37295',
];
export const OTHER_COLOR = '#9e9e9e';
export const ACCENT_COLOR = '#e15759';
export const MUTED_COLOR = '#4e79a7';

export function dateEncoding(title = 'Date') {
  return {
    field: 'date',
    type: 'temporal' as const,
    title,
    scale: { type: 'utc' as const },
    axis: { labelOverlap: true as const },
  };
}

/**
 * What a line says to a screen reader: a constant, or a field read as is. vega draws a line as one SVG path labelled
 * with its first point's description, yet vega-lite formats a description for every point by default (each field,
 * dates and numbers formatted): about a third of the time it takes to draw a long line (measured on the 1,096-day
 * lines of the default example), for labels no one hears but the first.
 */
export function lineDescription(description: string | { field: string }) {
  return typeof description === 'string' ? { value: description } : { field: description.field, type: 'nominal' as const };
}

/** A UTC time unit makes vega-lite format the tooltip with utcFormat (formatType 'utc' is not a built-in type). */
export function dateTooltip() {
  return { field: 'date', type: 'temporal' as const, timeUnit: 'utcyearmonthdate' as const, title: 'Date', format: '%Y-%m-%d' };
}
