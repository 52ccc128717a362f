/**
 * The local runtime's public surface: create an execution, the API types, mock-config helpers and the
 * TestState-style single-state evaluation. Transport-free; the host supplies time, randomness and files.
 */
export * from './executionApi';
export { createExecution } from './stateMachineExecution';
export { resolveMockTestCase } from './mockConfig';
export { classifyResource, pickMockedResponse } from './taskRunner';
