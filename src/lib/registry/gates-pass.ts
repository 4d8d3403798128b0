import type { GateResult } from './types';

/** True when every checked gate passed (no gate checked: nothing stands in the way). */
export function gatesPass(results: readonly GateResult[]): boolean {
  return results.every((r) => r.pass);
}
