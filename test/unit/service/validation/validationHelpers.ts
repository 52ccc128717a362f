/**
 * Test helpers for the validator: validate an inline document and find a diagnostic by code, with its
 * expected range given as the exact text it must cover. Not a test file itself.
 */
import * as assert from 'node:assert/strict';
import { parseStateMachine } from '../../../../server/src/asl';
import {
  type AslServiceSettings,
  type Diagnostic,
  defaultServiceSettings,
} from '../../../../server/src/service/types';
import { validateStateMachine } from '../../../../server/src/service/validation/validateStateMachine';

export function validate(text: string, settings: Partial<AslServiceSettings> = {}): Diagnostic[] {
  return validateStateMachine(parseStateMachine(text), { ...defaultServiceSettings, ...settings });
}

export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

export function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

/** The 0-based line/character range of the `nth` occurrence of `needle` in `text`. */
export function rangeOfText(text: string, needle: string, nth = 0) {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `"${needle}" (occurrence ${nth}) not found in the test document`);
  }
  const position = (at: number) => {
    const before = text.slice(0, at).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  return { start: position(offset), end: position(offset + needle.length) };
}

/** Asserts that a diagnostic with `code` covers exactly the `nth` occurrence of `at`, and returns it. */
export function expectDiagnostic(
  text: string,
  diagnostics: Diagnostic[],
  code: string,
  at: string,
  nth = 0,
): Diagnostic {
  const range = rangeOfText(text, at, nth);
  const found = diagnostics.find((d) => d.code === code && JSON.stringify(d.range) === JSON.stringify(range));
  assert.ok(
    found,
    `expected ${code} at ${JSON.stringify(at)} ${JSON.stringify(range)}; got:\n` +
      diagnostics.map((d) => `  ${String(d.code)} ${JSON.stringify(d.range)} ${messageOf(d)}`).join('\n'),
  );
  assert.equal(found.source, 'asl');
  assert.ok(messageOf(found).length > 10, 'the message says what is wrong');
  return found;
}

/** Asserts that no diagnostic has one of `codes` (or, without codes, that there is no error at all). */
export function expectNone(diagnostics: Diagnostic[], ...unwanted: string[]): void {
  const bad = diagnostics.filter((d) =>
    unwanted.length ? unwanted.includes(String(d.code)) : d.severity === 1,
  );
  assert.deepEqual(
    bad.map((d) => `${String(d.code)}: ${messageOf(d)}`),
    [],
  );
}

/** A machine with the given states under the root (JSON text of the `States` object's members). */
export function machine(states: Record<string, unknown>, top: Record<string, unknown> = {}): string {
  const startAt = Object.keys(states)[0];
  return JSON.stringify({ ...top, StartAt: startAt, States: states }, null, 2);
}
