/**
 * Structural quick fixes, JSON and YAML: create a missing state, move States.ALL last, add End/Next,
 * rename an unknown field. Each applies the edit, re-validates and checks the layout of the result.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { actionsFor, applyFix } from './codeActionHarness';

describe('Create state for invalid-transition-target', () => {
  it('inserts a Pass state after the referring state, indented like its siblings (JSON)', () => {
    const text = [
      '{',
      '  "StartAt": "A",',
      '  "States": {',
      '    "A": {',
      '      "Type": "Pass",',
      '      "Next": "Checkout"',
      '    },',
      '    "Z": {',
      '      "Type": "Succeed"',
      '    }',
      '  }',
      '}',
    ].join('\n');
    const { titles, fixed } = applyFix(text, 'json', 'invalid-transition-target', "Create state 'Checkout'");
    assert.ok(titles.includes("Create state 'Checkout'"));
    assert.equal(
      fixed,
      [
        '{',
        '  "StartAt": "A",',
        '  "States": {',
        '    "A": {',
        '      "Type": "Pass",',
        '      "Next": "Checkout"',
        '    },',
        '    "Checkout": {',
        '      "Type": "Pass",',
        '      "End": true',
        '    },',
        '    "Z": {',
        '      "Type": "Succeed"',
        '    }',
        '  }',
        '}',
      ].join('\n'),
    );
  });

  it('keeps one-line documents on one line (JSON)', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}';
    const { fixed } = applyFix(text, 'json', 'invalid-transition-target', "Create state 'B'");
    assert.equal(
      fixed,
      '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "End": true}}}',
    );
  });

  it('inserts into the branch that refers to it, with a 4-space indent (YAML)', () => {
    const text = [
      'StartAt: P',
      'States:',
      '    P:',
      '        Type: Parallel',
      '        End: true',
      '        Branches:',
      '            - StartAt: Work',
      '              States:',
      '                  Work:',
      '                      Type: Pass',
      '                      Next: Tidy up',
      '',
    ].join('\n');
    const { fixed } = applyFix(text, 'yaml', 'invalid-transition-target', "Create state 'Tidy up'");
    assert.equal(
      fixed,
      text.replace(
        'Next: Tidy up\n',
        'Next: Tidy up\n                  Tidy up:\n                      Type: Pass\n                      End: true\n',
      ),
    );
  });

  it('offers only Change to for StartAt (a new ending state would strand the others)', () => {
    const text = 'StartAt: Begn\nStates:\n  Begin:\n    Type: Succeed\n';
    const titles = actionsFor(text, 'yaml', 'invalid-transition-target').map((a) => a.title);
    assert.deepEqual(titles, ["Change to 'Begin'"]);
  });

  it('is not offered for a name longer than AWS allows', () => {
    const long = 'x'.repeat(81);
    const text = `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "${long}"}}}`;
    const titles = actionsFor(text, 'json', 'invalid-transition-target').map((a) => a.title);
    assert.ok(!titles.some((t) => t.startsWith('Create state')), JSON.stringify(titles));
  });

  it('quotes a name YAML would misread', () => {
    const text = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: "yes"\n';
    const { fixed } = applyFix(text, 'yaml', 'invalid-transition-target', "Create state 'yes'");
    assert.match(fixed, /\n {2}"yes":\n {4}Type: Pass\n {4}End: true/);
  });

  it('is not offered when the name belongs to a state in another scope', () => {
    const text = JSON.stringify({
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Next: 'Inner',
          Branches: [{ StartAt: 'Inner', States: { Inner: { Type: 'Succeed' } } }],
        },
      },
    });
    const titles = actionsFor(text, 'json', 'invalid-transition-target').map((a) => a.title);
    assert.ok(!titles.some((t) => t.startsWith('Create state')), JSON.stringify(titles));
  });
});

describe('Move the States.ALL retrier/catcher last', () => {
  it('moves a catcher and keeps separators (JSON)', () => {
    const text = [
      '{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",',
      '  "Catch": [',
      '    {"ErrorEquals": ["States.ALL"], "Next": "F"},',
      '    {"ErrorEquals": ["States.Timeout"], "Next": "F"}',
      '  ],',
      '  "End": true}, "F": {"Type": "Fail"}}}',
    ].join('\n');
    const { titles, fixed } = applyFix(
      text,
      'json',
      'states-all-not-last',
      'Move the States.ALL catcher last',
    );
    assert.deepEqual(titles, ['Move the States.ALL catcher last']);
    assert.ok(
      fixed.includes(
        '    {"ErrorEquals": ["States.Timeout"], "Next": "F"},\n    {"ErrorEquals": ["States.ALL"], "Next": "F"}\n',
      ),
      fixed,
    );
  });

  it('moves a multi-line retrier in a block sequence (YAML)', () => {
    const text = [
      'StartAt: T',
      'States:',
      '  T:',
      '    Type: Task',
      '    Resource: arn:aws:states:::lambda:invoke',
      '    Retry:',
      '      - ErrorEquals: [States.ALL]',
      '        MaxAttempts: 2',
      '      - ErrorEquals:',
      '          - States.Timeout',
      '        IntervalSeconds: 3',
      '      - ErrorEquals: [Custom]',
      '    End: true',
      '',
    ].join('\n');
    const { fixed } = applyFix(text, 'yaml', 'states-all-not-last', 'Move the States.ALL retrier last');
    assert.equal(
      fixed,
      text.replace(
        '      - ErrorEquals: [States.ALL]\n        MaxAttempts: 2\n      - ErrorEquals:\n          - States.Timeout\n        IntervalSeconds: 3\n      - ErrorEquals: [Custom]\n',
        '      - ErrorEquals:\n          - States.Timeout\n        IntervalSeconds: 3\n      - ErrorEquals: [Custom]\n      - ErrorEquals: [States.ALL]\n        MaxAttempts: 2\n',
      ),
    );
  });
});

describe('Add End / Add Next for missing-next-or-end', () => {
  const json = [
    '{',
    '  "StartAt": "A",',
    '  "States": {',
    '    "A": {',
    '      "Type": "Pass"',
    '    },',
    '    "B": {"Type": "Succeed"},',
    '    "C": {"Type": "Succeed"}',
    '  }',
    '}',
  ].join('\n');

  it('offers End and the following siblings first (JSON)', () => {
    const titles = actionsFor(json, 'json', 'missing-next-or-end').map((a) => a.title);
    assert.deepEqual(titles, ['Add End: true', "Add Next: 'B'", "Add Next: 'C'"]);
    const { fixed } = applyFix(json, 'json', 'missing-next-or-end', 'Add End: true');
    assert.ok(fixed.includes('      "Type": "Pass",\n      "End": true\n    },'), fixed);
  });

  it('adds Next to the chosen state (JSON)', () => {
    const { fixed } = applyFix(json, 'json', 'missing-next-or-end', "Add Next: 'B'");
    assert.equal(JSON.parse(fixed).States.A.Next, 'B');
    assert.ok(fixed.includes('      "Type": "Pass",\n      "Next": "B"\n'), fixed);
  });

  it('replaces End: false instead of adding a second field (YAML)', () => {
    const text =
      'StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: false\n    Comment: c\n  B:\n    Type: Succeed\n';
    const { fixed } = applyFix(text, 'yaml', 'missing-next-or-end', 'Add End: true');
    assert.equal(fixed, text.replace('End: false', 'End: true'));
    const next = applyFix(text, 'yaml', 'missing-next-or-end', "Add Next: 'B'");
    assert.equal(next.fixed, text.replace('End: false', 'Next: B'));
  });

  it('adds End after the last field of a block mapping (YAML)', () => {
    const text = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result:\n      x: 1\n';
    const { fixed } = applyFix(text, 'yaml', 'missing-next-or-end', 'Add End: true');
    assert.equal(
      fixed,
      'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result:\n      x: 1\n    End: true\n',
    );
  });
});

describe('Rename to the suggested field for unknown-field', () => {
  it('renames a misspelt key (JSON)', () => {
    const text =
      '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSecond": 5, "End": true}}}';
    const { titles, fixed } = applyFix(text, 'json', 'unknown-field', "Rename to 'TimeoutSeconds'");
    assert.deepEqual(titles, ["Rename to 'TimeoutSeconds'"]);
    assert.equal(JSON.parse(fixed).States.A.TimeoutSeconds, 5);
  });

  it('renames a misspelt key (YAML)', () => {
    const text = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Comentt: hi\n    End: true\n';
    const { fixed } = applyFix(text, 'yaml', 'unknown-field', "Rename to 'Comment'");
    assert.equal(fixed, text.replace('Comentt', 'Comment'));
  });

  it('is not offered when the suggested key is already there', () => {
    const text =
      '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Comment": "a", "Comentt": "b", "End": true}}}';
    assert.deepEqual(actionsFor(text, 'json', 'unknown-field'), []);
  });
});

describe('line endings', () => {
  it('keeps CRLF line endings in inserted lines (JSON and YAML)', () => {
    const json =
      '{\r\n  "StartAt": "A",\r\n  "States": {\r\n    "A": {\r\n      "Type": "Pass",\r\n      "Next": "B"\r\n    }\r\n  }\r\n}\r\n';
    const created = applyFix(json, 'json', 'invalid-transition-target', "Create state 'B'").fixed;
    assert.ok(
      created.includes('    },\r\n    "B": {\r\n      "Type": "Pass",\r\n      "End": true\r\n    }\r\n'),
      created,
    );
    assert.ok(!/[^\r]\n/.test(created), 'no bare LF');
    const yaml = 'StartAt: A\r\nStates:\r\n  A:\r\n    Type: Pass\r\n';
    const ended = applyFix(yaml, 'yaml', 'missing-next-or-end', 'Add End: true').fixed;
    assert.equal(ended, 'StartAt: A\r\nStates:\r\n  A:\r\n    Type: Pass\r\n    End: true\r\n');
  });
});
