/**
 * The text forms MLflow's local file store writes and reads back (../shared/reference/mlflow-filestore.md, "YAML",
 * "Metric, param and tag files", "Ids"): meta.yaml as PyYAML's safe_dump writes it, metric lines with values as
 * Python's str(float), keys its validation accepts, and ids of the shapes it creates.
 */

/** The export as a file tree: path (from the zip's root, `/`-separated) → contents. */
export type MlflowFiles = Map<string, string | Uint8Array>;

/** What a meta.yaml holds: scalars, and the odd flat mapping or empty list (`aliases`, `tags: []`). */
export type YamlValue = string | number | null | readonly never[] | { readonly [key: string]: string | number | null };

/** MLflow's length limits ("Metric, param and tag files"; experiment names in "Experiment meta.yaml"). */
export const MLFLOW_LIMITS = { key: 250, param: 6000, tag: 8000, experimentName: 500 } as const;

/**
 * A meta.yaml byte for byte as MLflow writes it: PyYAML's `safe_dump(data, default_flow_style=False,
 * allow_unicode=True, sort_keys=True)` (utils/yaml_utils.py). Block style, keys sorted, UTF-8 as is; a string plain
 * unless YAML 1.1 as PyYAML resolves it would read it as another type (`'0'`, `'yes'`, `'2024-01-05'`, `''`) or plain
 * text cannot hold it (`': '`, a leading `-`, a line break), then single-quoted, or double-quoted with escapes when it
 * holds control characters; long strings folded at 80 columns as PyYAML folds them. A port of the parts of PyYAML's
 * emitter.py (analyze_scalar, choose_scalar_style, write_plain / _single_quoted / _double_quoted) these flat
 * documents use; tests/fixtures/golden/pyyaml-safe-dump.json holds PyYAML's own output to compare with.
 */
export function mlflowYaml(doc: { readonly [key: string]: YamlValue }): string {
  const out = new YamlWriter();
  const keys = (map: object) => Object.keys(map).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys(doc)) {
    const value = doc[key]!;
    out.key(key, 0);
    if (Array.isArray(value)) out.emptyFlow('[]');
    else if (typeof value === 'object' && value !== null) {
      const entries = keys(value);
      if (entries.length === 0) out.emptyFlow('{}');
      for (const inner of entries) {
        out.key(inner, 2);
        out.scalar((value as Record<string, string | number | null>)[inner]!, 4);
      }
    } else out.scalar(value as string | number | null, 2);
  }
  return out.end();
}

/** PyYAML's implicit resolvers (resolver.py): a plain scalar matching one is not read as a string. */
const IMPLICIT = [
  /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^(?:<<)$/,
  /^(?:~|null|Null|NULL|)$/,
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/,
  /^(?:=)$/,
  /^(?:!|&|\*)$/,
];
const BEST_WIDTH = 80;
const BREAKS = '\n\x85\u2028\u2029';
const WHITESPACE = '\0 \t\r\n\x85\u2028\u2029';
const ESCAPES: Record<string, string> = {
  '\0': '0', '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\v': 'v', '\f': 'f', '\r': 'r', '\x1B': 'e',
  '"': '"', '\\': '\\', '\x85': 'N', '\xA0': '_', '\u2028': 'L', '\u2029': 'P',
};

/** PyYAML's Emitter state, for one flat block mapping: column and the whitespace/indention flags its writers share. */
class YamlWriter {
  #out = '';
  #column = 0;
  #whitespace = true;
  #indention = true;
  #indent = 0;

