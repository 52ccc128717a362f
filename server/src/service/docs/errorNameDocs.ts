/**
 * Documentation of error names: every predefined `States.*` name (when AWS raises it, whether Retry and
 * Catch can match it) and the well-known integration errors (Lambda.*, a few SDK ones), facts from
 * docs/asl-facts.md sections 2 and 6, worded here. Pure data: depends on ./docEntry only.
 */
import { type DocEntry, paragraphs } from './docEntry';

export interface ErrorNameText {
  name: string;
  /** When it is raised. */
  raised: string;
  /** Whether Retry / Catch can match it. */
  handling: string;
}

const CATCHABLE = 'Retry and Catch can match it by name or with `States.ALL`.';

/** The predefined `States.*` error names. */
export const STATES_ERROR_TEXTS: readonly ErrorNameText[] = [
  {
    name: 'States.ALL',
    raised: 'Never raised: a wildcard in ErrorEquals that matches any error name.',
    handling:
      'Must be the only name in its ErrorEquals and appear only in the last Retrier / Catcher. It does not match `States.Runtime` (nor, per AWS docs, an oversized state input/output `States.DataLimitExceeded`).',
  },
  {
    name: 'States.DataLimitExceeded',
    raised: 'A task result, state output or effective input is larger than the 256 KiB payload quota.',
    handling:
      'AWS documents it as terminal and not matched by `States.ALL`; recorded AWS executions show an oversized task result being caught both by name and by `States.ALL`.',
  },
  {
    name: 'States.ExceedToleratedFailureThreshold',
    raised:
      'A Map failed because more items failed than ToleratedFailureCount / ToleratedFailurePercentage allow.',
    handling: CATCHABLE,
  },
  {
    name: 'States.HeartbeatTimeout',
    raised: 'A Task sent no heartbeat within HeartbeatSeconds.',
    handling: 'Can be named only in Retry/Catch (elsewhere the failure is reported as `States.Timeout`).',
  },
  {
    name: 'States.Http.Socket',
    raised: 'An HTTP Task (`arn:aws:states:::http:invoke`) timed out (60-second cap).',
    handling: `${CATCHABLE} Non-2xx responses raise \`States.Http.StatusCode.<code>\` instead.`,
  },
  {
    name: 'States.IntrinsicFailure',
    raised:
      'An intrinsic function (`States.Format(...)` and friends) failed while a payload template was evaluated.',
    handling: CATCHABLE,
  },
  {
    name: 'States.ItemReaderFailed',
    raised: 'A Map could not read its items from the ItemReader source (e.g. duplicate CSV headers).',
    handling: CATCHABLE,
  },
  {
    name: 'States.NoChoiceMatched',
    raised: 'A Choice state matched no rule and has no Default.',
    handling: 'A Choice state has no Catch: an enclosing Parallel or Map can catch it.',
  },
  {
    name: 'States.ParameterPathFailure',
    raised: 'A `.$` path inside a payload template (Parameters, ItemSelector, ...) could not be applied.',
    handling: CATCHABLE,
  },
  {
    name: 'States.Permissions',
    raised: 'The Task lacked the privileges to run its resource.',
    handling: CATCHABLE,
  },
  {
    name: 'States.QueryEvaluationError',
    raised:
      'A JSONata expression failed: a type error, a result of the wrong type for its field, an invalid value, or an undefined result.',
    handling: 'Retriable and catchable in Task, Map and Parallel states.',
  },
  {
    name: 'States.ResultPathMatchFailure',
    raised:
      'ResultPath could not be applied to the state input (e.g. the input is a string and ResultPath is `$.x`).',
    handling: CATCHABLE,
  },
  {
    name: 'States.ResultWriterFailed',
    raised: 'A Map could not write its results to the ResultWriter destination.',
    handling: CATCHABLE,
  },
  {
    name: 'States.Runtime',
    raised:
      'An exception the execution cannot process, e.g. InputPath/OutputPath on a null input, a missing activity, a Wait delay that is too long.',
    handling: 'Never retried, and not matched by `States.ALL`: the execution fails.',
  },
  {
    name: 'States.TaskFailed',
    raised: 'A Task failed while running.',
    handling: 'Matches any task error except `States.Timeout`.',
  },
  {
    name: 'States.Timeout',
    raised:
      'A Task ran longer than TimeoutSeconds or missed a heartbeat; also a whole execution that ran longer than its top-level TimeoutSeconds.',
    handling: CATCHABLE,
  },
  {
    name: 'States.BranchFailed',
    raised:
      'A branch of a Parallel state failed (the spec’s name; AWS usually reports the branch’s own error).',
    handling: CATCHABLE,
  },
];

