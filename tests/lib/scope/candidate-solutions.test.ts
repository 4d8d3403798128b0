import { describe, expect, it } from 'vitest';
import { evaluateMessages } from '../../../src/lib/messages/evaluate';
import { candidateSolutions, PROBLEM_STATEMENT, roleMetrics } from '../../../src/lib/scope/candidate-solutions';
import type { MetricName } from '../../../src/lib/notebook/stage-configs';

describe('PROBLEM_STATEMENT', () => {
  it('says what is forecast, for which decision, and how it is judged', () => {
    expect(PROBLEM_STATEMENT.forecast).toMatch(/units.*product.*store.*period/i);
    expect(PROBLEM_STATEMENT.decision).toMatch(/right amount/);
    expect(PROBLEM_STATEMENT.judgedBy).toMatch(/seasonal naive/);
  });
});

describe('candidateSolutions()', () => {
  const candidates = candidateSolutions();

  it('lists five solutions, from the current rule of thumb to a bought service, each with value and feasibility notes', () => {
    expect(candidates.map((c) => c.id)).toEqual(['rule-of-thumb', 'spreadsheet', 'classical', 'global-ml', 'service']);
    for (const candidate of candidates) {
      for (const note of [candidate.name, candidate.how, candidate.value, candidate.feasibility]) expect(note.trim().length).toBeGreaterThan(10);
    }
  });

  it('marks exactly one solution, the global ML model, as the one this notebook builds', () => {
    expect(candidates.filter((c) => c.builtHere).map((c) => c.id)).toEqual(['global-ml']);
  });

  it('names seasonal naive as the current rule of thumb', () => {
    expect(candidates[0]!.how).toMatch(/seasonal naive/);
  });

  it('is plain data that survives JSON', () => {
    expect(JSON.parse(JSON.stringify(candidates))).toEqual(candidates);
  });
});

describe('roleMetrics(primaryMetric)', () => {
  it('has the data scientist, the subject-matter expert and the business, titled as the Evaluate stage titles them', () => {
    const roles = roleMetrics('wape');
    expect(roles.map((r) => r.role)).toEqual(['dataScientist', 'expert', 'business']);
    expect(roles.map((r) => r.title)).toEqual([evaluateMessages.roleLabel.dataScientist, evaluateMessages.roleLabel.expert, evaluateMessages.roleLabel.business]);
    for (const role of roles) expect(role.metrics.length).toBeGreaterThan(0);
  });

  it.each<MetricName>(['wape', 'mae', 'rmse', 'smape', 'mase'])('puts the chosen primary metric %s first for the data scientist, and only there', (primary) => {
    const roles = roleMetrics(primary);
    const first = roles[0]!.metrics[0]!;
    expect(first).toMatchObject({ key: primary, label: evaluateMessages.metricLabel[primary], primary: true });
    expect(roles.flatMap((r) => r.metrics).filter((m) => m.primary)).toHaveLength(1);
  });

  it('gives the expert stockout units and periods, overstock units and service level', () => {
    expect(roleMetrics('wape')[1]!.metrics.map((m) => m.key)).toEqual(['stockoutUnits', 'stockoutPeriods', 'overstockUnits', 'serviceLevel']);
  });

  it('gives the business the cost of forecast error, savings against seasonal naive and the yearly value', () => {
    const business = roleMetrics('wape')[2]!.metrics;
    expect(business.map((m) => m.key)).toEqual(['errorCost', 'savings', 'valuePerYear']);
    expect(business[1]!.why).toMatch(/seasonal naive/);
  });

  it('labels every metric with the Evaluate stage’s label and says why it matters', () => {
    for (const metric of roleMetrics('mase').flatMap((r) => r.metrics)) {
      expect(metric.label).toBe(evaluateMessages.metricLabel[metric.key]);
      expect(metric.why.length).toBeGreaterThan(10);
    }
  });
});