  key(key: string, indent: number): void {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) throw new Error(`mlflowYaml writes simple keys only, not ${JSON.stringify(key)}`);
    this.#indent = indent;
    this.#writeIndent();
    this.#write(key);
    this.#whitespace = false;
    this.#indention = false;
    this.#indicator(':', false);
  }

  emptyFlow(brackets: '[]' | '{}'): void {
    this.#indicator(brackets[0]!, true, true);
    this.#indicator(brackets[1]!, false);
  }

  scalar(value: string | number | null, indent: number): void {
    this.#indent = indent;
    if (value === null || typeof value === 'number') {
      this.#plain(Array.from(value === null ? 'null' : String(value)));
      return;
    }
    const chars = Array.from(value);
    const allowed = analyze(chars);
    if (allowed.plain && !IMPLICIT.some((re) => re.test(value))) this.#plain(chars);
    else if (allowed.single) this.#singleQuoted(chars);
    else this.#doubleQuoted(chars);
  }

  end(): string {
    this.#indent = 0;
    this.#writeIndent();
    return this.#out;
  }

  #write(data: string): void {
    this.#out += data;
    this.#column += Array.from(data).length;
  }

  #lineBreak(): void {
    this.#out += '\n';
    this.#whitespace = true;
    this.#indention = true;
    this.#column = 0;
  }

  #writeIndent(): void {
    if (!this.#indention || this.#column > this.#indent || (this.#column === this.#indent && !this.#whitespace)) this.#lineBreak();
    if (this.#column < this.#indent) {
      this.#whitespace = true;
      this.#out += ' '.repeat(this.#indent - this.#column);
      this.#column = this.#indent;
    }
  }

  #indicator(indicator: string, needWhitespace: boolean, whitespace = false): void {
    this.#write(this.#whitespace || !needWhitespace ? indicator : ` ${indicator}`);
    this.#whitespace = whitespace;
    this.#indention = false;
  }

  /** write_plain: words, breaking at a single space once the line is past 80 columns. */
  #plain(chars: string[]): void {
    if (!this.#whitespace) this.#write(' ');
    this.#whitespace = false;
    this.#indention = false;
    let spaces = false;
    let start = 0;
    for (let end = 0; end <= chars.length; end++) {
      const ch = chars[end];
      if (spaces) {
        if (ch !== ' ') {
          if (start + 1 === end && this.#column > BEST_WIDTH) {
            this.#writeIndent();
            this.#whitespace = false;
            this.#indention = false;
          } else this.#write(chars.slice(start, end).join(''));
          start = end;
        }
      } else if (ch === undefined || ch === ' ') {
        this.#write(chars.slice(start, end).join(''));
        start = end;
      }
      spaces = ch === ' ';
    }
  }

  /** write_single_quoted: quotes doubled, a line break written as an empty line, folded like plain text. */
  #singleQuoted(chars: string[]): void {
    this.#indicator("'", true);
    let spaces = false;
    let breaks = false;
    let start = 0;
    for (let end = 0; end <= chars.length; end++) {
      const ch = chars[end];
      if (spaces) {
        if (ch !== ' ') {
          if (start + 1 === end && this.#column > BEST_WIDTH && start !== 0 && end !== chars.length) this.#writeIndent();
          else this.#write(chars.slice(start, end).join(''));
          start = end;
        }
      } else if (breaks) {
        if (ch === undefined || !BREAKS.includes(ch)) {
          if (chars[start] === '\n') this.#lineBreak();
          for (const br of chars.slice(start, end)) {
            this.#out += br;
            this.#whitespace = true;
            this.#indention = true;
            this.#column = 0;
          }
          this.#writeIndent();
          start = end;
        }
      } else if (ch === undefined || ch === ' ' || BREAKS.includes(ch) || ch === "'") {
        if (start < end) {
          this.#write(chars.slice(start, end).join(''));
          start = end;
        }
      }
      if (ch === "'") {
        this.#write("''");
        start = end + 1;
      }
      if (ch !== undefined) {
        spaces = ch === ' ';
        breaks = BREAKS.includes(ch);
      }
    }
    this.#indicator("'", false);
  }

  /** write_double_quoted: escapes for control and other non-printable characters, folded with a trailing `\\`. */
  #doubleQuoted(chars: string[]): void {
    this.#indicator('"', true);
    let start = 0;
    for (let end = 0; end <= chars.length; end++) {
      const ch = chars[end];
      if (ch === undefined || '"\\\x85\u2028\u2029\uFEFF'.includes(ch) || !printable(ch, { astral: false })) {
        if (start < end) {
          this.#write(chars.slice(start, end).join(''));
          start = end;
        }
        if (ch !== undefined) {
          const code = ch.codePointAt(0)!;
          const hex = code.toString(16).toUpperCase();
          this.#write(`\\${ESCAPES[ch] ?? (code <= 0xff ? `x${hex.padStart(2, '0')}` : code <= 0xffff ? `u${hex.padStart(4, '0')}` : `U${hex.padStart(8, '0')}`)}`);
          start = end + 1;
        }
      }
      if (end > 0 && end < chars.length - 1 && (ch === ' ' || start >= end) && this.#column + (end - start) > BEST_WIDTH) {
        const data = `${chars.slice(start, end).join('')}\\`;
        if (start < end) start = end;
        this.#write(data);
        this.#writeIndent();
        this.#whitespace = false;
        this.#indention = false;
        if (chars[start] === ' ') this.#write('\\');
      }
    }
    this.#indicator('"', false);
  }
}

/** Printable as is under allow_unicode (astral: the analysis's wider range, which the double-quoted writer lacks). */
function printable(ch: string, options: { astral: boolean }): boolean {
  const c = ch.codePointAt(0)!;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (options.astral && c >= 0x10000 && c < 0x10ffff);
}

