import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeyRegister, metricLine, mlflowExperimentId, mlflowKey, mlflowRunId, mlflowYaml, pythonFloat, type YamlValue } from '../../../src/lib/export/mlflow-format';
import { isPythonFloatRepr, keyProblem, posixNormpath } from './mlflow-rules';

// Golden values from Python itself: repr(float) from Python 3.11.7 (`python3 -c 'print(repr(x))'`, x given by its
// float.hex() so the double is exact), and PyYAML 6.0.3's safe_dump / SafeLoader through tests/tools/pyyaml-golden.py.

const PYTHON_REPR: [string, string][] = [
  ['0x1.999999999999ap-4', '0.1'], ['0x1.4f8b588e368f1p-17', '1e-05'], ['0x1.a36e2eb1c432dp-14', '0.0001'],
  ['0x1.1c37937e08000p+53', '1e+16'], ['0x1.c6bf526340000p+49', '1000000000000000.0'], ['0x1.d6f3454000000p+26', '123456789.0'],
  ['0x1.421f5f40d8376p-23', '1.5e-07'], ['-0x0.0p+0', '-0.0'], ['0x0.0p+0', '0.0'], ['0x0.0000000000001p-1022', '5e-324'],
  ['0x1.fffffffffffffp+1023', '1.7976931348623157e+308'], ['0x1.0000000000000p+1', '2.0'], ['0x1.3333333333334p-2', '0.30000000000000004'],
  ['0x1.5555555555555p-2', '0.3333333333333333'], ['0x1.1c37937e07fffp+53', '9999999999999998.0'], ['0x1.ac53a7e04bcdap+66', '1.2345678901234568e+20'],
  ['0x1.9cb8320b15070p-17', '1.23e-05'], ['0x1.f75104d551d69p-14', '0.00012'], ['0x1.0000000000000p+53', '9007199254740992.0'],
  ['0x1.0f0cf064dd592p+73', '1e+22'], ['0x1.249ad2594c37dp+332', '1e+100'], ['-0x1.ac9a7b3b7302fp-996', '-2.5e-300'], ['0x1.0000000000000p-1', '0.5'],
  ['0x1.9000000000000p+6', '100.0'], ['0x1.34a456d5cfaadp+10', '1234.5678'], ['-0x1.5000000000000p+5', '-42.0'],
  ['0x1.0000000000000p-20', '9.5367431640625e-07'], ['0x1.f2925be5f9cd0p-1', '0.9737728803856047'],
];

/** A double from Python's float.hex() text. */
function fromHex(hex: string): number {
  const match = /^(-?)0x([01])\.([0-9a-f]+)p([+-]\d+)$/.exec(hex)!;
  const [, sign, lead, fraction, exponent] = match;
  const mantissa = Number(lead) + Number.parseInt(fraction!, 16) / 16 ** fraction!.length;
  const value = mantissa * 2 ** Number(exponent);
  return sign === '-' ? -value : value;
}

describe('pythonFloat(x): Python’s str(float), as MLflow writes metric values', () => {
  it.each(PYTHON_REPR)('%s → %s (Python 3.11.7 repr)', (hex, repr) => {
    expect(pythonFloat(fromHex(hex))).toBe(repr);
    expect(isPythonFloatRepr(repr)).toBe(true);
  });

  it('writes nan, inf and -inf as Python does', () => {
    expect([NaN, Infinity, -Infinity].map(pythonFloat)).toEqual(['nan', 'inf', '-inf']);
  });

  it('reads back as the same double, in the form the rules checker accepts, for any double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = pythonFloat(x);
        expect(Object.is(Number(text), x) || (x === 0 && Number(text) === 0)).toBe(true);
        expect(isPythonFloatRepr(text)).toBe(true);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });

  it('metricLine: "<timestamp> <value> <step>" and a line break', () => {
    expect(metricLine(1714557600000, 1e-5, 3)).toBe('1714557600000 1e-05 3\n');
  });
});

