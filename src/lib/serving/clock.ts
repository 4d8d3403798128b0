/**
 * The simulated clock of the Deploy stage as a pure reducer: the page keeps the state and dispatches actions (a
 * timer dispatches 'step' `speed` times a second while `playing`); nothing here knows about time passing.
 *
 * `period` counts the periods already served: 0 at the training cutoff, `total` when the simulation is over. The
 * next 'step' serves simulated period `period` (0 = the first period after the cutoff).
 */
export interface ClockState {
  period: number;
  total: number;
  playing: boolean;
  /** Periods per second while playing. */
  speed: number;
}

export type ClockAction =
  | { type: 'play' }
  | { type: 'pause' }
  /** Advance `periods` periods (1 by default), never past the end. */
  | { type: 'step'; periods?: number }
  /** Back to the cutoff, paused; a new `total` when the simulated length changed. */
  | { type: 'reset'; total?: number }
  | { type: 'speed'; speed: number };

export function createClock({ total, speed }: { total: number; speed: number }): ClockState {
  return { period: 0, total: Math.max(0, Math.floor(total)), playing: false, speed };
}

export function clockReducer(state: ClockState, action: ClockAction): ClockState {
  switch (action.type) {
    case 'play':
      // At the end there is nothing left to play: 'reset' first.
      return state.period >= state.total ? { ...state, playing: false } : { ...state, playing: true };
    case 'pause':
      return { ...state, playing: false };
    case 'step': {
      const by = Math.max(0, Math.floor(action.periods ?? 1));
      const period = Math.min(state.period + by, state.total);
      // Reaching the end stops the player, so a timer that keeps dispatching 'step' does nothing more.
      return { ...state, period, playing: state.playing && period < state.total };
    }
    case 'reset': {
      const total = action.total === undefined ? state.total : Math.max(0, Math.floor(action.total));
      return { ...state, period: 0, total, playing: false };
    }
    case 'speed':
      // A zero or negative speed would stall the timer: keep the old one.
      return action.speed > 0 && Number.isFinite(action.speed) ? { ...state, speed: action.speed } : state;
  }
}