/** analyze_scalar, for a block mapping's value: may it be plain, or single-quoted? */
function analyze(chars: string[]): { plain: boolean; single: boolean } {
  if (chars.length === 0) return { plain: true, single: true };
  const text = chars.join('');
  let blockIndicators = text.startsWith('---') || text.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let followedByWhitespace = chars.length === 1 || WHITESPACE.includes(chars[1]!);
  let previousSpace = false;
  let previousBreak = false;
  chars.forEach((ch, index) => {
    if (index === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      if ('?:'.includes(ch) && followedByWhitespace) blockIndicators = true;
      if (ch === '-' && followedByWhitespace) blockIndicators = true;
    } else {
      if (ch === ':' && followedByWhitespace) blockIndicators = true;
      if (ch === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (BREAKS.includes(ch)) lineBreaks = true;
    if (!(ch === '\n' || printable(ch, { astral: true }) || ch === '\x85') || ch === '\uFEFF') special = true;
    if (ch === ' ') {
      if (index === 0) leadingSpace = true;
      if (index === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (BREAKS.includes(ch)) {
      if (index === 0) leadingBreak = true;
      if (index === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = WHITESPACE.includes(ch);
    followedByWhitespace = index + 2 >= chars.length || WHITESPACE.includes(chars[index + 2]!);
  });
  let plain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak);
  let single = true;
  if (breakSpace) plain = single = false;
  if (spaceBreak || special) plain = single = false;
  if (lineBreaks || blockIndicators) plain = false;
  return { plain, single };
}

/**
 * Python's `str(float)`, which MLflow writes metric values with: the shortest digits that read back as the same
 * double (as JavaScript's), in fixed notation when the decimal exponent is in [-4, 16), else `d.ddde±XX` with at least
 * two exponent digits; a whole number keeps `.0`; `nan`, `inf`, `-inf`.
 */
export function pythonFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const { digits, exponent } = shortestDigits(Math.abs(x));
  if (exponent < -4 || exponent >= 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}.${fraction === '' ? '0' : fraction}`;
}

/**
 * The significant digits of String(x) (the shortest that round-trip, the closest when several do) and the decimal
 * exponent of the first: 1234.5 → '12345', 3; 0.00012 → '12', -4. toExponential() would do it in one call, but it
 * breaks ties between equally short digits upwards rather than to the closest, as Python and String() do.
 */
function shortestDigits(x: number): { digits: string; exponent: number } {
  const text = String(x);
  const e = text.indexOf('e');
  if (e >= 0) return { digits: text.slice(0, e).replace('.', ''), exponent: Number(text.slice(e + 1)) };
  const [whole = '', fraction = ''] = text.split('.');
  const all = whole + fraction;
  const first = all.search(/[1-9]/);
  return { digits: all.slice(first).replace(/0+$/, ''), exponent: whole.length - 1 - first };
}

/** One line of a metric file: `<timestamp ms> <value> <step>\n`. */
export function metricLine(timestamp: number, value: number, step: number): string {
  return `${Math.round(timestamp)} ${pythonFloat(value)} ${Math.round(step)}\n`;
}

/**
 * A metric, param or tag key MLflow accepts ("Keys"): letters, digits and `_ - . space /` (no `:`, which Windows
 * refuses in a file name), unchanged by path normalisation (no empty, `.` or `..` part, so no leading or doubled `/`;
 * no leading `.`, which also rules out a `..` prefix and hidden files), at most 250 characters. Anything else
 * becomes `_`. Keys made here are meant to be distinct: see KeyRegister.
 */
export function mlflowKey(raw: string): string {
  const parts = raw
    .replace(/[^A-Za-z0-9_\-. /]/g, '_')
    .split('/')
    .filter((part) => part !== '')
    .map((part) => part.replace(/^\./, '_'));
  const key = parts.join('/').slice(0, MLFLOW_LIMITS.key).replace(/\/$/, '');
  return key === '' ? '_' : key;
}

/**
 * Hands out keys that stay distinct after mlflowKey: a second `my cost (€)` and `my cost (_)` become `…_2`. Two files
 * cannot have one name, and MLflow would read them as one metric.
 */
export class KeyRegister {
  readonly #used = new Set<string>();

  key(raw: string): string {
    const base = mlflowKey(raw);
    let key = base;
    for (let n = 2; this.#used.has(key); n++) key = `${base.slice(0, MLFLOW_LIMITS.key - String(n).length - 1)}_${n}`;
    this.#used.add(key);
    return key;
  }
}

/** Text cut to `max` characters (MLflow refuses longer values when they are logged, and so does a database store). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A run's MLflow id ("Run meta.yaml": 32 hex characters, uuid4().hex): the run's own UUID without its dashes, so the
 * MLflow run and the stored run share an id; any other id is hashed (`sha256Hex`: SHA-256 as lower-case hex).
 */
export function mlflowRunId(runId: string, sha256Hex: string): string {
  return UUID.test(runId) ? runId.replaceAll('-', '').toLowerCase() : sha256Hex.slice(0, 32);
}

/**
 * An experiment id as MLflow makes new ones ("Tree": 18-digit integers): taken from a hash of the dataset's hash, so
 * the same data gets the same experiment in every export. All digits also matter to `mlflow migrate-filestore`, which
 * moves only experiment directories whose name parses as an integer.
 */
export function mlflowExperimentId(sha256Hex: string): string {
  const n = BigInt(`0x${sha256Hex.slice(0, 15)}`) % 900_000_000_000_000_000n;
  return String(100_000_000_000_000_000n + n);
}

/** Milliseconds since the epoch of an ISO timestamp; null when it is not one. */
export function epochMs(iso: unknown): number | null {
  if (typeof iso !== 'string') return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}
