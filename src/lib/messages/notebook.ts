// User-facing texts for the notebook area. See ./index.ts.
export {};
