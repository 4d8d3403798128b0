/**
 * What a long main-thread task was made of, read from a Chrome trace (browser.startTracing with the categories in
 * TRACE_CATEGORIES): the browser's own work inside it (style, layout, paint, GC, compiling) from the timeline events,
 * and the JavaScript from the V8 CPU profile sampled into the same trace, as self and total time per function.
 *
 * 1. Find the page's main thread and clock: the thread that recorded the user-timing mark `fromMark`; the mark's
 *    page time (args.data.startTime) ties trace microseconds to the page's performance.now().
 * 2. Take the longest RunTask on that thread between the marks (or holding the first one), by wall or CPU time.
 * 3. Sum the native work inside it by kind (outermost event of a kind only, so nested events are not counted twice).
 * 4. Rebuild the CPU profile of that thread (Profile + ProfileChunk events), keep the samples inside the task, and
 *    attribute each sample's interval to its leaf frame (self) and to every distinct frame on its stack (total).
 */

export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of an 'X' event, µs. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown>;
}

export interface CallFrame {
  functionName: string;
  url: string;
  /** 0-based, as V8 reports them. */
  lineNumber: number;
  columnNumber: number;
}

export interface FrameTime {
  frame: CallFrame;
  ms: number;
}

export interface TaskCulprit {
  /** Page time (ms since navigation start) the task began, and its length. */
  start: number;
  duration: number;
  /** CPU time of the thread during the task: much less than `duration` means it waited (for a core, a lock, IPC). */
  cpuMs: number | null;
  /** Where Chromium posted the task from (source file and function), when the trace says. */
  postedFrom: string | null;
  /** Browser work inside the task by kind, largest first. */
  native: { kind: string; ms: number }[];
  /** Sampled time inside the task by script (url), plus '(program)' (native), '(garbage collector)'. */
  byScript: { script: string; ms: number }[];
  /** Every sampled function by self time, and by total (inclusive) time; largest first. */
  self: FrameTime[];
  total: FrameTime[];
  sampledMs: number;
}

const NATIVE_KINDS: Record<string, string> = {
  UpdateLayoutTree: 'style recalculation',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  ParseHTML: 'parse HTML',
  ParseAuthorStyleSheet: 'parse CSS',
  MinorGC: 'garbage collection',
  MajorGC: 'garbage collection',
  'v8.compile': 'compile script',
  'v8.compileModule': 'compile script',
  'V8.CompileCode': 'compile script (lazy)',
  'v8.produceCache': 'compile script',
  'v8.evaluateModule': 'evaluate module (top level)',
  EvaluateScript: 'evaluate script (top level)',
};

/**
 * `by`: 'wall' takes the task that lasted longest (what the Long Tasks API reports, waiting included); 'cpu' the one
 * with the most CPU time of the main thread, i.e. the most work of its own (what to fix when the longest one waited).
 */
