/**
 * Hover inside string values that hold expressions: JSONata `{% %}` (functions, `$states.*`, variables),
 * intrinsic functions (`States.Format(...)`), context object paths (`$$.Execution.Id`), variables
 * (`$name`: where assigned) and JSONPath paths (`$.x`: what they select). Works on the decoded string and
 * reports document offsets. Depends on asl/, ../docs and ./ helpers; pure, never throws on bad text.
 */
import {
  freeVariableReferences,
  isJsonataString,
  JSONATA_FUNCTIONS,
  parseJsonataExpression,
  parseJsonPath,
  type StateMachineModel,
  type StateModel,
} from '../../asl';
import {
  contextPathDoc,
  intrinsicFunctionDoc,
  jsonataFunctionDoc,
  statesVariableDoc,
  type FieldContext,
} from '../docs';
import { type StringContent, indexAtOffset } from './stringContent';
import { assignmentsOf, isVisibleFrom } from './variableAssignments';

/** A hover before translation to LSP: markdown and the document offsets it covers. */
export interface HoverResult {
  markdown: string;
  start: number;
  end: number;
}

/** Where a string sits: its decoded content, the ASL field it belongs to and the enclosing state. */
export interface StringSite {
  model: StateMachineModel;
  content: StringContent;
  /** The key of the property holding the string (`Payload.$`, `InputPath`, ...). */
  key: string | undefined;
  /** The ASL field (directly under a state or nested object) the string is part of. */
  field: string | undefined;
  context: FieldContext | undefined;
  state: StateModel | undefined;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

const MAX_VALUE_TEXT = 120;

/** Tokens matching `pattern` outside quoted literals (`quotes` are the literal delimiters). */
function tokenAt(text: string, index: number, pattern: RegExp, quotes: string): Token | undefined {
  const literal = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    if (quotes.includes(text[i])) {
      const q = text[i];
      let j = i + 1;
      while (j < text.length && text[j] !== q) j += text[j] === '\\' ? 2 : 1;
      for (let k = i; k <= Math.min(j, text.length - 1); k++) literal[k] = 1;
      i = j;
    }
  }
  const re = new RegExp(pattern.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const start = m.index;
    const end = start + m[0].length;
    if (literal[start]) continue;
    if (index >= start && index <= end) return { text: m[0], start, end };
    if (start > index) break;
  }
  return undefined;
}

/** The prefix of a dotted token up to the end of the segment containing `index`. */
function segmentPrefix(token: Token, index: number): Token {
  const rel = Math.max(0, index - token.start);
  const next = token.text.indexOf('.', Math.max(1, rel));
  const cut = next < 0 ? token.text.length : next;
  return { text: token.text.slice(0, cut), start: token.start, end: token.start + cut };
}

function result(site: StringSite, token: Token, markdown: string): HoverResult {
  const { offsets } = site.content;
  return { markdown, start: offsets[token.start], end: offsets[Math.min(token.end, offsets.length - 1)] };
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_VALUE_TEXT ? flat.slice(0, MAX_VALUE_TEXT - 1) + '…' : flat;
}

/** Markdown for a workflow variable: where it is assigned (visible assignments first) and the values. */
export function variableMarkdown(
  model: StateMachineModel,
  name: string,
  from: StateModel | undefined,
): string {
  const all = assignmentsOf(model, name);
  const visible = all.filter((a) => isVisibleFrom(a.state.scope, from?.scope));
  const hidden = all.filter((a) => !visible.includes(a));
  const line = (a: (typeof all)[number]) => {
    const value = a.valueNode
      ? model.text.slice(a.valueNode.offset, a.valueNode.offset + a.valueNode.length)
      : '';
    const key = a.keyNode.value as string;
    return `- \`${a.state.name}\` (${a.where}${key.endsWith('.$') ? `, \`${key}\`` : ''})${value ? `: \`${oneLine(value).replace(/`/g, "'")}\`` : ''}`;
  };
  const parts = [`**\`$${name}\`** · workflow variable`];
  if (visible.length) parts.push('Assigned in:\n' + visible.map(line).join('\n'));
  if (hidden.length) {
    parts.push('Assigned in another scope (not visible here):\n' + hidden.map(line).join('\n'));
  }
  if (!all.length) parts.push(`⚠ No state in this document assigns \`$${name}\`.`);
  parts.push('Values are read as they were when the state was entered.');
  return parts.join('\n\n');
}

