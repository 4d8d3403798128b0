// User-facing texts for the data area. See ./index.ts.
export {};
