/**
 * `asl test SPEC...`: runs workflow test cases (definition + input + mocks or a MockConfigFile test case +
 * expected status/output/error/cause/variables) on the local runtime and reports like a test runner, with
 * `--reporter junit` for CI. The spec format is documented in README.md ("Testing workflows").
 * Node-level: reads files, writes stdout.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createNodeRuntimeHost } from '../node/nodeRuntimeHost';
import { createExecution, type MockedResponse, type MockTestCase } from '../runtime';
import { loadDefinition, loadMocks, parseJsonText } from './runCommand';

const USAGE = `Usage: asl test SPEC... [--reporter text|junit]

Runs the test cases of each spec file (see README.md, "Testing workflows").
Exit codes: 0 all passed, 1 a test failed, 2 usage or spec errors.`;

interface TestCaseSpec {
  name?: string;
  input?: unknown;
  inputFile?: string;
  mocks?: Record<string, MockedResponse[] | Record<string, MockedResponse>>;
  mockConfig?: string;
  testCase?: string;
  stateMachine?: string;
  type?: 'STANDARD' | 'EXPRESS';
  expect?: {
    status?: string;
    output?: unknown;
    error?: string;
    cause?: string;
    variables?: Record<string, unknown>;
  };
}

interface SpecFile {
  definition?: string;
  tests?: TestCaseSpec[];
}

export interface TestOutcome {
  spec: string;
  name: string;
  failures: string[];
}

function toMocks(mocks: TestCaseSpec['mocks']): MockTestCase | undefined {
  if (!mocks) return undefined;
  const out: MockTestCase = {};
  for (const [state, responses] of Object.entries(mocks)) {
    out[state] = Array.isArray(responses)
      ? Object.fromEntries(responses.map((r, i) => [String(i), r]))
      : responses;
  }
  return out;
}

/** Runs every test of one spec file. Throws Error with a readable message for spec problems. */
export async function runSpec(specFile: string): Promise<TestOutcome[]> {
  let text: string;
  try {
    text = fs.readFileSync(specFile, 'utf8');
  } catch (e) {
    throw new Error(`cannot read spec '${specFile}': ${(e as NodeJS.ErrnoException).code ?? String(e)}`, {
      cause: e,
    });
  }
  const spec = parseJsonText(text, specFile) as SpecFile;
  const dir = path.dirname(path.resolve(specFile));
  if (typeof spec.definition !== 'string') {
    throw new Error(`${specFile}: "definition" (path to the state machine) is required`);
  }
  if (!Array.isArray(spec.tests) || spec.tests.length === 0) {
    throw new Error(`${specFile}: "tests" must be a non-empty array`);
  }
  const defFile = path.resolve(dir, spec.definition);
  const loaded = loadDefinition(defFile);
  if ('errors' in loaded) {
    throw new Error(`${specFile}: the definition has errors:\n${loaded.errors.join('\n')}`);
  }
  const outcomes: TestOutcome[] = [];
  for (const [index, test] of spec.tests.entries()) {
    const name = test.name ?? `test ${index + 1}`;
    let input: unknown = test.input ?? {};
    if (test.inputFile !== undefined) {
      input = parseJsonText(fs.readFileSync(path.resolve(dir, test.inputFile), 'utf8'), test.inputFile);
    }
    let mocks = toMocks(test.mocks);
    if (test.mockConfig !== undefined) {
      if (test.testCase === undefined) {
        throw new Error(`${specFile}: test '${name}' has mockConfig but no testCase`);
      }
      mocks = {
        ...loadMocks(defFile, path.resolve(dir, test.mockConfig), test.testCase, test.stateMachine),
        ...mocks,
      };
    }
    const execution = createExecution({
      definition: loaded.definition,
      input,
      host: createNodeRuntimeHost({ baseDir: dir }),
      type: test.type,
      mocks,
    });
    const variables: Record<string, unknown> = {};
    execution.onEvent((event) => {
      if (event.kind === 'stateExited' && event.location.length === 1 && event.inspection.assigned) {
        Object.assign(variables, event.inspection.assigned);
      }
    });
    const result = await execution.start();
    const expect = test.expect ?? { status: 'SUCCEEDED' };
    const failures: string[] = [];
    const want = (field: string, expected: unknown, actual: unknown) => {
      if (expected !== undefined && !isDeepStrictEqual(expected, actual)) {
        failures.push(`${field}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
      }
    };
    want('status', expect.status ?? 'SUCCEEDED', result.status);
    want('output', expect.output, result.output);
    want('error', expect.error, result.error);
    want('cause', expect.cause, result.cause);
    if (expect.variables) {
      for (const [k, v] of Object.entries(expect.variables)) want(`variable $${k}`, v, variables[k]);
    }
    if (result.status !== 'SUCCEEDED' && expect.status === undefined && result.error) {
      failures.push(`execution ${result.status}: ${result.error}${result.cause ? ` (${result.cause})` : ''}`);
    }
    outcomes.push({ spec: specFile, name, failures: [...new Set(failures)] });
  }
  return outcomes;
}

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JUnit XML for CI. */
export function junitReport(outcomes: TestOutcome[], errors: string[]): string {
  const failed = outcomes.filter((o) => o.failures.length > 0).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="asl test" tests="${outcomes.length}" failures="${failed}" errors="${errors.length}">`,
  ];
  const specs = [...new Set(outcomes.map((o) => o.spec))];
  for (const spec of specs) {
    const cases = outcomes.filter((o) => o.spec === spec);
    lines.push(
      `  <testsuite name="${xml(spec)}" tests="${cases.length}" failures="${cases.filter((c) => c.failures.length).length}">`,
    );
    for (const c of cases) {
      if (c.failures.length === 0) {
        lines.push(`    <testcase classname="${xml(spec)}" name="${xml(c.name)}"/>`);
      } else {
        lines.push(`    <testcase classname="${xml(spec)}" name="${xml(c.name)}">`);
        lines.push(`      <failure message="${xml(c.failures[0])}">${xml(c.failures.join('\n'))}</failure>`);
        lines.push('    </testcase>');
      }
    }
    lines.push('  </testsuite>');
  }
  for (const e of errors) {
    lines.push(
      `  <testsuite name="spec error" tests="1" errors="1"><testcase name="load"><error message="${xml(e)}"/></testcase></testsuite>`,
    );
  }
  lines.push('</testsuites>');
  return lines.join('\n');
}

export async function main(args: string[]): Promise<number> {
  let reporter = 'text';
  const specs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (a === '--reporter') {
      reporter = args[++i] ?? '';
      if (reporter !== 'text' && reporter !== 'junit') {
        process.stderr.write(`asl test: --reporter must be text or junit\n\n${USAGE}\n`);
        return 2;
      }
    } else if (a.startsWith('-')) {
      process.stderr.write(`asl test: unknown option '${a}'\n\n${USAGE}\n`);
      return 2;
    } else specs.push(a);
  }
  if (specs.length === 0) {
    process.stderr.write(`asl test: no SPEC given\n\n${USAGE}\n`);
    return 2;
  }
  const outcomes: TestOutcome[] = [];
  const errors: string[] = [];
  for (const spec of specs) {
    try {
      outcomes.push(...(await runSpec(spec)));
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e));
    }
  }
  const failed = outcomes.filter((o) => o.failures.length > 0);
  if (reporter === 'junit') process.stdout.write(`${junitReport(outcomes, errors)}\n`);
  else {
    for (const o of outcomes) {
      process.stdout.write(`${o.failures.length ? 'FAIL' : 'ok  '} ${o.spec} > ${o.name}\n`);
      for (const f of o.failures) process.stdout.write(`       ${f}\n`);
    }
    for (const e of errors) process.stdout.write(`ERROR ${e}\n`);
    process.stdout.write(
      `\n${outcomes.length - failed.length} passed, ${failed.length} failed${errors.length ? `, ${errors.length} spec errors` : ''}\n`,
    );
  }
  if (errors.length > 0) return 2;
  return failed.length > 0 ? 1 : 0;
}
