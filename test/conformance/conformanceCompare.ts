/**
 * Comparison rules for the LocalStack-derived conformance corpus: `<...>` placeholders and maskedValues
 * match anything, JSON causes compare as JSON, Parallel-sorted event types compare as a multiset, TestState
 * inspectionData payload fields (JSON text in AWS's answer) compare as JSON.
 * Test helper (not a test file); depends on nothing but the standard library.
 */

/** Whether `actual` matches `expected` with the corpus's wildcards. */
export function matchesValue(expected: unknown, actual: unknown, masks: ReadonlySet<string>): boolean {
  if (typeof expected === 'string') {
    if (masks.has(expected)) return true;
    if (typeof actual !== 'string') return false;
    if (!expected.includes('<')) return expected === actual;
    const pattern = expected
      .split(/<[^<>]*>/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s\\S]*');
    return new RegExp(`^${pattern}$`).test(actual);
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, i) => matchesValue(item, actual[i], masks))
    );
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const keys = Object.keys(e);
    if (keys.length !== Object.keys(a).length) return false;
    return keys.every((k) => k in a && matchesValue(e[k], a[k], masks));
  }
  if (typeof expected === 'number' && typeof actual === 'number') return expected === actual;
  return expected === actual;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Error/cause comparison: null expected means absent; JSON texts compare as JSON. */
export function matchesText(
  expected: string | null | undefined,
  actual: string | undefined,
  masks: ReadonlySet<string>,
): boolean {
  if (expected === null || expected === undefined) return actual === undefined || actual === '';
  if (actual === undefined) return expected === '';
  if (matchesValue(expected, actual, masks)) return true;
  const e = tryJson(expected);
  const a = tryJson(actual);
  return e !== undefined && a !== undefined && typeof e === 'object' && matchesValue(e, a, masks);
}

/** Event-type sequences; `sorted` compares as a multiset (LocalStack re-sorted Parallel blocks). */
export function matchesEventTypes(expected: string[], actual: string[], sorted: boolean): boolean {
  if (expected.length !== actual.length) return false;
  if (!sorted) return expected.every((t, i) => t === actual[i]);
  const a = [...actual].sort();
  return [...expected].sort().every((t, i) => t === a[i]);
}

/** TestState inspectionData fields that are numbers or structures in AWS's answer (the rest are JSON text). */
const structuredInspectionFields = new Set([
  'errorDetails',
  'maxConcurrency',
  'toleratedFailureCount',
  'toleratedFailurePercentage',
]);

/**
 * TestState inspectionData: AWS answers the payload fields (input, afterInputPath, result, ...) as JSON text; the
 * snapshot library parsed the texts starting with `{` into objects and kept the others as strings (with the
 * request's own spacing). So the actual text is parsed and compared as JSON with the expected value (parsed too
 * when it is still text); the key sets must be equal.
 */
export function matchesInspectionData(
  expected: unknown,
  actual: unknown,
  masks: ReadonlySet<string>,
): boolean {
  if (expected === null || typeof expected !== 'object' || Array.isArray(expected)) {
    return matchesValue(expected, actual, masks);
  }
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
  const e = expected as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  const keys = Object.keys(e);
  if (keys.length !== Object.keys(a).length) return false;
  return keys.every((k) => {
    if (!(k in a)) return false;
    if (structuredInspectionFields.has(k)) return matchesValue(e[k], a[k], masks);
    if (typeof a[k] !== 'string') return false;
    const actualValue = tryJson(a[k] as string);
    if (actualValue === undefined) return false;
    let expectedValue = e[k];
    if (typeof expectedValue === 'string' && !masks.has(expectedValue)) {
      const parsed = tryJson(expectedValue);
      if (parsed === undefined) return false;
      expectedValue = parsed;
    }
    return matchesValue(expectedValue, actualValue, masks);
  });
}

/**
 * GetExecutionHistory request parameters of an api/ case. The corpus records the request only in the
 * LocalStack snapshot key (pytest parametrisation `name[Value]`), so the rule is generic on that key:
 * `reverseOrder[True]` in an api snapshot key means the history was requested reversed. Other categories
 * (and api keys without the parameter) request the default, oldest-first history.
 */
export function historyRequestOf(
  category: string,
  snapshotKey: string | undefined,
): { reverseOrder: boolean } {
  if (category !== 'api' || snapshotKey === undefined) return { reverseOrder: false };
  return { reverseOrder: /(^|_)reverseOrder\[True\]/.test(snapshotKey) };
}
