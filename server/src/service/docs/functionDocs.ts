/**
 * Documentation of intrinsic functions (`States.Format`, ...) and JSONata functions (`$sum`, AWS's
 * `$partition` ...), rendered from the catalogues in asl/intrinsics (INTRINSIC_FUNCTIONS) and asl/jsonata
 * (JSONATA_FUNCTIONS): nothing about the functions is restated here. Depends on asl/ and ./docEntry.
 */
import { INTRINSIC_FUNCTIONS, JSONATA_FUNCTIONS, type IntrinsicParam } from '../../asl';
import { type DocEntry, paragraphs } from './docEntry';

function paramLabel(p: IntrinsicParam): string {
  return p.rest ? `...${p.name}` : p.name;
}

/** `States.Format(template, ...values)` as a one-line signature. */
export function intrinsicSignatureLabel(name: string): string | undefined {
  const fn = INTRINSIC_FUNCTIONS.get(name);
  if (!fn) return undefined;
  const params = fn.params.map((p, i) => (i >= fn.minArgs && !p.rest ? `${paramLabel(p)}?` : paramLabel(p)));
  return `${fn.name}(${params.join(', ')}): ${fn.returns}`;
}

/** Documentation of an intrinsic function by full name; undefined for unknown names. */
export function intrinsicFunctionDoc(name: string): DocEntry | undefined {
  const fn = INTRINSIC_FUNCTIONS.get(name);
  if (!fn) return undefined;
  const params = fn.params.map(
    (p) =>
      `- \`${paramLabel(p)}\` (${p.kinds.join(' | ')}): ${p.description}` +
      (p.oneOf ? ` One of ${p.oneOf.map((v) => `\`${v}\``).join(', ')}.` : ''),
  );
  return {
    summary: fn.description.split('\n')[0],
    markdown: paragraphs(
      '```\n' + intrinsicSignatureLabel(name) + '\n```',
      `Intrinsic function · JSONPath only (in \`.$\` fields, Assign, ErrorPath/CausePath)`,
      fn.description,
      params.length ? params.join('\n') : undefined,
      `Example: \`"value.$": "${fn.example.replace(/"/g, '\\"')}"\``,
      'A failure at run time raises `States.IntrinsicFailure`.',
    ),
  };
}

/** Documentation of a JSONata function by name with its `$` (`$sum`); undefined for unknown names. */
export function jsonataFunctionDoc(name: string): DocEntry | undefined {
  const fn = JSONATA_FUNCTIONS.get(name);
  if (!fn) return undefined;
  return {
    summary: fn.description,
    markdown: paragraphs(
      '```\n' + fn.signature + '\n```',
      fn.aws ? 'JSONata function · added by AWS Step Functions' : 'JSONata function (standard library 2.0.6)',
      fn.description,
    ),
  };
}
