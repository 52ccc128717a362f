// runSafe: results pass through, exceptions become a logged fallback, cancellation becomes RequestCancelled.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { runSafe, runSafeAsync } from '../../server/src/lsp/runSafe';

function logger() {
  const errors: string[] = [];
  return { errors, error: (message: string) => errors.push(message) };
}

test('returns the result of the function', async () => {
  const log = logger();
  const source = new CancellationTokenSource();
  assert.equal(await runSafe(log, () => 42, 0, 'failed', source.token), 42);
  assert.equal(await runSafeAsync(log, () => Promise.resolve('ok'), '', 'failed', source.token), 'ok');
  assert.deepEqual(log.errors, []);
});

test('an exception is logged and answered with the fallback', async () => {
  const log = logger();
  const source = new CancellationTokenSource();
  const result = await runSafe(
    log,
    (): number[] => {
      throw new Error('boom');
    },
    [],
    'Hover failed',
    source.token,
  );
  assert.deepEqual(result, []);
  assert.equal(log.errors.length, 1);
  assert.match(log.errors[0], /^Hover failed: boom/);
  const asyncResult = await runSafeAsync(
    log,
    () => Promise.reject(new Error('late')),
    null,
    'X',
    source.token,
  );
  assert.equal(asyncResult, null);
  assert.match(log.errors[1], /^X: late/);
});

test('a request cancelled before it runs is answered with RequestCancelled', async () => {
  const log = logger();
  const source = new CancellationTokenSource();
  let ran = false;
  const pending = runSafe(
    log,
    () => {
      ran = true;
      return 1;
    },
    0,
    'failed',
    source.token,
  );
  source.cancel();
  const result = await pending;
  assert.ok(result instanceof ResponseError);
  assert.equal(result.code, LSPErrorCodes.RequestCancelled);
  assert.equal(ran, false);
});
