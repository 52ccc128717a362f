/**
 * Collects the expression strings of a definition's JSONPath states, as AWS reads them: Path fields,
 * Choice Variable and *Path operands, and `.$` values of payload templates (intrinsic calls or paths).
 * Used by the expression tests over the shared real-world corpus. Test support only.
 */

export interface CorpusExpression {
  kind: 'path' | 'intrinsic';
  text: string;
  where: string;
}

const PATH_FIELDS = [
  'InputPath',
  'OutputPath',
  'ResultPath',
  'ItemsPath',
  'SecondsPath',
  'TimestampPath',
  'ErrorPath',
  'CausePath',
  'TimeoutSecondsPath',
  'HeartbeatSecondsPath',
  'MaxConcurrencyPath',
  'ToleratedFailureCountPath',
  'ToleratedFailurePercentagePath',
];
const TEMPLATE_FIELDS = ['Parameters', 'ResultSelector', 'ItemSelector', 'Assign', 'Credentials'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function collectExpressions(definition: unknown): CorpusExpression[] {
  const out: CorpusExpression[] = [];
  if (isObj(definition)) {
    machine(definition, definition.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath', out, '');
  }
  return out;
}

function machine(m: Obj, language: string, out: CorpusExpression[], where: string): void {
  if (!isObj(m.States)) return;
  for (const [name, s] of Object.entries(m.States)) {
    if (isObj(s)) state(s, language, out, `${where}/${name}`);
  }
}

function add(out: CorpusExpression[], text: unknown, where: string, template: boolean): void {
  if (typeof text !== 'string') return;
  const intrinsic = template && /^\s*[A-Za-z_][A-Za-z0-9_.]*\s*\(/.test(text);
  out.push({ kind: intrinsic ? 'intrinsic' : 'path', text, where });
}

function template(v: unknown, out: CorpusExpression[], where: string): void {
  if (Array.isArray(v)) v.forEach((x, i) => template(x, out, `${where}[${i}]`));
  else if (isObj(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (k.endsWith('.$')) add(out, x, `${where}.${k}`, true);
      else template(x, out, `${where}.${k}`);
    }
  }
}

function choiceRule(r: unknown, out: CorpusExpression[], where: string): void {
  if (!isObj(r)) return;
  add(out, r.Variable, `${where}.Variable`, false);
  template(r.Assign, out, `${where}.Assign`);
  for (const [k, v] of Object.entries(r)) {
    if (k.endsWith('Path') && k !== 'Variable') add(out, v, `${where}.${k}`, false);
  }
  for (const k of ['And', 'Or']) {
    if (Array.isArray(r[k])) (r[k] as unknown[]).forEach((x, i) => choiceRule(x, out, `${where}.${k}[${i}]`));
  }
  if (r.Not) choiceRule(r.Not, out, `${where}.Not`);
}

function state(s: Obj, parentLanguage: string, out: CorpusExpression[], where: string): void {
  const language =
    s.QueryLanguage === 'JSONata' || s.QueryLanguage === 'JSONPath' ? s.QueryLanguage : parentLanguage;
  if (language === 'JSONPath') {
    for (const f of PATH_FIELDS) add(out, s[f], `${where}.${f}`, f === 'ErrorPath' || f === 'CausePath');
    for (const f of TEMPLATE_FIELDS) template(s[f], out, `${where}.${f}`);
    for (const sub of ['ItemReader', 'ResultWriter']) {
      const o = s[sub];
      if (!isObj(o)) continue;
      template(o.Parameters, out, `${where}.${sub}.Parameters`);
      if (isObj(o.ReaderConfig)) {
        add(out, o.ReaderConfig.MaxItemsPath, `${where}.${sub}.ReaderConfig.MaxItemsPath`, false);
      }
    }
    if (isObj(s.ItemBatcher)) {
      template(s.ItemBatcher.BatchInput, out, `${where}.ItemBatcher.BatchInput`);
      add(out, s.ItemBatcher.MaxItemsPerBatchPath, `${where}.ItemBatcher.MaxItemsPerBatchPath`, false);
      add(
        out,
        s.ItemBatcher.MaxInputBytesPerBatchPath,
        `${where}.ItemBatcher.MaxInputBytesPerBatchPath`,
        false,
      );
    }
    if (Array.isArray(s.Choices)) s.Choices.forEach((r, i) => choiceRule(r, out, `${where}.Choices[${i}]`));
    if (Array.isArray(s.Catch)) {
      s.Catch.forEach((c, i) => {
        if (!isObj(c)) return;
        add(out, c.ResultPath, `${where}.Catch[${i}].ResultPath`, false);
        template(c.Assign, out, `${where}.Catch[${i}].Assign`);
      });
    }
  }
  if (Array.isArray(s.Branches)) {
    s.Branches.forEach((b, i) => isObj(b) && machine(b, language, out, `${where}.Branches[${i}]`));
  }
  for (const k of ['Iterator', 'ItemProcessor']) {
    if (isObj(s[k])) machine(s[k] as Obj, language, out, `${where}.${k}`);
  }
}
