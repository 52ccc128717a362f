/**
 * Snippet bodies for a whole state of each type (in a States object) and for Retry/Catch blocks,
 * rendered as JSON or YAML at the cursor's indentation, per query language.
 * Depends on: asl/ types, ./cursorContext only.
 */
import type { QueryLanguage, StateType } from '../../asl';
import type { CursorContext } from './cursorContext';

/** A template value: a string is a snippet string value; `{ raw }` is inserted as is (numbers, booleans). */
type Template = string | { raw: string } | Template[] | { [key: string]: Template };

function isRaw(t: Template): t is { raw: string } {
  return (
    typeof t === 'object' &&
    !Array.isArray(t) &&
    typeof (t as { raw?: unknown }).raw === 'string' &&
    Object.keys(t).length === 1
  );
}

function renderJson(t: Template, indent: string): string {
  if (typeof t === 'string') return `"${t}"`;
  if (isRaw(t)) return t.raw;
  const inner = `${indent}  `;
  if (Array.isArray(t)) return `[\n${t.map((v) => inner + renderJson(v, inner)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(t);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}"${k}": ${renderJson(v, inner)}`).join(',\n')}\n${indent}}`;
}

function renderYamlEntries(t: { [key: string]: Template }, indent: string, first: string): string {
  return Object.entries(t)
    .map(([k, v], i) => `${i === 0 ? first : indent}${k}:${renderYamlValue(v, indent)}`)
    .join('\n');
}

function renderYamlValue(t: Template, indent: string): string {
  if (typeof t === 'string') return ` ${/^[{"'[*&!|>%@`]|: | #/.test(t) ? `"${t}"` : t}`;
  if (isRaw(t)) return ` ${t.raw}`;
  const inner = `${indent}  `;
  if (Array.isArray(t)) {
    return t
      .map((v) => {
        if (typeof v === 'object' && !Array.isArray(v) && !isRaw(v)) {
          return `\n${indent}  ${renderYamlEntries(v, `${inner}  `, '- ')}`;
        }
        return `\n${inner}-${renderYamlValue(v, inner)}`;
      })
      .join('');
  }
  if (Object.keys(t).length === 0) return ' {}';
  return `\n${renderYamlEntries(t, inner, inner)}`;
}

function lineIndent(ctx: CursorContext, text: string): string {
  let start = ctx.replaceStart;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  const m = /^[ \t]*/.exec(text.slice(start, ctx.replaceStart));
  return m ? m[0] : '';
}

/** Renders `{ key: body }` (JSON: `"key": {...}`; YAML: `key:\n  ...`) at the cursor. */
function renderProperty(key: string, body: Template, ctx: CursorContext, text: string): string {
  if (ctx.format === 'json') {
    const indent = ctx.node ? lineIndent(ctx, text) : lineIndent(ctx, text);
    return `"${key}": ${renderJson(body, indent)}`;
  }
  return `${key}:${renderYamlValue(body, ' '.repeat(ctx.indent))}`;
}

function stateBody(type: StateType, language: QueryLanguage): { [key: string]: Template } {
  const jsonata = language === 'JSONata';
  const end = { End: { raw: '${9:true}' } };
  switch (type) {
    case 'Task':
      return jsonata
        ? {
            Type: 'Task',
            Resource: '${2:arn:aws:states:::lambda:invoke}',
            Arguments: { FunctionName: '${3:function}', Payload: '{% \\$states.input %}' },
            ...end,
          }
        : {
            Type: 'Task',
            Resource: '${2:arn:aws:states:::lambda:invoke}',
            Parameters: { FunctionName: '${3:function}', 'Payload.$': '\\$' },
            ...end,
          };
    case 'Pass':
      return { Type: 'Pass', ...end };
    case 'Choice':
      return {
        Type: 'Choice',
        Choices: [
          jsonata
            ? { Condition: '{% ${2:\\$states.input.value = 1} %}', Next: '${3:Next}' }
            : { Variable: '${2:\\$.value}', NumericEquals: { raw: '${3:1}' }, Next: '${4:Next}' },
        ],
        Default: '${5:Default}',
      };
    case 'Wait':
      return { Type: 'Wait', Seconds: { raw: '${2:5}' }, ...end };
    case 'Succeed':
      return { Type: 'Succeed' };
    case 'Fail':
      return { Type: 'Fail', Error: '${2:ErrorName}', Cause: '${3:What went wrong}' };
    case 'Parallel':
      return {
        Type: 'Parallel',
        Branches: [
          { StartAt: '${2:Branch}', States: { '${2:Branch}': { Type: 'Pass', End: { raw: 'true' } } } },
        ],
        ...end,
      };
    case 'Map':
      return {
        Type: 'Map',
        ...(jsonata ? { Items: '{% ${2:\\$states.input.items} %}' } : { ItemsPath: '${2:\\$.items}' }),
        ItemProcessor: {
          ProcessorConfig: { Mode: 'INLINE' },
          StartAt: '${3:Process}',
          States: { '${3:Process}': { Type: 'Pass', End: { raw: 'true' } } },
        },
        ...end,
      };
  }
}

/** A whole state of `type` named by the first tab stop. */
export function stateSnippet(
  type: StateType,
  ctx: CursorContext,
  language: QueryLanguage,
  text = '',
): string {
  return renderProperty(`\${1:${type}State}`, stateBody(type, language), ctx, text);
}

/** `Retry` with one Retrier. */
export function retrySnippet(ctx: CursorContext, text = ''): string {
  return renderProperty(
    'Retry',
    [
      {
        ErrorEquals: ['${1:States.ALL}'],
        IntervalSeconds: { raw: '${2:1}' },
        MaxAttempts: { raw: '${3:3}' },
        BackoffRate: { raw: '${4:2}' },
      },
    ],
    ctx,
    text,
  );
}

/** `Catch` with one Catcher. */
export function catchSnippet(ctx: CursorContext, language: QueryLanguage, text = ''): string {
  const catcher: { [key: string]: Template } = { ErrorEquals: ['${1:States.ALL}'], Next: '${2:HandleError}' };
  if (language === 'JSONPath') catcher.ResultPath = '${3:\\$.error}';
  return renderProperty('Catch', [catcher], ctx, text);
}
