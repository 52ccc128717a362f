import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { evaluateExpression, interpolate, isTruthy } from '../../server/src/debug/debugEvaluator';

const scope = {
  input: {
    order: {
      id: 'o-1',
      items: [
        { sku: 'a', qty: 2 },
        { sku: 'b', qty: 1 },
      ],
    },
    total: 30,
  },
  context: { Execution: { Id: 'arn:exec:1', Name: 'run-1' }, State: { Name: 'Charge card' } },
  variables: { limit: 25, customer: { tier: 'gold' } },
  queryLanguage: 'JSONPath' as const,
};

test('JSONPath reads input, context and variables', async () => {
  assert.equal(await evaluateExpression('$.order.id', scope), 'o-1');
  assert.deepEqual(await evaluateExpression('$.order.items[*].sku', scope), ['a', 'b']);
  assert.equal(await evaluateExpression('$$.Execution.Name', scope), 'run-1');
  assert.equal(await evaluateExpression('$customer.tier', scope), 'gold');
  await assert.rejects(evaluateExpression('$.missing.field', scope), /missing/);
});

test('intrinsic calls evaluate against the paused state', async () => {
  assert.equal(
    await evaluateExpression("States.Format('order {} of {}', $.order.id, $.total)", scope),
    'order o-1 of 30',
  );
  assert.equal(await evaluateExpression('States.ArrayLength($.order.items)', scope), 2);
  await assert.rejects(evaluateExpression('States.Nope(1)', scope), /Intrinsic|IntrinsicFailure/);
});

test('JSONata sees $states.input, $states.context and variables', async () => {
  assert.equal(await evaluateExpression('{% $states.input.total > $limit %}', scope), true);
  assert.equal(await evaluateExpression('$sum($states.input.order.items.qty)', scope), 3);
  assert.equal(await evaluateExpression('$states.context.State.Name', scope), 'Charge card');
  assert.equal(await evaluateExpression('$customer.tier', { ...scope, queryLanguage: 'JSONata' }), 'gold');
  await assert.rejects(evaluateExpression('{% $states.input.( %}', scope), /JSONata/);
});

test('logpoint interpolation and condition truthiness', async () => {
  assert.equal(
    await interpolate('order {$.order.id} has {$count($states.input.order.items)} items, {$.nope}', scope),
    'order o-1 has 2 items, <' +
      (await evaluateExpression('$.nope', scope).catch((e: Error) => e.message)) +
      '>',
  );
  assert.equal(isTruthy(0), false);
  assert.equal(isTruthy([]), false);
  assert.equal(isTruthy({}), false);
  assert.equal(isTruthy('x'), true);
  assert.equal(isTruthy([0, 1]), true);
});
