/**
 * JSONPath-state rules: the syntax of every path field and every `.$` value (paths or intrinsic calls,
 * with intrinsic names, arity and argument kinds), Reference Paths where ASL requires them, ResultPath
 * never writing to `$$` or a variable, key collisions once `.$` is stripped, and JSONata strings where
 * a path is expected. Records `$variable` reads for the variable rules.
 * Depends on: asl/ (jsonPath, intrinsics, jsonata), ./validationContext only.
 */
import {
  checkIntrinsicCall,
  INTRINSIC_FUNCTIONS,
  isJsonataString,
  looksLikeIntrinsic,
  parseIntrinsic,
  parseJsonPath,
  valueNodeOf,
  type IntrinsicCall,
  type JsonPathExpression,
  type StateModel,
  type SyntaxNode,
} from '../../asl';
import { containsPlaceholder } from '../../schema/schemaFragments';
import type { ValidationContext } from './validationContext';

/** A `$name` read found in a path or expression, for the variable rules. */
export interface VariableRead {
  name: string;
  state: StateModel;
  node: SyntaxNode;
}

type PathKind = 'path' | 'reference' | 'result' | 'referenceOrIntrinsic';

/** Path fields of a state (relative key paths) and what they must hold. */
const STATE_PATH_FIELDS: [string[], PathKind][] = [
  [['InputPath'], 'path'],
  [['OutputPath'], 'path'],
  [['ResultPath'], 'result'],
  [['ItemsPath'], 'reference'],
  [['TimeoutSecondsPath'], 'reference'],
  [['HeartbeatSecondsPath'], 'reference'],
  [['SecondsPath'], 'reference'],
  [['TimestampPath'], 'reference'],
  [['MaxConcurrencyPath'], 'reference'],
  [['ToleratedFailurePercentagePath'], 'reference'],
  [['ToleratedFailureCountPath'], 'reference'],
  [['ErrorPath'], 'referenceOrIntrinsic'],
  [['CausePath'], 'referenceOrIntrinsic'],
  [['ItemReader', 'ReaderConfig', 'MaxItemsPath'], 'reference'],
  [['ItemBatcher', 'MaxItemsPerBatchPath'], 'reference'],
  [['ItemBatcher', 'MaxInputBytesPerBatchPath'], 'reference'],
];

/** Payload templates of a state: objects whose `.$` keys take paths or intrinsic calls. */
const TEMPLATE_FIELDS: string[][] = [
  ['Parameters'],
  ['ResultSelector'],
  ['ItemSelector'],
  ['Credentials'],
  ['Assign'],
  ['ItemReader', 'Parameters'],
  ['ResultWriter', 'Parameters'],
  ['ItemBatcher', 'BatchInput'],
];

/** The value nodes of an object's properties by key (the last duplicate wins, as in JSON.parse). */
function propertyMap(node: SyntaxNode): Map<string, SyntaxNode | undefined> {
  const map = new Map<string, SyntaxNode | undefined>();
  for (const prop of node.children ?? []) {
    const key = prop.children?.[0]?.value;
    if (typeof key === 'string') map.set(key, prop.children?.[1]);
  }
  return map;
}

function at(fields: Map<string, SyntaxNode | undefined>, keys: string[]): SyntaxNode | undefined {
  let current = fields.get(keys[0]);
  for (const key of keys.slice(1)) current = valueNodeOf(current, key);
  return current;
}

const isTemplated = containsPlaceholder;

/** Parse results by text (paths like "$" or "$.Payload" repeat a lot), bounded; results are only read. */
const CACHE_LIMIT = 5000;
const pathCache = new Map<string, ReturnType<typeof parseJsonPath>>();
const intrinsicCache = new Map<string, ReturnType<typeof parseIntrinsic>>();

function cached<T>(cache: Map<string, T>, text: string, parse: (text: string) => T): T {
  let result = cache.get(text);
  if (result === undefined) {
    result = parse(text);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, result);
  }
  return result;
}
const cachedPath = (text: string) => cached(pathCache, text, parseJsonPath);
const cachedIntrinsic = (text: string) => cached(intrinsicCache, text, parseIntrinsic);

export function checkJsonPathState(
  context: ValidationContext,
  state: StateModel,
  reads: VariableRead[],
): void {
  const node = state.node;
  if (node?.type !== 'object' || state.queryLanguage !== 'JSONPath') return;
  const checker = new PathChecker(context, state, reads);
  const fields = propertyMap(node);
  for (const [keys, kind] of STATE_PATH_FIELDS) {
    if (fields.has(keys[0])) checker.pathField(at(fields, keys), keys.join('.'), kind);
  }
  for (const keys of TEMPLATE_FIELDS) if (fields.has(keys[0])) checker.template(at(fields, keys));
  const timestamp = fields.get('Timestamp');
  if (timestamp && isJsonataString(timestamp.value)) {
    context.report('jsonata-in-jsonpath', timestamp, { field: 'Timestamp' });
  }
  for (const field of ['Catch', 'Choices']) {
    (fields.get(field)?.children ?? []).forEach((entry, i) => {
      checker.pathField(valueNodeOf(entry, 'ResultPath'), `${field}[${i}].ResultPath`, 'result');
      checker.template(valueNodeOf(entry, 'Assign'));
    });
  }
  for (const rule of fields.get('Choices')?.children ?? []) checker.choiceRule(rule);
}

class PathChecker {
  constructor(
    private readonly context: ValidationContext,
    private readonly state: StateModel,
    private readonly reads: VariableRead[],
  ) {}

