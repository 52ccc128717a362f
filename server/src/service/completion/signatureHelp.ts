/**
 * Signature help for intrinsic calls (`States.Format(` in JSONPath `.$` values and path fields) and
 * JSONata function calls inside `{% %}`: the open call at the cursor and its active parameter.
 * Depends on: asl/ (call scanners, catalogues), ./cursorContext, ./expressionCompletion.
 */
import {
  INTRINSIC_FUNCTIONS,
  JSONATA_FUNCTIONS,
  intrinsicCallAt,
  jsonataCallAt,
  type IntrinsicSignature,
  type JsonataFunctionInfo,
  type StateMachineModel,
} from '../../asl';
import { MarkupKind, type SignatureHelp } from './completionTypes';
import { cursorContext } from './cursorContext';
import { stringRole } from './expressionCompletion';

type ParameterInfo = { label: [number, number]; documentation?: { kind: 'markdown'; value: string } };

function intrinsicHelp(sig: IntrinsicSignature, argIndex: number): SignatureHelp {
  let label = `${sig.name}(`;
  const parameters: ParameterInfo[] = [];
  sig.params.forEach((p, i) => {
    if (i > 0) label += ', ';
    const text = `${p.name}${p.rest ? '...' : ''}`;
    parameters.push({
      label: [label.length, label.length + text.length],
      documentation: { kind: MarkupKind.Markdown, value: `${p.description} (${p.kinds.join(' | ')})` },
    });
    label += text;
  });
  label += `): ${sig.returns}`;
  const last = sig.params.length - 1;
  const active = sig.params.length === 0 ? 0 : Math.min(argIndex, last);
  return {
    signatures: [
      {
        label,
        documentation: {
          kind: MarkupKind.Markdown,
          value: `${sig.description}\n\nExample: \`${sig.example}\``,
        },
        parameters,
        activeParameter: active,
      },
    ],
    activeSignature: 0,
    activeParameter: active,
  };
}

function jsonataHelp(fn: JsonataFunctionInfo, argIndex: number): SignatureHelp {
  const label = fn.signature;
  const open = label.indexOf('(');
  const parameters: ParameterInfo[] = [];
  const names = /[A-Za-z_][A-Za-z0-9_]*|\.\.\./g;
  names.lastIndex = open + 1;
  for (let m = names.exec(label); m; m = names.exec(label)) {
    if (m[0] === '...') {
      const prev = parameters[parameters.length - 1];
      if (prev) prev.label = [prev.label[0], m.index + 3];
      continue;
    }
    parameters.push({ label: [m.index, m.index + m[0].length] });
  }
  const active = parameters.length === 0 ? 0 : Math.min(argIndex, parameters.length - 1);
  return {
    signatures: [
      {
        label,
        documentation: {
          kind: MarkupKind.Markdown,
          value: `${fn.description}${fn.aws ? '\n\nAdded by AWS Step Functions.' : ''}`,
        },
        parameters,
        activeParameter: active,
      },
    ],
    activeSignature: 0,
    activeParameter: active,
  };
}

/** Signature help at `offset`, or undefined when the cursor is not in a known function call. */
export function getSignatureHelp(model: StateMachineModel, offset: number): SignatureHelp | undefined {
  const ctx = cursorContext(model, offset);
  if (!ctx || ctx.kind !== 'value' || !ctx.inString) return undefined;
  const role = stringRole(model, ctx);
  if (role === 'jsonata') {
    const open = ctx.prefix.indexOf('{%');
    const expression = ctx.prefix.slice(open + 2);
    const call = jsonataCallAt(expression, expression.length);
    const fn = call && JSONATA_FUNCTIONS.get(call.name);
    return fn && call ? jsonataHelp(fn, call.argIndex) : undefined;
  }
  if (role === 'pathOrIntrinsic') {
    const call = intrinsicCallAt(ctx.prefix, ctx.prefix.length);
    const sig = call && INTRINSIC_FUNCTIONS.get(call.name);
    return sig && call ? intrinsicHelp(sig, call.argIndex) : undefined;
  }
  return undefined;
}
