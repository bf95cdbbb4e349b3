/**
 * A strict parser for OpenMetrics 1.0 text (and, with `format: 'prometheus'`, the Prometheus
 * text format 0.0.4 that node_exporter's textfile collector reads). It throws on anything
 * the specification does not allow, so a test that parses output proves the output valid.
 */
export interface ParsedFamily {
  name: string;
  type: string;
  help?: string;
  unit?: string;
  samples: Array<{ name: string; labels: Record<string, string>; value: number }>;
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = [
  'counter',
  'gauge',
  'stateset',
  'info',
  'histogram',
  'gaugehistogram',
  'summary',
  'unknown',
];
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$|^[+-]?Inf$|^NaN$/;

export function parseExposition(
  text: string,
  format: 'openmetrics' | 'prometheus' = 'openmetrics',
): ParsedFamily[] {
  const openMetrics = format === 'openmetrics';
  if (!text.endsWith('\n')) throw new Error('the text must end with a line feed');
  const lines = text.slice(0, -1).split('\n');
  if (openMetrics) {
    if (lines.at(-1) !== '# EOF') throw new Error('OpenMetrics text must end with "# EOF"');
    lines.pop();
  }
  const families: ParsedFamily[] = [];
  const seen = new Set<string>();
  let current: ParsedFamily | undefined;
  const begin = (name: string) => {
    if (current?.name === name) return current;
    if (seen.has(name))
      throw new Error(`family ${name} appears twice, or its lines are interleaved`);
    seen.add(name);
    current = { name, type: 'unknown', samples: [] };
    families.push(current);
    return current;
  };
  lines.forEach((line, index) => {
    const where = `line ${index + 1} (${JSON.stringify(line)})`;
    if (line === '') throw new Error(`${where}: empty lines are not allowed`);
    if (line.startsWith('#')) {
      const match = /^# (TYPE|HELP|UNIT) (\S+) ?(.*)$/.exec(line);
      if (!match) {
        if (openMetrics || line.startsWith('# EOF'))
          throw new Error(`${where}: not a TYPE, HELP or UNIT line`);
        return;
      }
      const [, keyword, name, rest] = match as unknown as [string, string, string, string];
      if (!METRIC_NAME.test(name)) throw new Error(`${where}: bad metric name`);
      const family = begin(name);
      if (family.samples.length > 0) throw new Error(`${where}: metadata after samples`);
      if (keyword === 'TYPE') {
        if (family.type !== 'unknown' || !TYPES.includes(rest))
          throw new Error(`${where}: bad or repeated TYPE`);
        family.type = rest;
      } else if (keyword === 'HELP') {
        if (family.help !== undefined) throw new Error(`${where}: repeated HELP`);
        if (/\\[^\\n]|\\$/.test(rest)) throw new Error(`${where}: bad escape in HELP`);
        family.help = rest;
      } else {
        if (!openMetrics) throw new Error(`${where}: UNIT is OpenMetrics only`);
        if (family.unit !== undefined || !name.endsWith(`_${rest}`))
          throw new Error(`${where}: bad UNIT`);
        family.unit = rest;
      }
      return;
    }
    const sample = parseSample(line, where);
    const family =
      current && sampleBelongs(current, sample.name, openMetrics) ? current : begin(sample.name);
    if (!sampleBelongs(family, sample.name, openMetrics))
      throw new Error(`${where}: sample of another family`);
    if (family.type === 'counter' && !(sample.value >= 0))
      throw new Error(`${where}: negative counter`);
    const key = `${sample.name}${JSON.stringify(Object.entries(sample.labels).sort())}`;
    if (
      family.samples.some(
        (s) => `${s.name}${JSON.stringify(Object.entries(s.labels).sort())}` === key,
      )
    ) {
      throw new Error(`${where}: duplicate series`);
    }
    family.samples.push(sample);
  });
  return families;
}

function sampleBelongs(family: ParsedFamily, name: string, openMetrics: boolean): boolean {
  if (!openMetrics || family.type !== 'counter') return name === family.name;
  return name === `${family.name}_total` || name === `${family.name}_created`;
}

function parseSample(line: string, where: string) {
  const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})? (\S+)(?: (\S+))?$/.exec(line);
  if (!match) throw new Error(`${where}: not a sample line`);
  const [, name, labelText, valueText, timestamp] = match as unknown as [
    string,
    string,
    string | undefined,
    string,
    string | undefined,
  ];
  if (!NUMBER.test(valueText)) throw new Error(`${where}: bad value`);
  if (timestamp !== undefined && !NUMBER.test(timestamp))
    throw new Error(`${where}: bad timestamp`);
  return {
    name,
    labels: labelText ? parseLabels(labelText, where) : {},
    value: Number(valueText.replace(/Inf$/, 'Infinity')),
  };
}

function parseLabels(text: string, where: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let i = 1;
  while (i < text.length - 1) {
    const eq = text.indexOf('=', i);
    const name = text.slice(i, eq);
    if (eq < 0 || !LABEL_NAME.test(name) || text[eq + 1] !== '"')
      throw new Error(`${where}: bad label`);
    if (name in labels) throw new Error(`${where}: duplicate label ${name}`);
    let value = '';
    let j = eq + 2;
    for (; j < text.length && text[j] !== '"'; j++) {
      if (text[j] === '\n') throw new Error(`${where}: raw line feed in a label`);
      if (text[j] !== '\\') {
        value += text[j];
        continue;
      }
      const next = text[++j];
      if (next === '\\' || next === '"') value += next;
      else if (next === 'n') value += '\n';
      else throw new Error(`${where}: bad escape in label value`);
    }
    if (j >= text.length) throw new Error(`${where}: unterminated label value`);
    labels[name] = value;
    i = j + 1;
    if (text[i] === ',') i++;
    else if (i !== text.length - 1) throw new Error(`${where}: expected , or } after a label`);
    if (text[i - 1] === ',' && i === text.length - 1) throw new Error(`${where}: trailing comma`);
  }
  return labels;
}