  pathField(node: SyntaxNode | undefined, field: string, kind: PathKind): void {
    if (node?.type !== 'string' || typeof node.value !== 'string') return;
    const value = node.value;
    if (isTemplated(value)) return;
    if (isJsonataString(value)) {
      this.context.report('jsonata-in-jsonpath', node, { field });
      return;
    }
    if (looksLikeIntrinsic(value)) {
      if (kind === 'referenceOrIntrinsic') this.intrinsic(node, value, field);
      else this.context.report('reference-path-required', node, { field, value });
      return;
    }
    const path = this.parse(node, value, field);
    if (!path) return;
    if (kind === 'result' && path.root !== 'input') {
      this.context.report('result-path-variable', node, {
        field,
        what: path.root === 'context' ? 'the context object ($$)' : `the variable $${path.variableName}`,
      });
    } else if (kind !== 'path' && !path.isReference) {
      this.context.report('reference-path-required', node, { field, value });
    }
  }

  /** Walks a payload template: `.$` keys take a path or an intrinsic call; keys stay unique without `.$`. */
  template(node: SyntaxNode | undefined): void {
    if (!node) return;
    if (node.type === 'array') {
      for (const child of node.children ?? []) this.template(child);
      return;
    }
    if (node.type !== 'object') return;
    const seen = new Map<string, SyntaxNode>();
    for (const prop of node.children ?? []) {
      const key = prop.children?.[0];
      const value = prop.children?.[1];
      if (typeof key?.value !== 'string') continue;
      const name = key.value;
      const stripped = name.endsWith('.$') ? name.slice(0, -2) : name;
      const other = seen.get(stripped);
      if (other && other.value !== name) {
        this.context.report('payload-key-collision', key, {
          field: name,
          other: String(other.value),
          key: stripped,
        });
      } else {
        seen.set(stripped, key);
      }
      if (name.endsWith('.$')) this.dynamicValue(name, value);
      else this.template(value);
    }
  }

  private dynamicValue(field: string, node: SyntaxNode | undefined): void {
    if (!node) return;
    if (node.type !== 'string' || typeof node.value !== 'string') {
      this.context.report('invalid-payload-path', node, {
        field,
        value: `${/^[aeiou]/.test(node.type) ? 'an' : 'a'} ${node.type}`,
      });
      return;
    }
    const value = node.value;
    if (isTemplated(value)) return;
    if (looksLikeIntrinsic(value) && value.trimStart() === value) {
      this.intrinsic(node, value);
    } else if (value.startsWith('$')) {
      this.parse(node, value, field);
    } else {
      this.context.report('invalid-payload-path', node, { field, value: JSON.stringify(value) });
    }
  }

  choiceRule(rule: SyntaxNode): void {
    if (rule.type !== 'object') return;
    for (const prop of rule.children ?? []) {
      const key = String(prop.children?.[0]?.value);
      const value = prop.children?.[1];
      if (key === 'Variable' || (key.endsWith('Path') && key !== 'ResultPath')) {
        this.pathField(value, key, 'reference');
      } else if (key === 'And' || key === 'Or') {
        for (const nested of value?.children ?? []) this.choiceRule(nested);
      } else if (key === 'Not' && value) {
        this.choiceRule(value);
      }
    }
  }

  private parse(node: SyntaxNode, value: string, field: string): JsonPathExpression | undefined {
    const result = cachedPath(value);
    if (!result.ok) {
      this.context.report(
        'invalid-json-path',
        this.context.inString(node, result.error.offset, result.error.length),
        {
          field,
          detail: result.error.message,
        },
      );
      return undefined;
    }
    this.recordRead(result.path, node);
    return result.path;
  }

  private recordRead(path: JsonPathExpression, node: SyntaxNode): void {
    if (path.root === 'variable' && path.variableName) {
      this.reads.push({ name: path.variableName, state: this.state, node });
    }
  }

  /** Checks an intrinsic call; `stringField` names a Fail field whose call must return a string. */
  private intrinsic(node: SyntaxNode, value: string, stringField?: string): void {
    const parsed = cachedIntrinsic(value);
    if (!parsed.ok) {
      this.context.report(
        'invalid-intrinsic',
        this.context.inString(node, parsed.error.offset, parsed.error.length),
        {
          detail: `Invalid intrinsic function call: ${parsed.error.message}.`,
        },
      );
      return;
    }
    for (const problem of checkIntrinsicCall(parsed.call)) {
      this.context.report('invalid-intrinsic', this.context.inString(node, problem.offset, problem.length), {
        detail: `${problem.message}.`,
      });
    }
    this.recordCallReads(parsed.call, node);
    const signature = INTRINSIC_FUNCTIONS.get(parsed.call.name);
    if (
      stringField &&
      signature &&
      signature.returns !== 'string' &&
      signature.name !== 'States.ArrayGetItem'
    ) {
      this.context.report(
        'invalid-intrinsic',
        this.context.inString(node, parsed.call.nameOffset, parsed.call.nameLength),
        {
          detail: `${stringField} needs a string: ${parsed.call.name} returns ${signature.returns}. Use a path or States.Format, States.JsonToString, States.ArrayGetItem, States.Base64Encode/Decode, States.Hash or States.UUID.`,
        },
      );
    }
  }

  private recordCallReads(call: IntrinsicCall, node: SyntaxNode): void {
    for (const arg of call.args) {
      if (arg.path) this.recordRead(arg.path, node);
      if (arg.call) this.recordCallReads(arg.call, node);
    }
  }
}
