import { describe, expect, it } from 'vitest';
import { clockReducer, createClock, type ClockAction, type ClockState } from '../../../src/lib/serving/clock';

const run = (state: ClockState, ...actions: ClockAction[]) => actions.reduce(clockReducer, state);

describe('clockReducer(state, action)', () => {
  const start = createClock({ total: 3, speed: 8 });

  it('createClock({total, speed}) starts paused at the cutoff', () => {
    expect(start).toEqual({ period: 0, total: 3, playing: false, speed: 8 });
  });

  it('play, pause and step move as a media player does', () => {
    expect(run(start, { type: 'play' })).toMatchObject({ period: 0, playing: true });
    expect(run(start, { type: 'play' }, { type: 'step' })).toMatchObject({ period: 1, playing: true });
    expect(run(start, { type: 'play' }, { type: 'pause' })).toMatchObject({ period: 0, playing: false });
    expect(run(start, { type: 'step' }, { type: 'step' })).toMatchObject({ period: 2, playing: false });
    expect(run(start, { type: 'step', periods: 2 })).toMatchObject({ period: 2 });
  });

  it('reaching or stepping past the end stops playing and stays at the end', () => {
    const atEnd = run(start, { type: 'play' }, { type: 'step' }, { type: 'step' }, { type: 'step' });
    expect(atEnd).toMatchObject({ period: 3, playing: false });
    expect(run(atEnd, { type: 'step' })).toMatchObject({ period: 3, playing: false });
    expect(run(start, { type: 'play' }, { type: 'step', periods: 10 })).toMatchObject({ period: 3, playing: false });
    // Nothing left to play at the end.
    expect(run(atEnd, { type: 'play' }).playing).toBe(false);
  });

  it('reset goes back to period 0, paused, optionally with a new length', () => {
    const moved = run(start, { type: 'play' }, { type: 'step' });
    expect(run(moved, { type: 'reset' })).toEqual({ period: 0, total: 3, playing: false, speed: 8 });
    expect(run(moved, { type: 'reset', total: 52 })).toMatchObject({ period: 0, total: 52 });
  });

  it('speed changes the rate but ignores a rate that would stall the timer', () => {
    expect(run(start, { type: 'speed', speed: 2 }).speed).toBe(2);
    expect(run(start, { type: 'speed', speed: 0 }).speed).toBe(8);
    expect(run(start, { type: 'speed', speed: Number.NaN }).speed).toBe(8);
  });

  it('a clock of length 0 never plays', () => {
    expect(run(createClock({ total: 0, speed: 1 }), { type: 'play' }).playing).toBe(false);
  });
});
