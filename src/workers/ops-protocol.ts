import type { BackendChoice, BackendName, SerializedWeight } from '../lib/models/train-types';
import type { OpsConfig, PromotionGates, SimulationSnapshot } from '../lib/ops/types';
import type { Registry } from '../lib/registry/types';
import type { CostModel } from '../lib/scope/cost-model';

/**
 * The ops worker's protocol: the champion served as a prediction endpoint, the simulated world, monitoring and
 * retraining all live in that worker; the page sends a start request and then asks for steps, and gets back a
 * plain-JSON snapshot. The history the world is simulated from, the cleaned table the models were trained on, the
 * worker fetches from the data worker over their own channel (connectData), not through the page.
 */
export interface OpsStartRequest {
  registry: Registry;
  /** Weights of the registered versions, by version id (baselines have none). */
  weights: Record<string, SerializedWeight[]>;
  config: OpsConfig;
  gates: PromotionGates;
  cost: CostModel;
  horizon: number;
  seed: number;
  backend: BackendChoice;
}

export interface OpsStepResult {
  snapshot: SimulationSnapshot;
  backend: BackendName | null;
}

export interface OpsWorkerApi {
  /** The ops worker's end of a MessageChannel to the data worker (its TableService). A new port replaces the old one. */
  connectData(port: MessagePort): void;
  /** The data worker is gone: a start waiting on its table rejects with `message`. */
  disconnectData(message: string): void;
  start(request: OpsStartRequest): Promise<OpsStepResult>;
  /** Simulate up to `periods` periods (stops at the end). */
  step(periods: number): Promise<OpsStepResult>;
  /** Retrain at the next step, whatever the policy (at once when the story has finished). */
  requestRetrain(): Promise<OpsStepResult>;
  promote(why: string): Promise<OpsStepResult>;
  rollback(why: string): Promise<OpsStepResult>;
  stop(): Promise<void>;
}
