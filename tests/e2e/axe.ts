import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { ImpactValue, Result } from 'axe-core';
import { expect } from 'vitest';
import type { StageId } from '../../src/lib/notebook/stages';

// axe-core (Deque's accessibility engine, the one browser devtools' audits run) checks what a screen-reader or
// keyboard user meets: labels, names, contrast, headings, focusable scroll boxes. It is injected into the page under
// test and run there, on one stage's section at a time, so a failure names the stage. Evaluated through the devtools
// protocol, not added as a <script>: the app's Content-Security-Policy refuses inline scripts, as it should.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What a failure message shows of one violated rule: enough to find the element without a debugger. */
export interface Violation {
  rule: string;
  impact: ImpactValue | null | undefined;
  help: string;
  /** CSS selectors of up to five offending elements, and how many there are in all. */
  targets: string[];
  count: number;
}

const BLOCKING: readonly ImpactValue[] = ['critical', 'serious'];

/**
 * The critical and serious axe violations inside `selector` (a stage's section, say), or on the whole page when none
 * is given (the page-wide rules, an h1 and a way past the rail, are checked only then), as they are now. Rules for
 * WCAG 2.x A and AA and axe's best practices, the set axe runs by default.
 */
export async function blockingViolations(page: Page, selector = 'html'): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (selector) => {
    const { axe } = window as unknown as { axe: { run: (context: string, options: object) => Promise<{ violations: Result[] }> } };
    return (await axe.run(selector, { resultTypes: ['violations'] })).violations;
  }, selector);
  return violations
    .filter((v) => v.impact && BLOCKING.includes(v.impact))
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, count: v.nodes.length, targets: v.nodes.slice(0, 5).map((node) => node.target.join(' ')) }));
}

/** No critical or serious violation on `stage`'s section, or on the whole page when no stage is named. */
export async function expectAccessible(page: Page, stage?: StageId): Promise<void> {
  const where = stage ? `#stage-${stage}` : 'html';
  expect(await blockingViolations(page, where), `axe on ${where}`).toEqual([]);
}
