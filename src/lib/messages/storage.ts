// User-facing texts for the storage area. See ./index.ts.
export {};
