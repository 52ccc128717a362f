/**
 * Field-combination rules the schema cannot word well: mutually exclusive pairs (X / XPath, Items /
 * ItemsPath, ItemSelector / Parameters, Iterator / ItemProcessor, ...), Wait's exactly-one duration,
 * HeartbeatSeconds < TimeoutSeconds, RFC 3339 timestamps, one comparison per Choice Rule, Map Label.
 * Depends on: asl/, schema/fieldTables, ./validationContext only.
 */
import { keyNodeOf, valueNodeOf, type StateModel, type SyntaxNode } from '../../asl';
import { COMPARISON_OPERATORS } from '../../schema/fieldTables';
import { DiagnosticTag } from '../types';
import type { ValidationContext } from './validationContext';

const STATE_PAIRS: Record<string, string[][]> = {
  Task: [
    ['TimeoutSeconds', 'TimeoutSecondsPath'],
    ['HeartbeatSeconds', 'HeartbeatSecondsPath'],
  ],
  Fail: [
    ['Error', 'ErrorPath'],
    ['Cause', 'CausePath'],
  ],
  Map: [
    ['Items', 'ItemsPath'],
    ['ItemSelector', 'Parameters'],
    ['Iterator', 'ItemProcessor'],
    ['ToleratedFailurePercentage', 'ToleratedFailurePercentagePath'],
    ['ToleratedFailureCount', 'ToleratedFailureCountPath'],
    ['MaxConcurrency', 'MaxConcurrencyPath'],
  ],
  Wait: [['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath']],
};
const NESTED_PAIRS: [string[], string[]][] = [
  [
    ['ItemReader', 'ReaderConfig'],
    ['MaxItems', 'MaxItemsPath'],
  ],
  [['ItemBatcher'], ['MaxItemsPerBatch', 'MaxItemsPerBatchPath']],
  [['ItemBatcher'], ['MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath']],
];

const OPERATORS = new Set(COMPARISON_OPERATORS);
const TIMESTAMP_OPERATORS = new Set(
  COMPARISON_OPERATORS.filter((op) => op.startsWith('Timestamp') && !op.endsWith('Path')),
);
const LABEL_FORBIDDEN = /[\s?*<>{}[\]"#%\\^|~`$&,;:/\p{Cc}]/u;

function exclusive(context: ValidationContext, node: SyntaxNode | undefined, fields: string[]): void {
  const present = fields
    .map((field) => ({ field, key: keyNodeOf(node, field) }))
    .filter((p): p is { field: string; key: SyntaxNode } => !!p.key)
    .sort((a, b) => a.key.offset - b.key.offset);
  if (present.length < 2) return;
  for (const { key } of present.slice(1)) {
    context.report('mutually-exclusive-fields', key, {
      fields: present.map((p) => `"${p.field}"`).join(' and '),
    });
  }
}

/** RFC 3339 with upper-case T and Z, and a real calendar date. */
export function isRfc3339(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const offsetOk = m[8] === 'Z' || (Number(m[9]) < 24 && Number(m[10]) < 60);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour < 24 &&
    minute < 60 &&
    second < 61 &&
    offsetOk
  );
}

function isSubstituted(value: string): boolean {
  return value.includes('${') || /^\{%[\s\S]*%\}$/.test(value);
}

function checkTimestamp(context: ValidationContext, node: SyntaxNode | undefined, field: string): void {
  if (node?.type !== 'string' || typeof node.value !== 'string' || isSubstituted(node.value)) return;
  if (!isRfc3339(node.value)) context.report('invalid-timestamp', node, { field, value: node.value });
}

