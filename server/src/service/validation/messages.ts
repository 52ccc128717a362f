/**
 * The diagnostic catalog: every stable code the validator emits, its default severity and the message
 * (what is wrong and how to fix it). Rule modules report codes with arguments; only this file words them.
 * Depends on nothing.
 */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

type Args = Record<string, string | number | undefined>;

interface CatalogEntry {
  severity: Severity;
  message: (a: Args) => string;
}

const q = (value: unknown): string => JSON.stringify(value);

export const MESSAGES = {
  // schema
  'missing-required-field': {
    severity: 'error',
    message: (a) => `${a.kind} is missing the required field ${q(a.field)}. Add it.`,
  },
  'unknown-field': {
    severity: 'error',
    message: (a) =>
      `${q(a.field)} is not a field of ${a.kind}.` +
      (a.suggestion
        ? ` Did you mean ${q(a.suggestion)}?`
        : a.misplaced
          ? ' It belongs elsewhere in ASL: remove it here.'
          : ' Remove it or check its spelling.'),
  },
  'field-not-in-query-language': {
    severity: 'error',
    message: (a) =>
      `${q(a.field)} is not allowed in ${a.kind} using ${a.queryLanguage}` +
      (a.queryLanguage === 'JSONata'
        ? ' (JSONata states use Arguments, Output, Assign and JSONata strings instead of paths).'
        : ' (it is a JSONata field: set "QueryLanguage": "JSONata" or use the JSONPath equivalent).'),
  },
  'invalid-type': { severity: 'error', message: (a) => `${a.field} must be ${a.expected}.` },
  'invalid-enum-value': {
    severity: 'error',
    message: (a) => `${a.field} must be one of ${a.allowed}; found ${a.found}.`,
  },
  'value-out-of-range': {
    severity: 'error',
    message: (a) => `${a.field} must be ${a.comparison} ${a.limit}; found ${a.found}.`,
  },
  'empty-array': {
    severity: 'error',
    message: (a) => `${a.field} must not be empty: add at least one entry.`,
  },
  'invalid-value': { severity: 'error', message: (a) => `${a.field} is invalid: ${a.detail}.` },
  'invalid-state-type': {
    severity: 'error',
    message: (a) =>
      `"Type" must be one of Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map; found ${a.found}.`,
  },
  'missing-state-type': {
    severity: 'error',
    message: (a) =>
      `State ${q(a.state)} has no "Type": add one of Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map.`,
  },
  'state-not-object': { severity: 'error', message: (a) => `State ${q(a.state)} must be a JSON object.` },
  'definition-not-object': {
    severity: 'error',
    message: () => 'A state machine definition must be a JSON object with "StartAt" and "States".',
  },
  'query-language-downgrade': {
    severity: 'error',
    message: () =>
      '"QueryLanguage" cannot be "JSONPath" when the state machine sets "JSONata" at the top level: remove it or convert the state to JSONata.',
  },
  'duplicate-key': {
    severity: 'warning',
    message: (a) =>
      `Duplicate key ${q(a.key)}: only the last one counts, so this one is ignored. Remove or merge it.`,
  },
  // transitions
  'invalid-transition-target': {
    severity: 'error',
    message: (a) =>
      a.otherScope
        ? `${a.field} target ${q(a.target)} is a state in ${a.otherScope}, not in this ${a.scope}: states may only transition within their own States block.`
        : `${a.field} target ${q(a.target)} is not a state in this ${a.scope}.` +
          (a.suggestion ? ` Did you mean ${q(a.suggestion)}?` : ' Use the name of an existing state.'),
  },
  'missing-terminal-state': {
    severity: 'error',
    message: (a) =>
      `The ${a.scope} has no terminal state: give at least one state "End": true, or use a Succeed or Fail state.`,
  },
  'unreachable-state': {
    severity: 'error',
    message: (a) =>
      `State ${q(a.state)} cannot be reached from StartAt ${q(a.startAt)}: reference it from a Next, Default, Choices or Catch, or remove it.`,
  },
  'duplicate-state-name': {
    severity: 'error',
    message: (a) =>
      `State name ${q(a.state)} is used ${a.count} times: state names must be unique across the whole state machine, including Parallel branches and Map processors.`,
  },
  'state-name-too-long': {
    severity: 'error',
    message: (a) => `State name is ${a.length} characters long; AWS allows at most 80.`,
  },
  'missing-next-or-end': {
    severity: 'error',
    message: (a) => `State ${q(a.stateName)} needs either "Next" or "End": true.`,
  },
  'next-and-end': {
    severity: 'error',
    message: () => 'A state cannot have both "Next" and "End": keep one.',
  },
  'end-false': {
    severity: 'error',
    message: () => '"End" must be true when present; use "Next" to continue to another state.',
  },
  // exclusive fields and values
  'deprecated-field': {
    severity: 'hint',
    message: (a) =>
      `${q(a.field)} is deprecated in Map states: use ${q(a.replacement)} instead (same meaning).`,
  },
  'mutually-exclusive-fields': {
    severity: 'error',
    message: (a) => `${a.fields} are mutually exclusive: keep only one.`,
  },
  'missing-one-of-fields': {
    severity: 'error',
    message: (a) => `${a.kind} needs exactly one of ${a.fields}.`,
  },
  'heartbeat-not-below-timeout': {
    severity: 'error',
    message: (a) => `HeartbeatSeconds (${a.heartbeat}) must be smaller than TimeoutSeconds (${a.timeout}).`,
  },
  'invalid-timestamp': {
    severity: 'error',
    message: (a) =>
      `${a.field} ${q(a.value)} is not an RFC 3339 timestamp (e.g. "2025-01-31T12:00:00Z", upper-case T and Z).`,
  },
  'choice-rule-operator-count': {
    severity: 'error',
    message: (a) =>
      a.count === 0
        ? 'This Choice Rule has no comparison: use one operator (e.g. "StringEquals") with "Variable", or And/Or/Not.'
        : `A Choice Rule takes exactly one comparison operator; found ${a.count} (${a.operators}).`,
  },
  'choice-rule-missing-variable': {
    severity: 'error',
    message: (a) => `The comparison ${q(a.operator)} needs a "Variable" path to compare.`,
  },
  'invalid-map-label': { severity: 'error', message: (a) => `Map Label ${a.detail}.` },
  // retry / catch
  'states-all-not-last': {
    severity: 'error',
    message: (a) => `"States.ALL" must appear only in the last ${a.kind}: move this ${a.kind} to the end.`,
  },
  'states-all-not-alone': {
    severity: 'error',
    message: () => '"States.ALL" must be the only error name in its ErrorEquals.',
  },
  'unknown-states-error': {
    // A warning: AWS accepts custom "States.*" names (deployed AWS samples use e.g. "States.TaskFailedId").
    severity: 'warning',
    message: (a) =>
      `${q(a.name)} is not a predefined error: names starting with "States." are reserved for Step Functions, so nothing raises it.` +
      (a.suggestion ? ` Did you mean ${q(a.suggestion)}?` : ''),
  },
  // resources
  'invalid-resource-arn': {
    severity: 'error',
    message: (a) => `Resource ${q(a.resource)} is not a valid Task resource ARN: ${a.detail}.`,
  },
  'invalid-integration-pattern': {
    severity: 'error',
    message: (a) => `${a.detail}`,
  },
  'missing-task-token': {
    severity: 'warning',
    message: (a) =>
      `This .waitForTaskToken task never passes the task token: include ${a.token} in ${a.field}, or the execution waits until it times out.`,
  },
  'express-unsupported-integration': {
    severity: 'error',
    message: (a) =>
      `Express state machines do not support ${a.what}: use a Standard state machine or a request/response integration.`,
  },
  // paths and payload templates
  'invalid-json-path': { severity: 'error', message: (a) => `${a.field}: invalid JSONPath: ${a.detail}` },
  'reference-path-required': {
    severity: 'error',
    message: (a) =>
      `${a.field} must be a Reference Path (a single node such as "$.a.b" or "$.list[0]"); ${q(a.value)} is not.`,
  },
  'result-path-variable': {
    severity: 'error',
    message: (a) =>
      `${a.field} cannot write to ${a.what}: use a path into the state input such as "$.result".`,
  },
  'invalid-payload-path': {
    severity: 'error',
    message: (a) =>
      `${q(a.field)} ends in ".$", so its value must be a JSONPath ("$...", "$$...", "$var") or an intrinsic function call; ${a.value} is neither.`,
  },
  'payload-key-collision': {
    severity: 'error',
    message: (a) =>
      `${q(a.field)} and ${q(a.other)} both produce the key ${q(a.key)} once ".$" is removed: keep one.`,
  },
  'invalid-intrinsic': { severity: 'error', message: (a) => `${a.detail}` },
  'intrinsic-in-jsonata': {
    severity: 'error',
    message: () =>
      'Intrinsic functions (States.*) are JSONPath-only: in a JSONata state use a JSONata expression "{% ... %}".',
  },
  'dollar-key-in-jsonata': {
    // A warning: AWS accepts such keys in JSONata states as plain keys (LocalStack's AWS-validated tests).
    severity: 'warning',
    message: (a) =>
      `${q(a.field)}: ".$" has no meaning in a JSONata state (the key is kept as written and its value is not a path); drop ".$" and use "{% ... %}".`,
  },
  'jsonata-in-jsonpath': {
    severity: 'error',
    message: (a) =>
      `${a.field} holds a JSONata expression but this state uses JSONPath: set "QueryLanguage": "JSONata" on the state or use a path.`,
  },
  // JSONata
  'invalid-jsonata': { severity: 'error', message: (a) => `Invalid JSONata expression: ${a.detail}` },
  'jsonata-not-surrounded': {
    // A warning: AWS keeps such strings as literal text (LocalStack's AWS-validated literal tests).
    severity: 'warning',
    message: () =>
      'This string is not evaluated as JSONata: only a string that starts with "{%" and ends with "%}" (nothing before or after) is an expression. Fix the delimiters, or ignore this if the text is meant literally.',
  },
  'states-field-unavailable': {
    severity: 'warning',
    message: (a) =>
      `$states.${a.name} is not available in ${a.field}: it exists only ${a.where}, so this evaluates to undefined (States.QueryEvaluationError).`,
  },
  'undefined-variable': {
    severity: 'warning',
    message: (a) => `Variable $${a.name} is used but never assigned in this scope or an enclosing one.`,
  },
  'unused-variable': {
    severity: 'hint',
    message: (a) => `Variable $${a.name} is assigned but never used.`,
  },
  'assign-outer-variable': {
    severity: 'error',
    message: (a) =>
      `$${a.name} is assigned in an enclosing scope: states inside a Parallel branch or Map processor may read it but not assign it. Use another name and return data through the output.`,
  },
  'reserved-variable-name': {
    severity: 'error',
    message: (a) => `${q(a.name)} is not a valid variable name: ${a.detail}.`,
  },
} satisfies Record<string, CatalogEntry>;

export type DiagnosticCode = keyof typeof MESSAGES;

export function messageFor(code: DiagnosticCode, args: Args = {}): string {
  return (MESSAGES[code] as CatalogEntry).message(args);
}

export function severityOf(code: DiagnosticCode): Severity {
  return (MESSAGES[code] as CatalogEntry).severity;
}
