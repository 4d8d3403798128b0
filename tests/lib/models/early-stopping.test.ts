import { describe, expect, it } from 'vitest';
import { startEarlyStopping, stepEarlyStopping, type EarlyStoppingState } from '../../../src/lib/models/early-stopping';

function run(patience: number, valLosses: number[]): EarlyStoppingState[] {
  const states: EarlyStoppingState[] = [];
  let state = startEarlyStopping(patience);
  valLosses.forEach((valLoss, i) => {
    state = stepEarlyStopping(state, { epoch: i + 1, valLoss });
    states.push(state);
  });
  return states;
}

describe('stepEarlyStopping(state, { epoch, valLoss })', () => {
  it('keeps the lowest validation loss and its epoch, flagging the epochs that improved', () => {
    const states = run(5, [1, 0.8, 0.9, 0.7, 0.75]);
    expect(states.map((s) => s.improved)).toEqual([true, true, false, true, false]);
    expect(states.at(-1)).toMatchObject({ bestLoss: 0.7, bestEpoch: 4, waited: 1, stop: false });
  });

  it('stops once `patience` epochs in a row have not improved (Keras semantics)', () => {
    const states = run(2, [1, 0.5, 0.6, 0.5, 0.4]);
    expect(states.map((s) => s.stop)).toEqual([false, false, false, true, false]);
    expect(states[3]).toMatchObject({ bestEpoch: 2, waited: 2 });
  });

  it('an equal loss is not an improvement; patience 0 stops at the first epoch that does not improve', () => {
    const states = run(0, [1, 1]);
    expect(states.map((s) => s.stop)).toEqual([false, true]);
  });

  it('never takes a NaN or infinite loss as the best', () => {
    const states = run(3, [NaN, Infinity, 2]);
    expect(states.map((s) => s.bestEpoch)).toEqual([0, 0, 3]);
    expect(states.map((s) => s.improved)).toEqual([false, false, true]);
  });

  it('startEarlyStopping(patience) rounds a fractional patience down and a negative one up to 0', () => {
    expect(startEarlyStopping(2.7).patience).toBe(2);
    expect(startEarlyStopping(-1).patience).toBe(0);
  });
});
