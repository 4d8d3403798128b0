/**
 * Every user-facing error and warning text lives under src/lib/messages (as vega-lite keeps src/log/message.ts),
 * one file per area, so bad-input behaviour is easy to review and test. Import texts from here, not inline.
 */
export * from './data';
export * from './storage';
export * from './notebook';
export * from './explore';
export * from './train';
export * from './features';
export * from './evaluate';
export * from './scope';
export * from './runs';
export * from './registry';
export * from './scenarios';
export * from './serving';
export * from './monitor';
export * from './alerts';
export * from './retrain';
export * from './ops';
