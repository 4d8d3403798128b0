import { describe, expect, it } from 'vitest';
import { concatRows, networkStep } from '../../../src/lib/train/network-windows';

describe('networkStep(window, windows, lastFoldBestEpoch): how a network trains on each backtest window', () => {
  it('two folds + test: fold 1 from the seed, fold 2 from fold 1’s weights, both early-stopped; the test window fits from fold 2’s for its epochs', () => {
    expect(networkStep(0, 3)).toEqual({ kind: 'early-stopping', warmStart: false });
    expect(networkStep(1, 3)).toEqual({ kind: 'early-stopping', warmStart: true });
    expect(networkStep(2, 3, 7)).toEqual({ kind: 'fit', warmStart: true, epochs: 7 });
  });

  it('one fold + test: the test window trains as its only fold did, from the seed, for the fold’s best epoch count', () => {
    expect(networkStep(0, 2)).toEqual({ kind: 'early-stopping', warmStart: false });
    expect(networkStep(1, 2, 12)).toEqual({ kind: 'fit', warmStart: false, epochs: 12 });
  });

  it('the test window trains at least one epoch (a warm start no epoch beat still learns its newest periods), and needs the fold’s count', () => {
    expect(networkStep(3, 4, 0)).toEqual({ kind: 'fit', warmStart: true, epochs: 1 });
    expect(() => networkStep(2, 3)).toThrow(/best epoch/);
  });
});

describe('concatRows(train, validation): the test window’s fit rows', () => {
  it('puts the validation rows after the training rows, keeping width and targets, and copies (the inputs are untouched)', () => {
    const train = { x: new Float32Array([1, 2, 3, 4]), y: new Float32Array([10, 11, 20, 21]), rows: 2, width: 2, targets: 2 };
    const validation = { x: new Float32Array([5, 6]), y: new Float32Array([30, Number.NaN]), rows: 1, width: 2, targets: 2 };
    const rows = concatRows(train, validation);
    expect(rows).toMatchObject({ rows: 3, width: 2, targets: 2 });
    expect(Array.from(rows.x)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(rows.y)).toEqual([10, 11, 20, 21, 30, Number.NaN]);
    rows.x[0] = 99;
    expect(train.x[0]).toBe(1);
    expect('targets' in concatRows({ ...train, targets: undefined }, validation)).toBe(false);
  });
});
