/**
 * `npm run conformance`: runs every execution case (and every TestState case) of the LocalStack-derived
 * corpus recorded against real AWS through the local runtime, prints a pass table per category and
 * `conformance: N passed, M failed`, and writes failures with reasons to reports/conformance.json.
 * A script, not a *.test.ts file; reads ../shared at run time, never copies it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createExecution,
  type MockTestCase,
  type MockedResponse,
  type RuntimeHost,
  type TestStateOptions,
} from '../../server/src/runtime';
import { testState } from '../../server/src/runtime/testState';
import { conformanceDir, repoRoot } from '../support/paths';
import {
  historyRequestOf,
  matchesEventTypes,
  matchesInspectionData,
  matchesText,
  matchesValue,
} from './conformanceCompare';

interface CaseFile {
  source?: { snapshotKey?: string };
  stateMachineType?: 'STANDARD' | 'EXPRESS';
  definition: unknown;
  input: unknown;
  expected: {
    status: string;
    output: unknown;
    error: string | null;
    cause: string | null;
    eventTypes?: string[];
    eventTypesParallelSorted?: boolean;
    maskedValues?: string[];
    outputUnknown?: boolean;
  };
  mocks?: Record<
    string,
    Array<{ Return?: unknown; Throw?: { Error?: string | null; Cause?: string | null } }>
  >;
}

interface TestStateCase {
  request: Record<string, unknown>;
  expected: Record<string, unknown>;
}

/** A deterministic host: fixed clock, seeded randomness, counting UUIDs; unanswered tasks fail. */
export function conformanceHost(): RuntimeHost {
  let seed = 42;
  let uuids = 0;
  return {
    now: () => Date.UTC(2024, 0, 1, 12, 0, 0),
    random: () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    },
    uuid: () => `00000000-0000-4000-8000-${(++uuids).toString(16).padStart(12, '0')}`,
  };
}

