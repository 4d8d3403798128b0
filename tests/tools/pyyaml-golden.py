# Golden values for src/lib/export/mlflow-format.ts (mlflowYaml): what MLflow's write_yaml writes, i.e. PyYAML's
#   yaml.dump(data, default_flow_style=False, allow_unicode=True, sort_keys=True, Dumper=yaml.SafeDumper)
# (mlflow/utils/yaml_utils.py; CSafeDumper when libyaml is there writes the same), and what SafeLoader reads back.
# Run from the repository root:  python3 tests/tools/pyyaml-golden.py      (PyYAML 6.0.3, Python 3.11.7 when written)
# Writes tests/fixtures/golden/pyyaml-safe-dump.json: each document, its YAML, and the values read back (as JSON).
import datetime
import math
import json
import sys

import yaml

# Meta files as the export writes them, then strings that take each of PyYAML's paths: plain, quoted because YAML 1.1
# would read them as another type, quoted because plain YAML cannot hold them, double-quoted with escapes, folded.
LONG = "Forecast Lab's registered model for Product-sales example (seed 42, 2 stores × 2 products, 240 days) (data hash eeeeeeeeeeee). Aliases champion and challenger; each version’s model card and weights are artifacts of the run it came from."
STRINGS = [
    "yes", "No", "on", "OFF", "true", "y", "n", "Y", "2024-01-05", "2024-05-01T10:00:00.000Z", "2024-01-05 10:00",
    "2024-1-5 1:02:03", "None", "null", "Null", "~", "", "=", "<<", "1", "-1", "+1", "1.5", "1e5", "1.0e+5", ".5", ".inf",
    "-.Inf", ".NaN", "12:30", "1:20:30.5", "0x1F", "0b101", "017", "0o17", "1_000", "a: b", "a:b", "#x", "x #y", "x#y",
    "- x", "-x", "--- x", "... x", "? x", "?x", ": x", "@x", "%x", "`x", "!x", "&x", "*x", "|x", ">x", "[x]", "{x}",
    "x,y", "x [y]", "'q'", '"q"', "it's", " lead", "trail ", "two  spaces", "multi\nline: x", "a\n\nb", "a\n b",
    "a \nb", "\nlead", "trail\n", "tab\there", "bell\x07", "nul\x00", "del\x7f", "nbsp\xa0x", "bom\ufeffx", "é × ’",
    "emoji 😀", "\x85next", "line\u2028sep", "./mlruns/0", "file:///home/u/mlruns/0", "forecaster:v1",
    "runs:/0f8fad5bd9cb469fa16570867728950e/model", "ridge · seed 42 · 6f1d2c3b", LONG, "x" * 100, ("word " * 40).strip(),
    ("it's " * 30).strip(), ("tab\t" * 30).strip(), "a" * 79 + " b c", "a" * 80 + " b c", "a" * 81 + " b c",
    "Registered from a run\nsince deleted: 2024-05-01",
]

documents = [
    {"artifact_location": "./mlruns/0", "creation_time": 1714557600000, "experiment_id": "0", "last_update_time": 1714557600000, "lifecycle_stage": "active", "name": "Default"},
    {"artifact_uri": "./mlruns/178428366806288130/6f1d2c3b8a9e4f109b2c3d4e5f607182/artifacts", "deleted_time": None, "end_time": 1714557665000, "entry_point_name": "", "experiment_id": "178428366806288130", "lifecycle_stage": "active", "run_id": "6f1d2c3b8a9e4f109b2c3d4e5f607182", "run_name": "ridge · seed 42 · 6f1d2c3b", "run_uuid": "6f1d2c3b8a9e4f109b2c3d4e5f607182", "source_name": "", "source_type": 4, "source_version": "", "start_time": 1714557600000, "status": 3, "tags": [], "user_id": "forecast-lab"},
    {"aliases": {"challenger": "4", "champion": "2"}, "creation_timestamp": 1714986000000, "deployment_job_id": None, "deployment_job_state": None, "description": LONG, "last_updated_timestamp": 1714986540000, "name": "forecaster-eeeeeeee"},
    {"aliases": {}, "description": None, "name": "m"},
    *({"description": s, "name": "x", "version": 1} for s in STRINGS),
]


def plain(value):
    # JSON for what SafeLoader read: dates as ISO text and inf/nan as text, tagged so the test can tell them from strings.
    if isinstance(value, (datetime.date, datetime.datetime)):
        return {"$date": value.isoformat()}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, float) and not math.isfinite(value):
        return {"$float": repr(value)}
    return value


cases = []
for doc in documents:
    text = yaml.dump(doc, default_flow_style=False, allow_unicode=True, sort_keys=True, Dumper=yaml.SafeDumper)
    cases.append({"document": doc, "yaml": text, "read": plain(yaml.load(text, Loader=yaml.SafeLoader))})


def read_plain(s):
    try:
        return plain(yaml.load("k: " + s, Loader=yaml.SafeLoader)["k"])
    except yaml.YAMLError as error:
        return {"$error": str(error).splitlines()[0]}


# How SafeLoader reads a string written plain: the types the export must quote (and the two it cannot read at all).
reads = {s: read_plain(s) for s in STRINGS if "\n" not in s and s.strip() == s and s and not s.startswith(("#", "- ", "? ", ": ", "!", "&", "*", "|", ">", "%", "@", "`", "[", "{", "'", '"', "---", "...")) and ": " not in s and " #" not in s and all(" " <= c <= "~" or c in "é×’·😀" for c in s)}
json.dump({"pyyaml": yaml.__version__, "python": sys.version.split()[0], "cases": cases, "plainReads": reads}, open("tests/fixtures/golden/pyyaml-safe-dump.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1, allow_nan=False)
print(f"{len(cases)} documents, {len(reads)} plain readings")
