import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { dapFixture, lineOf, withDap } from './dapTestHarness';

const nested = dapFixture('nested.asl.json');
const nestedText = fs.readFileSync(nested, 'utf8');

test('initialize advertises what the adapter honours', { timeout: 30_000 }, async () => {
  await withDap(async (client) => {
    const response = await client.initializeRequest();
    const caps = response.body!;
    assert.equal(caps.supportsConfigurationDoneRequest, true);
    assert.equal(caps.supportsConditionalBreakpoints, true);
    assert.equal(caps.supportsHitConditionalBreakpoints, true);
    assert.equal(caps.supportsLogPoints, true);
    assert.equal(caps.supportsSetVariable, true);
    assert.equal(caps.supportsBreakpointLocationsRequest, true);
    assert.deepEqual(
      caps.exceptionBreakpointFilters!.map((f) => [f.filter, f.supportsCondition]),
      [
        ['caught', true],
        ['uncaught', true],
      ],
    );
  });
});

test(
  'a breakpoint anywhere inside a nested state is verified on the state name line',
  { timeout: 30_000 },
  async () => {
    await withDap(async (client) => {
      await client.initializeRequest();
      const doubleName = lineOf(nestedText, '"Double": {');
      const outputLine = lineOf(nestedText, '"Output": "{% $states.input * 2 %}"');
      const leftResult = lineOf(nestedText, '"Result": "left done"');
      const response = await client.setBreakpointsRequest({
        source: { path: nested },
        breakpoints: [{ line: outputLine }, { line: leftResult }, { line: 1 }],
      });
      const [inDouble, inLeft, outside] = response.body.breakpoints;
      assert.equal(inDouble.verified, true);
      assert.equal(inDouble.line, doubleName);
      assert.equal(inLeft.verified, true);
      assert.equal(inLeft.line, lineOf(nestedText, '"Left": {'));
      assert.equal(outside.verified, false);
      assert.match(outside.message ?? '', /No state on this line/);
    });
  },
);

test(
  'an unreadable hit count leaves the breakpoint unverified with a reason',
  { timeout: 30_000 },
  async () => {
    await withDap(async (client) => {
      await client.initializeRequest();
      const response = await client.setBreakpointsRequest({
        source: { path: nested },
        breakpoints: [{ line: lineOf(nestedText, '"Prepare": {'), hitCondition: 'every other' }],
      });
      assert.equal(response.body.breakpoints[0].verified, false);
      assert.match(response.body.breakpoints[0].message ?? '', /Hit count 'every other' is not understood/);
    });
  },
);

test('breakpointLocations offers the state name lines in a range', { timeout: 30_000 }, async () => {
  await withDap(async (client) => {
    await client.initializeRequest();
    const start = lineOf(nestedText, '"Prepare": {');
    const end = lineOf(nestedText, '"Fan out": {') + 1;
    const response = await client.customRequest('breakpointLocations', {
      source: { path: nested },
      line: start,
      endLine: end,
    });
    const lines = (response.body as { breakpoints: { line: number }[] }).breakpoints.map((b) => b.line);
    assert.deepEqual(lines, [start, end - 1]);
  });
});

test(
  'launching an invalid definition fails with the validator diagnostics, not a run',
  { timeout: 30_000 },
  async () => {
    await withDap(async (client) => {
      await client.initializeRequest();
      const output: string[] = [];
      client.on('output', (e: { body: { output: string } }) => output.push(e.body.output));
      await assert.rejects(
        client.launch({ program: dapFixture('broken.asl.json') }),
        /broken\.asl\.json is not a valid state machine: 4:\d+: error: "Type" must be one of/,
      );
      assert.ok(
        output.some((line) => line.includes('broken.asl.json:4:')),
        output.join(''),
      );
    });
  },
);

test('a missing program or bad input is a clear launch error', { timeout: 30_000 }, async () => {
  await withDap(async (client) => {
    await client.initializeRequest();
    await assert.rejects(
      client.launch({ program: dapFixture('nope.asl.json') }),
      /Cannot read program .*nope\.asl\.json: file not found/,
    );
    await assert.rejects(client.launch({ program: nested, input: '{"a":' }), /"input" is not valid JSON/);
    await assert.rejects(
      client.launch({ program: nested, mockConfig: 'missing.mocks.json', testCase: 'X' }),
      /Cannot read the mock configuration .*missing\.mocks\.json: file not found/,
    );
    await assert.rejects(client.launch({}), /needs "program"/);
  });
});