const RETRY_ADVICE = 'AWS recommends retrying it (with backoff).';

/** Errors of well-known integrations, with the Resource pattern they belong to. */
export const INTEGRATION_ERROR_TEXTS: readonly ErrorNameText[] = [
  {
    name: 'Lambda.ServiceException',
    raised: 'The Lambda service had an internal error.',
    handling: `${RETRY_ADVICE} Raised by \`lambda:invoke\` tasks and Lambda function ARNs.`,
  },
  {
    name: 'Lambda.AWSLambdaException',
    raised: 'A general Lambda service exception.',
    handling: `${RETRY_ADVICE} Raised by \`lambda:invoke\` tasks and Lambda function ARNs.`,
  },
  {
    name: 'Lambda.SdkClientException',
    raised: 'The client could not reach Lambda (a network problem).',
    handling: `${RETRY_ADVICE} Raised by \`lambda:invoke\` tasks and Lambda function ARNs.`,
  },
  {
    name: 'Lambda.TooManyRequestsException',
    raised: 'Lambda throttled the invocation (the concurrency limit was reached).',
    handling: `${RETRY_ADVICE} Raised by \`lambda:invoke\` tasks and Lambda function ARNs.`,
  },
  {
    name: 'Lambda.ResourceNotFoundException',
    raised: 'The function, version or alias does not exist.',
    handling: 'Retrying does not help; catch it to report a configuration problem.',
  },
  {
    name: 'Lambda.Unknown',
    raised: 'The function failed without a named error (e.g. it timed out or ran out of memory).',
    handling: 'Retry and Catch can match it by name.',
  },
  {
    name: 'DynamoDB.ConditionalCheckFailedException',
    raised: 'A DynamoDB conditional write found its condition false.',
    handling: 'Retry and Catch can match it by name.',
  },
  {
    name: 'S3.NoSuchKeyException',
    raised: 'The S3 object key does not exist.',
    handling: 'Retry and Catch can match it by name.',
  },
  {
    name: 'SQS.AmazonSQSException',
    raised: 'A general SQS service error.',
    handling: 'Retry and Catch can match it by name.',
  },
  {
    name: 'Sfn.InvalidTokenException',
    raised: 'A task token sent back to Step Functions was not valid.',
    handling: 'Retry and Catch can match it by name.',
  },
];

const BY_NAME = new Map([...STATES_ERROR_TEXTS, ...INTEGRATION_ERROR_TEXTS].map((t) => [t.name, t]));

function render(text: ErrorNameText, kind: string): DocEntry {
  return {
    summary: text.raised,
    markdown: paragraphs(`**\`${text.name}\`** · ${kind}`, text.raised, `Retry/Catch: ${text.handling}`),
  };
}

/**
 * Documentation of an error name as written in ErrorEquals or a Fail state's Error: predefined
 * `States.*` names (including `States.Http.StatusCode.<nnn>`), well-known integration errors, and for any
 * other name a short note that it is a custom error. Undefined for a name starting with `States.` that
 * AWS does not define.
 */
export function errorNameDoc(name: string): DocEntry | undefined {
  const known = BY_NAME.get(name);
  if (known) return render(known, name.startsWith('States.') ? 'predefined error' : 'integration error');
  const status = /^States\.Http\.StatusCode\.(\d{3})$/.exec(name);
  if (status) {
    return render(
      {
        name,
        raised: `An HTTP Task received the non-2xx status ${status[1]}.`,
        handling: 'Retry and Catch can match it by name, or all HTTP failures with `States.TaskFailed`.',
      },
      'predefined error',
    );
  }
  if (name.startsWith('States.') || name === '') return undefined;
  const service = /^([A-Za-z0-9]+)\.[A-Za-z0-9]+$/.exec(name);
  return render(
    {
      name,
      raised: service
        ? `An error named by its service (\`${service[1]}\`) or raised by your code.`
        : 'A custom error: raised by a Fail state, a Lambda function or another task.',
      handling: 'Names are compared exactly (case-sensitive). Retry and Catch can match it by name.',
    },
    'custom error',
  );
}