export function findLongTaskCulprit(
  events: readonly TraceEvent[],
  options: { fromMark: string; toMark?: string; by: 'wall' | 'cpu' },
): TaskCulprit | null {
  // 1.
  const from = events.find((e) => e.cat.includes('blink.user_timing') && e.name === options.fromMark);
  if (!from) return null;
  const { pid, tid } = from;
  const toPageTime = pageClock(from);
  const to = options.toMark === undefined ? undefined : events.find((e) => e.pid === pid && e.name === options.toMark && e.ts >= from.ts);
  const end = to?.ts ?? Infinity;

  // 2.
  const onMain = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined);
  const size = (e: TraceEvent) => (options.by === 'cpu' ? (e.tdur ?? 0) : e.dur!);
  let task: TraceEvent | null = null;
  for (const e of onMain) {
    // A task that holds the mark counts too (the app's first task marks data.load:start inside it).
    if (e.name === 'RunTask' && e.ts + e.dur! > from.ts && e.ts < end && (task === null || size(e) > size(task))) task = e;
  }
  if (task === null) return null;
  const [t0, t1] = [task.ts, task.ts + task.dur!];

  // 3.
  const native = new Map<string, number>();
  const openUntil = new Map<string, number>();
  for (const e of onMain.filter((x) => x.ts >= t0 && x.ts < t1).sort((a, b) => a.ts - b.ts)) {
    const kind = NATIVE_KINDS[e.name];
    if (kind === undefined || e.ts < (openUntil.get(kind) ?? -Infinity)) continue;
    openUntil.set(kind, e.ts + e.dur!);
    native.set(kind, (native.get(kind) ?? 0) + e.dur! / 1000);
  }

  // 4.
  const samples = profileSamples(events, pid, tid).filter((s) => s.ts >= t0 && s.ts < t1);
  const self = new Map<string, FrameTime>();
  const total = new Map<string, FrameTime>();
  const byScript = new Map<string, number>();
  let sampledMs = 0;
  for (const s of samples) {
    sampledMs += s.ms;
    const leaf = s.stack[0];
    if (!leaf) continue;
    add(self, leaf, s.ms);
    const script = leaf.url === '' ? leaf.functionName : leaf.url.replace(/^.*\//, '');
    byScript.set(script, (byScript.get(script) ?? 0) + s.ms);
    const seen = new Set<string>();
    for (const frame of s.stack) {
      const key = frameKey(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      add(total, frame, s.ms);
    }
  }
  const top = (map: Map<string, FrameTime>) =>
    [...map.values()].filter((f) => f.frame.url !== '' || !f.frame.functionName.startsWith('(root')).sort((a, b) => b.ms - a.ms);
  const posted = onMain.find((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ts >= t0 && e.ts < t0 + 100);
  const source = (posted?.args ?? {}) as { src_file?: string; src_func?: string };
  const tdur = task.tdur;
  return {
    start: toPageTime(t0),
    duration: task.dur! / 1000,
    cpuMs: tdur === undefined ? null : tdur / 1000,
    postedFrom: source.src_file ? `${source.src_file.replace(/^.*\//, '')} ${source.src_func ?? ''}`.trim() : null,
    native: [...native].map(([kind, ms]) => ({ kind, ms })).sort((a, b) => b.ms - a.ms),
    byScript: [...byScript].map(([script, ms]) => ({ script, ms })).sort((a, b) => b.ms - a.ms),
    self: top(self),
    total: top(total).filter((f) => f.frame.url !== ''),
    sampledMs,
  };
}

/** Trace microseconds → page milliseconds, from a user-timing mark that carries its page time. */
function pageClock(mark: TraceEvent): (ts: number) => number {
  const data = (mark.args?.data ?? {}) as { startTime?: number };
  const offset = data.startTime !== undefined ? mark.ts / 1000 - data.startTime : mark.ts / 1000;
  return (ts) => ts / 1000 - offset;
}

interface ProfileNode {
  callFrame: CallFrame;
  parent?: number;
}

interface Sample {
  ts: number;
  /** Interval this sample stands for, ms. */
  ms: number;
  /** Leaf first. */
  stack: CallFrame[];
}

/** The CPU profile V8 sampled on thread (pid, tid), as timed stacks. Chunks come from a helper thread, tied by id. */
function profileSamples(events: readonly TraceEvent[], pid: number, tid: number): Sample[] {
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (!profile) return [];
  const nodes = new Map<number, ProfileNode>();
  const raw: { ts: number; node: number }[] = [];
  let ts = ((profile.args?.data ?? {}) as { startTime?: number }).startTime ?? profile.ts;
  for (const chunk of events) {
    if (chunk.name !== 'ProfileChunk' || chunk.pid !== pid || chunk.id !== profile.id) continue;
    const data = (chunk.args?.data ?? {}) as {
      cpuProfile?: { nodes?: { id: number; parent?: number; callFrame: Partial<CallFrame> }[]; samples?: number[] };
      timeDeltas?: number[];
    };
    for (const n of data.cpuProfile?.nodes ?? []) {
      const f = n.callFrame;
      nodes.set(n.id, {
        callFrame: { functionName: f.functionName || '(anonymous)', url: f.url ?? '', lineNumber: f.lineNumber ?? -1, columnNumber: f.columnNumber ?? -1 },
        ...(n.parent !== undefined ? { parent: n.parent } : {}),
      });
    }
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      ts += deltas[i] ?? 0;
      raw.push({ ts, node: ids[i]! });
    }
  }
  raw.sort((a, b) => a.ts - b.ts);
  const stackOf = (id: number): CallFrame[] => {
    const stack: CallFrame[] = [];
    for (let n = nodes.get(id); n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) stack.push(n.callFrame);
    return stack;
  };
  return raw.map((s, i) => ({ ts: s.ts, ms: ((raw[i + 1]?.ts ?? s.ts) - s.ts) / 1000, stack: stackOf(s.node) }));
}

function frameKey(f: CallFrame): string {
  return `${f.functionName}@${f.url}:${f.lineNumber}:${f.columnNumber}`;
}

function add(map: Map<string, FrameTime>, frame: CallFrame, ms: number): void {
  const key = frameKey(frame);
  const entry = map.get(key);
  if (entry) entry.ms += ms;
  else map.set(key, { frame, ms });
}
