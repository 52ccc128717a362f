/**
 * Hover over the protocol: the capability, markdown contents with a range on JSON and asl-yaml documents,
 * hover after an edit, null where there is nothing to say, and no error on a broken document.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { HoverRequest, type Hover, type MarkupContent, type Position } from 'vscode-languageserver-protocol';
import { LspTestClient } from './lspTestClient';

const JSON_TEXT = [
  '{',
  '  "StartAt": "Charge",',
  '  "States": {',
  '    "Charge": {',
  '      "Type": "Task",',
  '      "Resource": "arn:aws:states:::lambda:invoke",',
  '      "Parameters": { "id.$": "$$.Execution.Id", "msg.$": "States.Format(\'{}\', $.name)" },',
  '      "Retry": [{ "ErrorEquals": ["Lambda.TooManyRequestsException"] }],',
  '      "Next": "Done"',
  '    },',
  '    "Done": { "Type": "Succeed" }',
  '  }',
  '}',
].join('\n');

function at(text: string, needle: string, delta = 1): Position {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  const before = text.slice(0, offset + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

async function hover(client: LspTestClient, uri: string, position: Position): Promise<Hover | null> {
  return client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
}

function markdownOf(h: Hover | null): string {
  assert.ok(h, 'a hover');
  const contents = h.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

test('hover on a JSON document: fields, targets, errors, expressions', { timeout: 10_000 }, async () => {
  const client = await LspTestClient.start();
  try {
    assert.equal(client.initializeResult?.capabilities.hoverProvider, true);
    const uri = 'file:///hover.asl.json';
    await client.open(uri, JSON_TEXT);
    const resource = await hover(client, uri, at(JSON_TEXT, '"Resource"', 3));
    assert.match(markdownOf(resource), /\*\*`Resource`\*\* · Task state/);
    assert.deepEqual(resource?.range, { start: { line: 5, character: 6 }, end: { line: 5, character: 16 } });
    assert.match(
      markdownOf(await hover(client, uri, at(JSON_TEXT, '"Done"\n', 2))),
      /`Done`\*\* · Succeed state/,
    );
    assert.match(markdownOf(await hover(client, uri, at(JSON_TEXT, 'TooMany', 3))), /throttled/);
    const context = await hover(client, uri, at(JSON_TEXT, 'Execution.Id', 11));
    assert.match(markdownOf(context), /ARN of the execution/);
    assert.deepEqual(context?.range, { start: { line: 6, character: 31 }, end: { line: 6, character: 46 } });
    assert.match(
      markdownOf(await hover(client, uri, at(JSON_TEXT, 'Format(', 3))),
      /States\.Format\(template/,
    );
    assert.equal(await hover(client, uri, { line: 0, character: 0 }), null, 'nothing at the opening brace');

    // After an edit the hover answers for the new text.
    const edited = JSON_TEXT.replace('"Type": "Task"', '"Type": "Task", "QueryLanguage": "JSONata"');
    await client.change(uri, 2, [{ text: edited }]);
    assert.match(
      markdownOf(await hover(client, uri, at(edited, '"Parameters"', 3))),
      /⚠ Not allowed in a JSONata state/,
    );
    assert.deepEqual(
      client.logs.filter((l) => /failed/i.test(l.message)),
      [],
    );
  } finally {
    client.dispose();
  }
});

test('hover on an asl-yaml document and on a broken one', { timeout: 10_000 }, async () => {
  const client = await LspTestClient.start();
  try {
    const yaml = 'StartAt: Wait\nStates:\n  Wait:\n    Type: Wait\n    Seconds: 5\n    Next: Gone\n';
    const uri = 'file:///hover.asl.yaml';
    await client.open(uri, yaml, 'asl-yaml');
    const seconds = await hover(client, uri, at(yaml, 'Seconds', 2));
    assert.match(markdownOf(seconds), /\*\*`Seconds`\*\* · Wait state/);
    assert.deepEqual(seconds?.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 11 } });
    assert.match(markdownOf(await hover(client, uri, at(yaml, 'Gone', 2))), /No state named `Gone`/);
    assert.match(markdownOf(await hover(client, uri, at(yaml, 'Type: Wait', 8))), /\*\*`Wait`\*\* state/);

    const broken = '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Comment": ';
    const brokenUri = 'file:///broken.asl.json';
    await client.open(brokenUri, broken);
    assert.match(
      markdownOf(await hover(client, brokenUri, at(broken, '"Comment"', 3))),
      /`Comment`\*\* · Pass state/,
    );
    assert.equal(await hover(client, 'file:///not-open.asl.json', { line: 0, character: 1 }), null);
  } finally {
    client.dispose();
  }
});
