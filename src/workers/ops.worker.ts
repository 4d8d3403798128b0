/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { activeBackend, probeBackends, useBackend } from '../adapters/tf-backend';
import type { BackendChoice, ProbeResult, SerializedWeight } from '../lib/models/train-types';
import { Simulation } from '../lib/ops/simulation';
import { simulateWorld } from '../lib/scenarios/simulate-world';
import { resolveSimulationPeriods } from '../lib/serving/simulation-config';
import type { TableService } from './data-protocol';
import { createTfHost } from './ops-host';
import type { OpsStepResult, OpsWorkerApi } from './ops-protocol';
import { linkTo, type Link } from './worker-link';

/**
 * The ops worker: a thin dispatcher that owns one Simulation (src/lib/ops) and its models (tfjs, ./ops-host.ts).
 * Steps run one at a time; the page's clock decides when the next one is asked for.
 */

let simulation: Simulation | null = null;
let data: Link<TableService> | null = null;
let weights = new Map<string, SerializedWeight[]>();
let queue: Promise<unknown> = Promise.resolve();

function serial<T>(job: () => Promise<T>): Promise<T> {
  const next = queue.then(job, job);
  queue = next.catch(() => undefined);
  return next;
}

let probed: ProbeResult | null = null;

/** 'auto' measures once per worker (as the train worker does): a restarted simulation does not probe again. */
async function chooseBackend(choice: BackendChoice): Promise<void> {
  if (choice !== 'auto') return useBackend(choice);
  probed ??= await probeBackends();
  if (probed.pick) await useBackend(probed.pick);
}

function result(): OpsStepResult {
  if (!simulation) throw new Error('The simulation has not started.');
  return { snapshot: simulation.snapshot(), backend: activeBackend() };
}

const api: OpsWorkerApi = {
  connectData(port) {
    data?.cut('The channel to the data worker was replaced.');
    data = linkTo<TableService>(port);
  },

  disconnectData(message) {
    data?.cut(message);
  },

  start: (request) =>
    serial(async () => {
      simulation?.dispose();
      if (!data) throw new Error('The ops worker has no channel to the data worker (connectData).');
      const history = await data.api.cleanedTable();
      await chooseBackend(request.backend);
      weights = new Map(Object.entries(request.weights));
      const periods = resolveSimulationPeriods(request.config.simulation, history.frequency);
      const world = simulateWorld({ history, periods, scenario: request.config.scenario, seed: request.seed });
      simulation = new Simulation({
        world,
        registry: request.registry,
        host: createTfHost({ weights }),
        config: request.config,
        gates: request.gates,
        cost: request.cost,
        horizon: request.horizon,
        seed: request.seed,
      });
      await simulation.start();
      return result();
    }),
  step: (periods) =>
    serial(async () => {
      if (!simulation) throw new Error('The simulation has not started.');
      for (let i = 0; i < periods && !simulation.finished; i++) await simulation.step();
      return result();
    }),
  requestRetrain: () =>
    serial(async () => {
      await simulation?.requestRetrain();
      return result();
    }),
  promote: (why) =>
    serial(async () => {
      await simulation?.promote(why);
      return result();
    }),
  rollback: (why) =>
    serial(async () => {
      await simulation?.rollback(why);
      return result();
    }),
  stop: () =>
    serial(async () => {
      simulation?.dispose();
      simulation = null;
    }),
};

Comlink.expose(api);
