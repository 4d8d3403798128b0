import { readFileSync } from 'node:fs';
import path from 'node:path';

// The real datasets live beside the repository (../shared/datasets), the broken fixtures in tests/fixtures/broken.
const SHARED_DATASETS = path.resolve(__dirname, '../../../../shared/datasets');
const BROKEN = path.resolve(__dirname, '../../fixtures/broken');

export const readSharedDataset = (name: string): string => readFileSync(path.join(SHARED_DATASETS, name), 'utf8');
export const readBrokenFixture = (name: string): string => readFileSync(path.join(BROKEN, name), 'utf8');
export const brokenFixturePath = (name: string): string => path.join(BROKEN, name);

/** Days since 1970-01-01 of an ISO date, through Date (the reference the arithmetic under test must agree with). */
export const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
