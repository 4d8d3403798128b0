import { registryMessages as m } from '../messages/registry';

/** The audit trail's timestamp. An invalid Date would throw a bare RangeError from toISOString; say what it was for. */
export function isoTime(now: Date): string {
  if (Number.isNaN(now.getTime())) throw new Error(m.invalidTime());
  return now.toISOString();
}
