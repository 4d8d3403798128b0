import type { BuiltinFile } from '../lib/notebook/config';
import storeItemUrl from '../../datasets/store-item-demand-10-series.csv?url';
import walmartUrl from '../../datasets/walmart-store1-top10-depts-weekly.csv?url';
import usRetailUrl from '../../datasets/us-retail-sales-monthly.csv?url';

/** The real public datasets the app ships (provenance in datasets/README.md), fetched from the app's own files. */
export const BUILTIN_DATASETS: Record<BuiltinFile, { url: string; title: string }> = {
  'store-item-demand-10-series.csv': { url: storeItemUrl, title: 'Store item demand — 10 daily series (Kaggle)' },
  'walmart-store1-top10-depts-weekly.csv': { url: walmartUrl, title: 'Walmart store 1 — 10 departments, weekly (Kaggle)' },
  'us-retail-sales-monthly.csv': { url: usRetailUrl, title: 'US retail sales — monthly, one series (US Census)' },
};
