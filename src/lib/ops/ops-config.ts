import * as v from 'valibot';
import { AlertRulesSchema, DEFAULT_ALERT_RULES } from '../monitor/alert-rules';
import { DEFAULT_RETRAIN_POLICY, RetrainPolicySchema } from '../retrain/retrain-policy';
import { DEFAULT_SCENARIO, ScenarioSpecSchema } from '../scenarios/parse-scenario-spec';
import { DEFAULT_SIMULATION, SimulationConfigSchema } from '../serving/simulation-config';
import type { OpsConfig } from './types';

/** A fresh notebook: the control world, shadow serving, retraining on drift with auto-promotion through the gates. */
export const DEFAULT_OPS: OpsConfig = {
  scenario: { ...DEFAULT_SCENARIO },
  simulation: DEFAULT_SIMULATION,
  policy: DEFAULT_RETRAIN_POLICY,
  rules: DEFAULT_ALERT_RULES,
};

export const OpsConfigSchema = v.strictObject({
  scenario: ScenarioSpecSchema,
  simulation: SimulationConfigSchema,
  policy: RetrainPolicySchema,
  rules: AlertRulesSchema,
});