export function checkStateFields(context: ValidationContext, state: StateModel): void {
  const node = state.node;
  if (node?.type !== 'object' || !state.type) return;
  for (const pair of STATE_PAIRS[state.type] ?? []) exclusive(context, node, pair);
  switch (state.type) {
    case 'Task': {
      const timeout = valueNodeOf(node, 'TimeoutSeconds');
      const heartbeat = valueNodeOf(node, 'HeartbeatSeconds');
      if (
        typeof timeout?.value === 'number' &&
        typeof heartbeat?.value === 'number' &&
        heartbeat.value >= timeout.value
      ) {
        context.report('heartbeat-not-below-timeout', heartbeat, {
          heartbeat: heartbeat.value,
          timeout: timeout.value,
        });
      }
      break;
    }
    case 'Wait':
      if (!['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath'].some((f) => keyNodeOf(node, f))) {
        context.report('missing-one-of-fields', state.keyNode, {
          kind: `Wait state "${state.name}"`,
          fields:
            state.queryLanguage === 'JSONata'
              ? '"Seconds" or "Timestamp"'
              : '"Seconds", "SecondsPath", "Timestamp" or "TimestampPath"',
        });
      }
      checkTimestamp(context, valueNodeOf(node, 'Timestamp'), 'Timestamp');
      break;
    case 'Map': {
      if (!keyNodeOf(node, 'ItemProcessor') && !keyNodeOf(node, 'Iterator')) {
        context.report('missing-one-of-fields', state.keyNode, {
          kind: `Map state "${state.name}"`,
          fields: '"ItemProcessor" (or the deprecated "Iterator")',
        });
      }
      for (const [path, pair] of NESTED_PAIRS) {
        let holder: SyntaxNode | undefined = node;
        for (const key of path) holder = valueNodeOf(holder, key);
        exclusive(context, holder, pair);
      }
      checkLabel(context, valueNodeOf(node, 'Label'));
      for (const [field, replacement] of [
        ['Iterator', 'ItemProcessor'],
        ['Parameters', 'ItemSelector'],
      ]) {
        const key = keyNodeOf(node, field);
        if (key) {
          context.report(
            'deprecated-field',
            key,
            { field, replacement },
            { tags: [DiagnosticTag.Deprecated] },
          );
        }
      }
      const processor = valueNodeOf(node, 'ItemProcessor') ?? valueNodeOf(node, 'Iterator');
      const config = valueNodeOf(processor, 'ProcessorConfig');
      if (valueNodeOf(config, 'Mode')?.value === 'DISTRIBUTED' && !keyNodeOf(config, 'ExecutionType')) {
        context.report('missing-required-field', keyNodeOf(processor, 'ProcessorConfig')!, {
          kind: 'A DISTRIBUTED ProcessorConfig',
          field: 'ExecutionType',
        });
      }
      break;
    }
    case 'Choice':
      if (state.queryLanguage === 'JSONPath') {
        for (const rule of valueNodeOf(node, 'Choices')?.children ?? []) checkChoiceRule(context, rule);
      }
      break;
    default:
      break;
  }
}

function checkLabel(context: ValidationContext, label: SyntaxNode | undefined): void {
  if (label?.type !== 'string' || typeof label.value !== 'string' || label.value.includes('${')) return;
  const value = label.value;
  if (value.length === 0) context.report('invalid-map-label', label, { detail: 'cannot be empty' });
  else if ([...value].length > 40) {
    context.report('invalid-map-label', label, { detail: 'cannot exceed 40 characters' });
  } else if (LABEL_FORBIDDEN.test(value)) {
    context.report('invalid-map-label', label, {
      detail: `contains the invalid character ${JSON.stringify(LABEL_FORBIDDEN.exec(value)![0])}`,
    });
  }
}

function checkChoiceRule(context: ValidationContext, rule: SyntaxNode): void {
  if (rule.type !== 'object') return;
  const keys = (rule.children ?? []).map((p) => p.children?.[0]).filter((k): k is SyntaxNode => !!k);
  const operators = keys.filter((k) => OPERATORS.has(String(k.value)));
  const combinators = keys.filter((k) => ['And', 'Or', 'Not'].includes(String(k.value)));
  const variable = keyNodeOf(rule, 'Variable');
  const count = operators.length + combinators.length;
  if (count !== 1) {
    const anchor = count > 1 ? [...operators, ...combinators][1] : (variable ?? keys[0]);
    context.report('choice-rule-operator-count', anchor ?? { offset: rule.offset, length: 1 }, {
      count,
      operators: [...operators, ...combinators].map((k) => String(k.value)).join(', '),
    });
  } else if (operators.length === 1 && !variable) {
    context.report('choice-rule-missing-variable', operators[0], { operator: String(operators[0].value) });
  }
  for (const op of operators) {
    if (TIMESTAMP_OPERATORS.has(String(op.value))) {
      checkTimestamp(context, op.parent?.children?.[1], String(op.value));
    }
  }
  for (const combinator of combinators) {
    const value = combinator.parent?.children?.[1];
    if (value?.type === 'array') for (const nested of value.children ?? []) checkChoiceRule(context, nested);
    else if (value) checkChoiceRule(context, value);
  }
}
