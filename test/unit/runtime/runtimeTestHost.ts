/**
 * Test helpers for the runtime: a deterministic host (fixed clock, counting UUIDs, seeded randomness) and a
 * one-call runner. Not a test file itself.
 */
import {
  createExecution,
  type ExecutionOptions,
  type ExecutionResult,
  type RuntimeHost,
} from '../../../server/src/runtime';

export const START = Date.UTC(2024, 0, 1, 0, 0, 0);

export function testHost(overrides: Partial<RuntimeHost> = {}): RuntimeHost {
  let n = 0;
  return {
    now: () => START,
    random: () => 0.5,
    uuid: () => `uuid-${++n}`,
    ...overrides,
  };
}

export function run(
  definition: unknown,
  input: unknown = {},
  options: Partial<ExecutionOptions> = {},
): Promise<ExecutionResult> {
  return createExecution({
    definition,
    input,
    host: testHost(options.host),
    ...options,
    ...(options.host ? {} : {}),
  }).start();
}

export function types(result: ExecutionResult): string[] {
  return result.history.map((e) => e.type);
}