interface PyYamlGolden {
  pyyaml: string;
  cases: { document: Record<string, YamlValue>; yaml: string; read: unknown }[];
  plainReads: Record<string, unknown>;
}
const golden = JSON.parse(readFileSync(new URL('../../fixtures/golden/pyyaml-safe-dump.json', import.meta.url), 'utf8')) as PyYamlGolden;

describe('mlflowYaml(doc): meta.yaml byte for byte as MLflow’s write_yaml (PyYAML safe_dump) writes it', () => {
  it(`matches PyYAML ${golden.pyyaml} on all ${golden.cases.length} golden documents (quoting, escapes, folding at 80 columns)`, () => {
    const differing = golden.cases.filter((c) => mlflowYaml(c.document) !== c.yaml).map((c) => ({ document: c.document, mine: mlflowYaml(c.document), pyyaml: c.yaml }));
    expect(differing).toEqual([]);
  });

  it('quotes every string PyYAML’s SafeLoader would read as another type (or cannot read), and no other', () => {
    for (const [text, read] of Object.entries(golden.plainReads)) {
      const written = mlflowYaml({ value: text }).replace(/^value: /, '').trimEnd();
      expect(written.startsWith("'"), `${text} reads as ${JSON.stringify(read)}`).toBe(read !== text);
    }
  });

  it('refuses a key it could not write plain (every meta.yaml key is a plain name)', () => {
    expect(() => mlflowYaml({ 'a: b': 1 })).toThrow(/simple keys/);
  });
});

describe('mlflowKey(raw) and KeyRegister: keys MLflow takes', () => {
  it('keeps a valid key as it is and makes any other one valid', () => {
    expect(mlflowKey('ridge/fold_1/wape')).toBe('ridge/fold_1/wape');
    expect(mlflowKey('mlflow.runName')).toBe('mlflow.runName');
    expect(mlflowKey('biasOn:holiday')).toBe('biasOn_holiday');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (raw) => {
        expect(keyProblem(mlflowKey(raw))).toBeNull();
      }),
      { seed: 11, numRuns: 300 },
    );
    for (const raw of ['', '/', '//a', 'a//b', './a', 'a/./b', '..', '../a', 'a/..', '..a', '.DS_Store', 'a/', ' ', 'x'.repeat(300)]) {
      expect(keyProblem(mlflowKey(raw)), raw).toBeNull();
    }
  });

  it('hands out distinct keys for raw names that clean up alike', () => {
    const keys = new KeyRegister();
    expect([keys.key('cost (€)'), keys.key('cost (£)'), keys.key('cost (_)')]).toEqual(['cost ___', 'cost ____2', 'cost ____3']);
  });

  it('posixNormpath agrees with Python’s posixpath.normpath', () => {
    // Python 3.11.7: [posixpath.normpath(p) for p in …]
    const cases: [string, string][] = [['', '.'], ['a//b', 'a/b'], ['a/./b', 'a/b'], ['a/../b', 'b'], ['../a', '../a'], ['/a/', '/a'], ['//a', '//a'], ['///a', '/a'], ['a/..', '.'], ['..a', '..a']];
    for (const [path, norm] of cases) expect(posixNormpath(path), path).toBe(norm);
  });
});

describe('mlflowRunId and mlflowExperimentId: ids of MLflow’s shapes, the same for the same stored ids', () => {
  it('a stored run’s UUID without its dashes (uuid4().hex); any other id from its hash', () => {
    expect(mlflowRunId('6F1D2C3B-8A9E-4F10-9B2C-3D4E5F607182', 'f'.repeat(64))).toBe('6f1d2c3b8a9e4f109b2c3d4e5f607182');
    expect(mlflowRunId('run-1', `${'ab'.repeat(16)}${'cd'.repeat(16)}`)).toBe('ab'.repeat(16));
  });

  it('an 18-digit integer, as MLflow makes new experiment ids', () => {
    for (const hash of ['0'.repeat(64), 'f'.repeat(64), '0123456789abcdef'.repeat(4)]) expect(mlflowExperimentId(hash)).toMatch(/^[1-9]\d{17}$/);
    expect(mlflowExperimentId('0123456789abcdef'.repeat(4))).toBe(mlflowExperimentId('0123456789abcdef'.repeat(4)));
  });
});