function jsonataHover(site: StringSite, index: number): HoverResult | undefined {
  const value = site.content.value;
  // A half-typed expression (`"{% $sum(`) has no closing `%}` yet.
  const body = value.slice(2, isJsonataString(value) ? -2 : undefined);
  const token = tokenAt(body, index - 2, /\$[A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/, '"\'`');
  if (!token || token.text === '$' || token.text === '$$') return undefined;
  const shifted = (t: Token): Token => ({ text: t.text, start: t.start + 2, end: t.end + 2 });
  if (token.text === '$states' || token.text.startsWith('$states.')) {
    let prefix = segmentPrefix(token, index - 2);
    let doc = statesVariableDoc(prefix.text);
    while (!doc && prefix.text.includes('.')) {
      const cut = prefix.text.lastIndexOf('.');
      const unknown = prefix.text.slice(cut + 1);
      prefix = { text: prefix.text.slice(0, cut), start: prefix.start, end: prefix.start + cut };
      const parent = statesVariableDoc(prefix.text);
      if (parent) {
        return result(
          site,
          shifted(segmentPrefix(token, index - 2)),
          `⚠ \`${prefix.text}\` has no field \`${unknown}\`.\n\n${parent.markdown}`,
        );
      }
      doc = parent;
    }
    return doc ? result(site, shifted(prefix), doc.markdown) : undefined;
  }
  const name = /^\$[A-Za-z0-9_]+/.exec(token.text)?.[0] ?? token.text;
  const nameToken: Token = { text: name, start: token.start, end: token.start + name.length };
  const fn = JSONATA_FUNCTIONS.get(name);
  const called = /^\s*\(/.test(body.slice(nameToken.end));
  const local = !fn && isLocal(body, nameToken.start);
  const assigned = assignmentsOf(site.model, name.slice(1)).length > 0;
  if (fn && (called || !assigned)) {
    return result(site, shifted(nameToken), jsonataFunctionDoc(name)!.markdown);
  }
  if (local) {
    return result(
      site,
      shifted(nameToken),
      `**\`${name}\`** · JSONata local variable (bound inside this expression)`,
    );
  }
  if (called) {
    return result(site, shifted(nameToken), `⚠ \`${name}\` is not a JSONata function (nor one AWS adds).`);
  }
  // On a field after the variable (`$order.total`) the range covers the whole reference.
  const covered = index - 2 <= nameToken.end ? nameToken : token;
  return result(site, shifted(covered), variableMarkdown(site.model, name.slice(1), site.state));
}

/**
 * True when the `$name` at `offset` is bound inside the expression (`:=`, lambda parameter): it parses and
 * is not a free reference. Callers rule out built-in function names first (never reported as free).
 */
function isLocal(expression: string, offset: number): boolean {
  const parsed = parseJsonataExpression(expression);
  if (!parsed.ok) return false;
  const free = freeVariableReferences(parsed.ast);
  return !free.some((ref) => ref.offset === offset) && /^\$[A-Za-z_]/.test(expression.slice(offset));
}

const PATH_FIELDS = new Set(['Variable']);

/** True when the string of this field is a path or intrinsic (not a literal). */
export function isPathSite(site: StringSite): boolean {
  const key = site.key ?? '';
  if (key.endsWith('.$')) return true;
  if (site.field !== key) return false;
  return PATH_FIELDS.has(key) || key.endsWith('Path');
}

/** What `$` means in a JSONPath string of `field` (in `context`, inside `state`). */
export function jsonPathSource(
  field: string,
  context: FieldContext | undefined,
  state: StateModel | undefined,
): string {
  const type = state?.type;
  if (field === 'InputPath') return 'the raw state input';
  if (field === 'OutputPath') return 'the state output (after ResultPath)';
  if (field === 'ResultSelector') return 'the task result';
  if (field === 'ErrorPath' || field === 'CausePath') return 'the state input';
  if (field === 'Assign') {
    if (context === 'Catcher') return 'the error output {Error, Cause}';
    if (type === 'Choice' || type === 'Wait') return 'the state input (after InputPath)';
    return 'the state result';
  }
  if (context === 'Map' && (field === 'ItemSelector' || field === 'Parameters')) {
    return 'the Map’s input (the current item is `$$.Map.Item.Value`)';
  }
  return 'the effective input (after InputPath)';
}

function jsonPathHover(site: StringSite, token: Token): HoverResult {
  const parsed = parseJsonPath(token.text);
  const relative = token.text.replace(/^\$\.?/, '') || '(the whole value)';
  if (site.field === 'ResultPath' && site.key === 'ResultPath') {
    const what = site.context === 'Catcher' ? 'the error output {Error, Cause}' : 'the result';
    return result(
      site,
      token,
      `**\`${token.text}\`** · ResultPath\n\nPlaces ${what} at \`${relative}\` in the raw state input${token.text === '$' ? ' (replacing it)' : ''}.`,
    );
  }
  const lines = [
    `**\`${token.text}\`** · JSONPath`,
    `Selects \`${relative}\` from ${jsonPathSource(site.field ?? '', site.context, site.state)}.`,
  ];
  if (!parsed.ok) lines.push(`⚠ ${parsed.error.message}`);
  else if (!parsed.path.isDefinite) lines.push('May select several values: they are returned as an array.');
  return result(site, token, lines.join('\n\n'));
}

function pathOrIntrinsicHover(site: StringSite, index: number): HoverResult | undefined {
  const value = site.content.value;
  const fn = tokenAt(value, index, /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+(?=\s*\()/, "'");
  if (fn) {
    const doc = intrinsicFunctionDoc(fn.text);
    return result(site, fn, doc ? doc.markdown : `⚠ \`${fn.text}\` is not an intrinsic function.`);
  }
  const path = tokenAt(value, index, /\$\$?[A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+|\[[^\]]*\]|\.\*)*/, "'");
  if (!path) return undefined;
  if (path.text.startsWith('$$')) {
    const prefix = segmentPrefix({ ...path, text: path.text.replace(/\[.*$/, '') }, index);
    const doc = contextPathDoc(prefix.text);
    return result(
      site,
      prefix,
      doc ? doc.markdown : `⚠ The context object has no \`${prefix.text.slice(3)}\`.`,
    );
  }
  const variable = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(path.text);
  if (variable) {
    const end = path.start + variable[0].length;
    const covered = index <= end ? { text: variable[0], start: path.start, end } : path;
    return result(site, covered, variableMarkdown(site.model, variable[1], site.state));
  }
  return jsonPathHover(site, path);
}

/** Hover for the expression token at a document offset inside a string, if any. */
export function expressionHover(site: StringSite, offset: number): HoverResult | undefined {
  const { offsets } = site.content;
  // On the quotes themselves there is no token: the caller falls back to the field's doc.
  if (offset < offsets[0] || offset > offsets[offsets.length - 1]) return undefined;
  const index = indexAtOffset(site.content, offset);
  // In a gap of the mapping (the indentation of a continued YAML line) there is no token either.
  if (offsets[index] !== offset && !(index > 0 && offsets[index - 1] + 1 === offset)) return undefined;
  const value = site.content.value;
  let hit: HoverResult | undefined;
  if (value.startsWith('{%')) {
    const end = value.length >= 4 && value.endsWith('%}') ? value.length - 2 : value.length;
    hit = index >= 2 && index <= end ? jsonataHover(site, index) : undefined;
  } else if (isPathSite(site)) {
    hit = pathOrIntrinsicHover(site, index);
  }
  // A token that starts after a line break the cursor sits just behind is not under the cursor.
  return hit && hit.start <= offset && offset <= hit.end ? hit : undefined;
}
