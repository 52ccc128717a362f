/**
 * JSONPath Choice rule evaluation: the comparison operators (String*, Numeric*, Boolean*, Timestamp*, their
 * `Path` forms, StringMatches, Is* type tests) and And/Or/Not. Also the RFC 3339 timestamp parser shared with
 * Wait. Pure: no I/O, no transport.
 */
import { type DataEnv, queryPath } from './dataFlow';
import { StatesError } from './statesError';

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an RFC 3339 timestamp (upper-case `T`, `Z` or a numeric offset); undefined when invalid. */
export function parseTimestamp(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

function globMatch(pattern: string, value: string): boolean {
  let regex = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      regex += pattern[i + 1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i++;
    } else if (c === '*') regex += '[\\s\\S]*';
    else regex += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(regex + '$').test(value);
}

type Family = 'String' | 'Numeric' | 'Boolean' | 'Timestamp';

function compare(family: Family, op: string, left: unknown, right: unknown): boolean {
  if (family === 'String') {
    if (typeof left !== 'string' || typeof right !== 'string') return false;
    return relation(op, left < right ? -1 : left > right ? 1 : 0);
  }
  if (family === 'Numeric') {
    if (typeof left !== 'number' || typeof right !== 'number') return false;
    return relation(op, left < right ? -1 : left > right ? 1 : 0);
  }
  if (family === 'Boolean') {
    return typeof left === 'boolean' && typeof right === 'boolean' && left === right;
  }
  const l = parseTimestamp(left);
  const r = parseTimestamp(right);
  if (l === undefined || r === undefined) return false;
  return relation(op, l < r ? -1 : l > r ? 1 : 0);
}

function relation(op: string, sign: number): boolean {
  switch (op) {
    case 'Equals':
      return sign === 0;
    case 'LessThan':
      return sign < 0;
    case 'GreaterThan':
      return sign > 0;
    case 'LessThanEquals':
      return sign <= 0;
    case 'GreaterThanEquals':
      return sign >= 0;
    default:
      return false;
  }
}

const OPERATOR =
  /^(String|Numeric|Boolean|Timestamp)(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals)(Path)?$/;
const RULE_KEYS = new Set([
  'Next',
  'Variable',
  'Comment',
  'Assign',
  'Output',
  'And',
  'Or',
  'Not',
  'Condition',
]);

/** Evaluates one JSONPath Choice rule against the effective input. */
export function evaluateChoiceRule(rule: Record<string, unknown>, env: DataEnv): boolean {
  if (Array.isArray(rule.And)) {
    return (rule.And as Record<string, unknown>[]).every((r) => evaluateChoiceRule(r, env));
  }
  if (Array.isArray(rule.Or)) {
    return (rule.Or as Record<string, unknown>[]).some((r) => evaluateChoiceRule(r, env));
  }
  if (rule.Not && typeof rule.Not === 'object') {
    return !evaluateChoiceRule(rule.Not as Record<string, unknown>, env);
  }
  const variable = rule.Variable;
  const operator = Object.keys(rule).find((k) => !RULE_KEYS.has(k));
  if (typeof variable !== 'string' || operator === undefined) {
    throw new StatesError(
      'States.Runtime',
      'Invalid Choice rule: a Variable and one comparison operator are required.',
    );
  }
  const operand = rule[operator];
  const selected = queryPath(variable, env);
  if (operator === 'IsPresent') return selected.found === (operand === true);
  if (!selected.found) {
    throw new StatesError(
      'States.Runtime',
      `Invalid path '${variable}': The choice state's condition path references an invalid value.`,
    );
  }
  const value = selected.value;
  switch (operator) {
    case 'IsNull':
      return (value === null) === (operand === true);
    case 'IsNumeric':
      return (typeof value === 'number') === (operand === true);
    case 'IsString':
      return (typeof value === 'string') === (operand === true);
    case 'IsBoolean':
      return (typeof value === 'boolean') === (operand === true);
    case 'IsTimestamp':
      return (parseTimestamp(value) !== undefined) === (operand === true);
    case 'StringMatches':
      return typeof value === 'string' && typeof operand === 'string' && globMatch(operand, value);
    default:
      break;
  }
  const m = OPERATOR.exec(operator);
  if (!m) throw new StatesError('States.Runtime', `Unknown Choice operator '${operator}'.`);
  let right = operand;
  if (m[3]) {
    if (typeof operand !== 'string') return false;
    const other = queryPath(operand, env);
    if (!other.found) {
      throw new StatesError(
        'States.Runtime',
        `Invalid path '${operand}': The choice state's condition path references an invalid value.`,
      );
    }
    right = other.value;
  }
  return compare(m[1] as Family, m[2], value, right);
}
