/**
 * Step Functions Local MockConfigFile support: picks the test case (state machine entry + test case name)
 * and resolves its state -> MockedResponses references into a MockTestCase. Pure: the caller reads the file.
 */
import type { MockConfigFile, MockTestCase } from './executionApi';

export type MockResolution =
  { ok: true; mocks: MockTestCase; stateMachine: string } | { ok: false; message: string };

/**
 * Resolves `testCase` of the state machine entry named `stateMachine` (or, when undefined, the entry named
 * `fileStem`, else the only entry).
 */
export function resolveMockTestCase(
  config: MockConfigFile,
  testCase: string,
  stateMachine?: string,
  fileStem?: string,
): MockResolution {
  const machines = config.StateMachines ?? {};
  const names = Object.keys(machines);
  let name = stateMachine;
  if (name === undefined) {
    if (fileStem !== undefined && fileStem in machines) name = fileStem;
    else if (names.length === 1) name = names[0];
  }
  if (name === undefined) {
    return {
      ok: false,
      message: `the mock config has several state machines (${names.join(', ')}); choose one with --state-machine`,
    };
  }
  const machine = machines[name];
  if (!machine) {
    return {
      ok: false,
      message: `the mock config has no state machine '${name}' (has: ${names.join(', ') || 'none'})`,
    };
  }
  const cases = machine.TestCases ?? {};
  const selected = cases[testCase];
  if (!selected) {
    return {
      ok: false,
      message: `state machine '${name}' has no test case '${testCase}' (has: ${Object.keys(cases).join(', ') || 'none'})`,
    };
  }
  const mocks: MockTestCase = {};
  for (const [stateName, responseName] of Object.entries(selected)) {
    const responses = config.MockedResponses?.[responseName];
    if (!responses) {
      return {
        ok: false,
        message: `test case '${testCase}' maps state '${stateName}' to '${responseName}', which is not in MockedResponses`,
      };
    }
    mocks[stateName] = responses;
  }
  return { ok: true, mocks, stateMachine: name };
}
