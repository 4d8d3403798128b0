// User-facing texts for the feature table as SQL (src/lib/features/feature-sql.ts) and its box on the Features stage.

const quoted = (name: string): string => `“${name}”`;

export const featureSqlMessages = {
  namesMismatch: (generated: readonly string[], names: readonly string[]): string => {
    const j = generated.findIndex((name, i) => name !== names[i]);
    const at = j < 0 ? Math.min(generated.length, names.length) : j;
    return `The feature settings give ${generated.length} columns and the feature table has ${names.length}; they first differ at column ${at + 1} (${quoted(generated[at] ?? '—')} against ${quoted(names[at] ?? '—')}). Build the features again for these settings.`;
  },
  columnClash: (name: string): string =>
    `The SQL would have two columns called ${quoted(name)} (a series key, the date, “target” and the features share one table): rename the column in the data.`,

  // The Features stage's SQL box --------------------------------------------------------------------------------------
  title: 'The feature table as SQL',
  intro:
    'The same rows and columns as the feature table above, as one query, for data too big for a browser: run it where the data lives, on the cleaned table (the Data stage’s choices applied). Scales, fills and the scaler are fit in the query on the same training rows.',
  dialectLabel: 'SQL dialect',
  duckdb: 'DuckDB',
  spark: 'Spark SQL',
  copy: 'Copy SQL',
  copied: 'Copied',
  copyFailed: 'The browser did not allow copying: select the text and copy it by hand.',
  sqlLabel: (dialect: string): string => `Feature table as ${dialect} SQL`,
} as const;