function toMocks(mocks: CaseFile['mocks']): MockTestCase | undefined {
  if (!mocks) return undefined;
  const out: MockTestCase = {};
  for (const [state, list] of Object.entries(mocks)) {
    out[state] = {};
    list.forEach((entry, i) => {
      const response: MockedResponse = entry.Throw
        ? { Throw: { Error: entry.Throw.Error ?? undefined, Cause: entry.Throw.Cause ?? undefined } }
        : { Return: entry.Return };
      out[state][String(i)] = response;
    });
  }
  return out;
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result after ${ms} ms (hung)`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

async function runExecutionCase(category: string, file: string): Promise<string | undefined> {
  const c = JSON.parse(fs.readFileSync(file, 'utf8')) as CaseFile;
  const execution = createExecution({
    definition: c.definition,
    input: c.input,
    host: conformanceHost(),
    type: c.stateMachineType ?? 'STANDARD',
    mocks: toMocks(c.mocks),
    stateMachineName: 'conformance',
    executionName: 'conformance-execution',
    accountId: '111111111111',
  });
  const result = await withDeadline(execution.start(), 10_000);
  const e = c.expected;
  const masks = new Set(e.maskedValues ?? []);
  const reasons: string[] = [];
  if (result.status !== e.status) reasons.push(`status ${result.status} (expected ${e.status})`);
  if (!matchesText(e.error, result.error, masks)) {
    reasons.push(`error ${JSON.stringify(result.error)} (expected ${JSON.stringify(e.error)})`);
  }
  if (!matchesText(e.cause, result.cause, masks)) {
    reasons.push(`cause ${JSON.stringify(result.cause)} (expected ${JSON.stringify(e.cause)})`);
  }
  if (e.status === 'SUCCEEDED' && !e.outputUnknown && !matchesValue(e.output, result.output, masks)) {
    reasons.push(
      `output ${JSON.stringify(result.output)?.slice(0, 400)} (expected ${JSON.stringify(e.output)?.slice(0, 400)})`,
    );
  }
  if (e.eventTypes) {
    // The history as the case requested it (api/ cases record GetExecutionHistory's reverseOrder in the key).
    const actual = execution.history(historyRequestOf(category, c.source?.snapshotKey)).map((h) => h.type);
    if (!matchesEventTypes(e.eventTypes, actual, e.eventTypesParallelSorted === true)) {
      reasons.push(`eventTypes ${actual.join(',')} (expected ${e.eventTypes.join(',')})`);
    }
  }
  return reasons.length ? reasons.join('; ') : undefined;
}

async function runTestStateCase(file: string): Promise<string | undefined> {
  const c = JSON.parse(fs.readFileSync(file, 'utf8')) as TestStateCase;
  const r = c.request;
  const result = await withDeadline(
    testState({
      definition: r.definition,
      input: r.input,
      variables: r.variables as Record<string, unknown> | undefined,
      mock: r.mock as { result?: string; errorOutput?: { error?: string; cause?: string } } | undefined,
      inspectionLevel: r.inspectionLevel as 'INFO' | 'DEBUG' | 'TRACE' | undefined,
      stateName: r.stateName as string | undefined,
      // The TestState request carries the context object as JSON text.
      context: typeof r.context === 'string' ? (JSON.parse(r.context) as Record<string, unknown>) : undefined,
      stateConfiguration: r.stateConfiguration as TestStateOptions['stateConfiguration'],
      accountId: '111111111111',
      host: conformanceHost(),
    }),
    10_000,
  );
  const e = c.expected;
  // TestState cases carry no maskedValues list: use every literal mask the execution cases declare.
  const masks = new Set<string>([...((e.maskedValues as string[] | undefined) ?? []), ...knownMasks]);
  const reasons: string[] = [];
  if (e.status !== result.status) reasons.push(`status ${result.status} (expected ${String(e.status)})`);
  if ('output' in e && !matchesValue(e.output, result.output, masks)) {
    reasons.push(`output ${JSON.stringify(result.output)} (expected ${JSON.stringify(e.output)})`);
  }
  if ('error' in e && !matchesText(e.error as string, result.error, masks)) {
    reasons.push(`error ${result.error} (expected ${String(e.error)})`);
  }
  if ('cause' in e && !matchesText(e.cause as string, result.cause, masks)) {
    reasons.push(`cause ${result.cause} (expected ${String(e.cause)})`);
  }
  if ('nextState' in e && e.nextState !== result.nextState) {
    reasons.push(`nextState ${result.nextState} (expected ${String(e.nextState)})`);
  }
  if ('inspectionData' in e && !matchesInspectionData(e.inspectionData, result.inspectionData, masks)) {
    reasons.push(
      `inspectionData ${JSON.stringify(result.inspectionData)} (expected ${JSON.stringify(e.inspectionData)})`,
    );
  }
  // AWS leaves out what does not apply (no output when FAILED, no inspectionData at INFO): so must we.
  for (const key of ['output', 'error', 'cause', 'nextState', 'inspectionData'] as const) {
    if (!(key in e) && result[key] !== undefined) {
      reasons.push(`${key} ${JSON.stringify(result[key])?.slice(0, 200)} (AWS gave none)`);
    }
  }
  return reasons.length ? reasons.join('; ') : undefined;
}

const knownMasks = new Set<string>();

function collectMasks(categories: string[]): void {
  for (const category of categories) {
    if (category === 'test_state_api') continue;
    const dir = path.join(conformanceDir, category);
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const c = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as CaseFile;
      for (const m of c.expected?.maskedValues ?? []) knownMasks.add(m);
    }
  }
}

async function main(): Promise<number> {
  const filter = process.argv[2];
  const categories = fs
    .readdirSync(conformanceDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  collectMasks(categories);
  const table: Array<{ category: string; passed: number; failed: number }> = [];
  const failures: Array<{ case: string; reason: string }> = [];
  for (const category of categories) {
    const dir = path.join(conformanceDir, category);
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    let passed = 0;
    let failed = 0;
    for (const name of files) {
      const rel = `${category}/${name}`;
      if (filter && !rel.includes(filter)) continue;
      let reason: string | undefined;
      try {
        reason =
          category === 'test_state_api'
            ? await runTestStateCase(path.join(dir, name))
            : await runExecutionCase(category, path.join(dir, name));
      } catch (e) {
        reason = `crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
      }
      if (reason === undefined) passed++;
      else {
        failed++;
        failures.push({ case: rel, reason });
      }
    }
    if (passed + failed > 0) table.push({ category, passed, failed });
  }
  const total = table.reduce(
    (acc, row) => ({ passed: acc.passed + row.passed, failed: acc.failed + row.failed }),
    { passed: 0, failed: 0 },
  );
  process.stdout.write(`${'category'.padEnd(22)}${'passed'.padStart(8)}${'failed'.padStart(8)}\n`);
  for (const row of table) {
    process.stdout.write(
      `${row.category.padEnd(22)}${String(row.passed).padStart(8)}${String(row.failed).padStart(8)}\n`,
    );
  }
  const reports = path.join(repoRoot, 'reports');
  fs.mkdirSync(reports, { recursive: true });
  fs.writeFileSync(path.join(reports, 'conformance.json'), JSON.stringify({ ...total, failures }, null, 2));
  process.stdout.write(`conformance: ${total.passed} passed, ${total.failed} failed\n`);
  return total.failed === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`conformance runner failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
