/**
 * What completion offers, as data with short markdown docs: predefined error names, the errors of
 * well-known integrations by Resource, Resource ARNs of service integrations, context object paths and
 * one-line field docs (facts from docs/asl-facts.md, worded here; replaced by service/docs once it lands).
 * Pure data: depends on nothing.
 */

export interface CatalogEntry {
  name: string;
  doc: string;
}

/** `States.*` error names usable in ErrorEquals (asl-facts §2). */
export const STATES_ERRORS: readonly CatalogEntry[] = [
  {
    name: 'States.ALL',
    doc: 'Matches any error name. Must be alone in its `ErrorEquals` and in the last Retrier/Catcher. Does not match `States.Runtime`.',
  },
  {
    name: 'States.Timeout',
    doc: 'The Task ran longer than `TimeoutSeconds` or missed a heartbeat; also a whole execution over its `TimeoutSeconds`.',
  },
  {
    name: 'States.TaskFailed',
    doc: 'A Task failed during execution. In Retry/Catch it matches any error except `States.Timeout`.',
  },
  { name: 'States.Permissions', doc: 'The Task lacked the privileges to run its resource.' },
  {
    name: 'States.HeartbeatTimeout',
    doc: 'The Task sent no heartbeat within `HeartbeatSeconds`. Only usable in Retry/Catch.',
  },
  {
    name: 'States.DataLimitExceeded',
    doc: 'A result, state output or effective input exceeded the 256 KiB payload quota.',
  },
  {
    name: 'States.Runtime',
    doc: 'An unprocessable exception at run time (e.g. InputPath on a null input). Never retried; `States.ALL` does not catch it.',
  },
  { name: 'States.ResultPathMatchFailure', doc: '`ResultPath` could not be applied to the state input.' },
  {
    name: 'States.ParameterPathFailure',
    doc: 'A `.$` path in a payload template (Parameters, ItemSelector, ...) could not be applied.',
  },
  { name: 'States.BranchFailed', doc: 'A branch of a Parallel state failed.' },
  { name: 'States.NoChoiceMatched', doc: 'A Choice state matched no rule and has no `Default`.' },
  { name: 'States.IntrinsicFailure', doc: 'An intrinsic function call in a payload template failed.' },
  {
    name: 'States.ExceedToleratedFailureThreshold',
    doc: 'A Map state failed because more items failed than `ToleratedFailureCount`/`ToleratedFailurePercentage` allow.',
  },
  {
    name: 'States.ItemReaderFailed',
    doc: 'A Map state could not read its items from the `ItemReader` source.',
  },
  {
    name: 'States.ResultWriterFailed',
    doc: 'A Map state could not write its results to the `ResultWriter` destination.',
  },
  {
    name: 'States.QueryEvaluationError',
    doc: 'A JSONata expression failed: a type error, a wrong result type for the field, or an undefined result.',
  },
];

const LAMBDA_ERRORS: readonly CatalogEntry[] = [
  {
    name: 'Lambda.ServiceException',
    doc: 'The Lambda service had an internal error. AWS recommends retrying it.',
  },
  {
    name: 'Lambda.AWSLambdaException',
    doc: 'A general Lambda service exception. AWS recommends retrying it.',
  },
  {
    name: 'Lambda.SdkClientException',
    doc: 'The SDK client could not reach Lambda (network). AWS recommends retrying it.',
  },
  {
    name: 'Lambda.TooManyRequestsException',
    doc: 'Lambda throttled the invocation (concurrency limit). AWS recommends retrying it with backoff.',
  },
  { name: 'Lambda.ResourceNotFoundException', doc: 'The function (or its version/alias) does not exist.' },
];

/** Errors of well-known integrations, chosen by a test on the Task's Resource. */
export const INTEGRATION_ERRORS: ReadonlyArray<{ test: RegExp; errors: readonly CatalogEntry[] }> = [
  {
    test: /:states:::lambda:invoke|:lambda:[^:]*:[^:]*:function:|^\$\{.*Lambda|Function.*Arn/i,
    errors: LAMBDA_ERRORS,
  },
  {
    test: /:states:::(aws-sdk:)?dynamodb:/i,
    errors: [
      {
        name: 'DynamoDB.ConditionalCheckFailedException',
        doc: 'A conditional write found the condition false.',
      },
      { name: 'DynamoDB.ResourceNotFoundException', doc: 'The table does not exist.' },
      {
        name: 'DynamoDB.AmazonDynamoDBException',
        doc: 'A general DynamoDB service error (validation, throttling).',
      },
    ],
  },
  {
    test: /:states:::(aws-sdk:)?s3:/i,
    errors: [
      { name: 'S3.NoSuchKeyException', doc: 'The object key does not exist.' },
      { name: 'S3.NoSuchBucketException', doc: 'The bucket does not exist.' },
    ],
  },
  {
    test: /:states:::(aws-sdk:)?sqs:/i,
    errors: [
      { name: 'SQS.AmazonSQSException', doc: 'A general SQS service error (e.g. a missing MessageBody).' },
      { name: 'SQS.SdkClientException', doc: 'The SDK client could not reach SQS.' },
    ],
  },
  {
    test: /:states:::(aws-sdk:)?sns:/i,
    errors: [
      { name: 'SNS.NotFoundException', doc: 'The topic does not exist.' },
      { name: 'SNS.InvalidParameterException', doc: 'A request parameter is invalid.' },
    ],
  },
  {
    test: /:states:::events:putEvents/i,
    errors: [
      { name: 'EventBridge.FailedEntry', doc: 'At least one event could not be put (FailedEntryCount > 0).' },
    ],
  },
  {
    test: /:states:::(aws-sdk:sfn|states):/i,
    errors: [
      {
        name: 'StepFunctions.ExecutionAlreadyExistsException',
        doc: 'An execution with that name already exists.',
      },
      { name: 'StepFunctions.StateMachineDoesNotExistException', doc: 'The state machine does not exist.' },
    ],
  },
  {
    test: /:states:::http:invoke/i,
    errors: [{ name: 'States.Http.Socket', doc: 'The HTTP Task timed out (60-second cap).' }],
  },
];

/** Resource ARNs of service integrations, with the integration pattern each supports. */
export const RESOURCE_ARNS: readonly CatalogEntry[] = [
  {
    name: 'arn:aws:states:::lambda:invoke',
    doc: 'Invoke a Lambda function (request/response; result under `Payload`).',
  },
  {
    name: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
    doc: 'Invoke a Lambda function and wait for a task token callback.',
  },
  { name: 'arn:aws:states:::dynamodb:getItem', doc: 'DynamoDB GetItem.' },
  { name: 'arn:aws:states:::dynamodb:putItem', doc: 'DynamoDB PutItem.' },
  { name: 'arn:aws:states:::dynamodb:updateItem', doc: 'DynamoDB UpdateItem.' },
  { name: 'arn:aws:states:::dynamodb:deleteItem', doc: 'DynamoDB DeleteItem.' },
  { name: 'arn:aws:states:::sqs:sendMessage', doc: 'Send an SQS message.' },
  {
    name: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
    doc: 'Send an SQS message and wait for a task token callback.',
  },
  { name: 'arn:aws:states:::sns:publish', doc: 'Publish to an SNS topic.' },
  {
    name: 'arn:aws:states:::sns:publish.waitForTaskToken',
    doc: 'Publish to SNS and wait for a task token callback.',
  },
  { name: 'arn:aws:states:::events:putEvents', doc: 'Put events on an EventBridge bus.' },
  {
    name: 'arn:aws:states:::events:putEvents.waitForTaskToken',
    doc: 'Put EventBridge events and wait for a task token callback.',
  },
  {
    name: 'arn:aws:states:::states:startExecution',
    doc: 'Start a nested state machine execution (request/response).',
  },
  {
    name: 'arn:aws:states:::states:startExecution.sync',
    doc: 'Run a nested state machine and wait; its output comes back as a JSON string.',
  },
  {
    name: 'arn:aws:states:::states:startExecution.sync:2',
    doc: 'Run a nested state machine and wait; its output comes back parsed as JSON.',
  },
  {
    name: 'arn:aws:states:::states:startExecution.waitForTaskToken',
    doc: 'Start a nested execution and wait for a task token callback.',
  },
  { name: 'arn:aws:states:::ecs:runTask', doc: 'Run an ECS task (request/response).' },
  { name: 'arn:aws:states:::ecs:runTask.sync', doc: 'Run an ECS task and wait for it to stop.' },
  {
    name: 'arn:aws:states:::ecs:runTask.waitForTaskToken',
    doc: 'Run an ECS task and wait for a task token callback.',
  },
  { name: 'arn:aws:states:::batch:submitJob', doc: 'Submit an AWS Batch job.' },
  {
    name: 'arn:aws:states:::batch:submitJob.sync',
    doc: 'Submit an AWS Batch job and wait for it to finish.',
  },
  { name: 'arn:aws:states:::glue:startJobRun', doc: 'Start a Glue job run.' },
  { name: 'arn:aws:states:::glue:startJobRun.sync', doc: 'Run a Glue job and wait for it to finish.' },
  {
    name: 'arn:aws:states:::athena:startQueryExecution.sync',
    doc: 'Run an Athena query and wait for it to finish.',
  },
  {
    name: 'arn:aws:states:::codebuild:startBuild.sync',
    doc: 'Run a CodeBuild build and wait for it to finish.',
  },
  { name: 'arn:aws:states:::bedrock:invokeModel', doc: 'Invoke a Bedrock model.' },
  { name: 'arn:aws:states:::s3:getObject', doc: 'Read an S3 object (ItemReader source).' },
  { name: 'arn:aws:states:::s3:listObjectsV2', doc: 'List S3 objects (ItemReader source).' },
  { name: 'arn:aws:states:::s3:putObject', doc: 'Write an S3 object (ResultWriter destination).' },
  {
    name: 'arn:aws:states:::http:invoke',
    doc: 'Call an HTTPS API (60-second cap; errors `States.Http.Socket`, `States.Http.StatusCode.<nnn>`).',
  },
  {
    name: 'arn:aws:states:::aws-sdk:${1:service}:${2:apiAction}',
    doc: 'AWS SDK integration: any API of any service (`.waitForTaskToken` allowed, no `.sync`).',
  },
  {
    name: 'arn:aws:lambda:${1:region}:${2:account}:function:${3:name}',
    doc: 'Legacy Lambda function ARN (history uses LambdaFunction* events).',
  },
  {
    name: 'arn:aws:states:${1:region}:${2:account}:activity:${3:name}',
    doc: 'An activity: a worker polls for the task (Standard workflows only).',
  },
];

export const ITEM_READER_ARNS = new Set([
  'arn:aws:states:::s3:getObject',
  'arn:aws:states:::s3:listObjectsV2',
]);
export const RESULT_WRITER_ARNS = new Set(['arn:aws:states:::s3:putObject']);

/** Context object paths (asl-facts §8), without the `$$.` / `$states.context.` prefix. */
export const CONTEXT_PATHS: readonly CatalogEntry[] = [
  { name: 'Execution', doc: 'The running execution.' },
  { name: 'Execution.Id', doc: 'The execution ARN.' },
  { name: 'Execution.Input', doc: 'The original input of the execution.' },
  { name: 'Execution.Name', doc: 'The execution name.' },
  { name: 'Execution.RoleArn', doc: 'The IAM role the execution runs with.' },
  { name: 'Execution.StartTime', doc: 'When the execution started (ISO-8601, ms precision, `Z`).' },
  { name: 'Execution.RedriveCount', doc: 'How many times the execution was redriven (0 if never).' },
  {
    name: 'Execution.RedriveTime',
    doc: 'When the execution was last redriven (present only after a redrive).',
  },
  { name: 'State', doc: 'The current state.' },
  { name: 'State.Name', doc: 'The name of the current state.' },
  { name: 'State.EnteredTime', doc: 'When the current state was entered (ISO-8601).' },
  { name: 'State.RetryCount', doc: 'How many retries this state has made so far.' },
  { name: 'StateMachine', doc: 'The state machine.' },
  { name: 'StateMachine.Id', doc: 'The state machine ARN.' },
  { name: 'StateMachine.Name', doc: 'The state machine name.' },
  { name: 'Task', doc: 'The current Task.' },
  { name: 'Task.Token', doc: 'The task token to pass to a callback (`.waitForTaskToken`) worker.' },
  { name: 'Map', doc: 'The current Map iteration (in `ItemSelector`).' },
  { name: 'Map.Item', doc: 'The current Map item.' },
  { name: 'Map.Item.Index', doc: 'Zero-based index of the current Map item.' },
  { name: 'Map.Item.Value', doc: 'The current Map item.' },
  { name: 'Map.Item.Key', doc: 'The key of the current item when a Distributed Map iterates a JSON object.' },
  {
    name: 'Map.Item.Source',
    doc: 'Where the current item was read from (Distributed Map with an ItemReader).',
  },
];

/** `$states` fields in JSONata expressions. */
export const STATES_FIELDS: readonly CatalogEntry[] = [
  { name: 'input', doc: "The state's input." },
  { name: 'result', doc: 'The result of the Task, Parallel or Map (in Output and Assign).' },
  { name: 'errorOutput', doc: 'The error output, in a Catcher (`Error` and `Cause`).' },
  { name: 'context', doc: 'The context object (Execution, State, StateMachine, Task, Map).' },
];

const OPERATOR_DOC: Record<string, string> = {
  String: 'Compares `Variable` with a string',
  Numeric: 'Compares `Variable` with a number',
  Timestamp: 'Compares `Variable` with an ISO-8601 timestamp',
  Boolean: 'Compares `Variable` with a boolean',
};

/** Short docs for every field name the completion offers. */
export const FIELD_DOCS: Record<string, string> = {
  StartAt: 'Name of the first state to run. Required.',
  States: 'The states, by name. Required.',
  Comment: 'A human-readable description.',
  Version: 'The ASL version (`1.0`).',
  TimeoutSeconds: 'Maximum seconds before the state (or execution) fails with `States.Timeout`.',
  QueryLanguage:
    '`JSONPath` (default) or `JSONata`: the language of this state (or of every state at the top level).',
  Type: 'The state type: Task, Pass, Choice, Wait, Succeed, Fail, Parallel or Map. Required.',
  Next: 'The state to run next.',
  End: '`true` makes this a terminal state.',
  InputPath: 'JSONPath selecting the part of the input the state works on.',
  OutputPath: 'JSONPath selecting the part of the output passed on.',
  ResultPath: 'Where the result goes in the input (`null` discards it).',
  Parameters: 'A payload template building the effective input (`.$` keys take paths/intrinsics).',
  ResultSelector: 'A payload template applied to the raw result.',
  Arguments: 'JSONata: the input of the Task/Parallel (an object or a `{% %}` expression).',
  Output: 'JSONata: the state output (default: the result, or the input for Pass/Wait/Choice).',
  Assign: 'Variables to set, by name; visible to later states of this scope and nested scopes.',
  Result: 'A fixed result for a Pass state.',
  Resource: 'The ARN of the integration, Lambda function or activity to run.',
  HeartbeatSeconds: 'Maximum seconds between heartbeats before `States.Timeout`.',
  TimeoutSecondsPath: 'Reference path to the timeout in the input.',
  HeartbeatSecondsPath: 'Reference path to the heartbeat interval in the input.',
  Credentials: 'A role to assume for the Task (`RoleArn` / `RoleArn.$`).',
  Retry: 'Retriers: how to retry on errors, first match wins.',
  Catch: 'Catchers: where to go on errors once retries are exhausted.',
  Choices: 'Choice rules, evaluated in order; the first match decides `Next`. Required.',
  Default: 'The state to run when no Choice rule matches.',
  Seconds: 'Seconds to wait.',
  SecondsPath: 'Reference path to the seconds to wait.',
  Timestamp: 'An ISO-8601 timestamp to wait until.',
  TimestampPath: 'Reference path to the timestamp to wait until.',
  Error: 'The error name the Fail state reports.',
  ErrorPath: 'Reference path to the error name.',
  Cause: 'The human-readable cause the Fail state reports.',
  CausePath: 'Reference path to the cause.',
  Branches: 'The branches run in parallel, each `{StartAt, States}`. Required.',
  ItemProcessor: 'The states run for each item (`ProcessorConfig`, `StartAt`, `States`).',
  Iterator: 'Legacy name of `ItemProcessor`.',
  ItemsPath: 'JSONPath to the array to iterate (default `$`).',
  Items: 'JSONata: the array to iterate (an array or a `{% %}` expression).',
  ItemSelector: 'Template building each item input (`$$.Map.Item.Value` / `$states.context.Map.Item.Value`).',
  ItemReader: 'Where a Distributed Map reads its items (S3).',
  ItemBatcher: 'Groups items into batches.',
  ResultWriter: 'Where a Distributed Map writes its results (S3).',
  MaxConcurrency: 'Maximum iterations running at once (0 = no limit).',
  MaxConcurrencyPath: 'Reference path to MaxConcurrency.',
  ToleratedFailurePercentage: 'Percentage of failed items tolerated before the Map fails.',
  ToleratedFailurePercentagePath: 'Reference path to ToleratedFailurePercentage.',
  ToleratedFailureCount: 'Number of failed items tolerated before the Map fails.',
  ToleratedFailureCountPath: 'Reference path to ToleratedFailureCount.',
  Label: 'A label for the Distributed Map run.',
  ProcessorConfig: '`Mode` (INLINE or DISTRIBUTED) and `ExecutionType` of the item processor.',
  Mode: '`INLINE` (default) or `DISTRIBUTED`.',
  ExecutionType: 'Child workflow type of a Distributed Map: `STANDARD` or `EXPRESS`.',
  ErrorEquals: 'The error names this Retrier/Catcher matches. Required.',
  IntervalSeconds: 'Seconds before the first retry (default 1).',
  MaxAttempts: 'Maximum retries (default 3; 0 = never retry).',
  BackoffRate: 'Multiplier of the interval after each retry (default 2.0).',
  MaxDelaySeconds: 'Upper bound of the retry interval.',
  JitterStrategy: '`FULL` randomises retry intervals; `NONE` (default) does not.',
  Variable: 'JSONPath of the value the rule compares.',
  And: 'Matches when every nested rule matches.',
  Or: 'Matches when any nested rule matches.',
  Not: 'Matches when the nested rule does not match.',
  Condition: 'JSONata: a boolean expression; the rule matches when it is true.',
  ReaderConfig: 'How to read items (`InputType`, CSV options, `MaxItems`).',
  InputType: 'The item source format.',
  CSVHeaderLocation: '`FIRST_ROW` or `GIVEN` (with `CSVHeaders`).',
  CSVHeaders: 'Column names when `CSVHeaderLocation` is `GIVEN`.',
  CSVDelimiter: 'The CSV field delimiter.',
  ManifestType: 'The manifest type (e.g. `S3_INVENTORY`).',
  MaxItems: 'Maximum items to read.',
  MaxItemsPath: 'Reference path to MaxItems.',
  MaxItemsPerBatch: 'Maximum items per batch.',
  MaxItemsPerBatchPath: 'Reference path to MaxItemsPerBatch.',
  MaxInputBytesPerBatch: 'Maximum bytes per batch.',
  MaxInputBytesPerBatchPath: 'Reference path to MaxInputBytesPerBatch.',
  BatchInput: 'Fixed input added to every batch.',
  WriterConfig: '`OutputType` and `Transformation` of the results.',
  OutputType: 'The results format: `JSON` or `JSONL`.',
  Transformation: 'How results are shaped: `NONE`, `COMPACT` or `FLATTEN`.',
};

/** The doc of a field or Choice operator. */
export function fieldDoc(name: string): string {
  const known = FIELD_DOCS[name];
  if (known) return known;
  const m =
    /^(String|Numeric|Timestamp|Boolean)(Equals|LessThan|GreaterThan|LessThanEquals|GreaterThanEquals|Matches)(Path)?$/.exec(
      name,
    );
  if (m) {
    const against = m[3] ? 'the value at a path' : 'a literal';
    const how = m[2] === 'Matches' ? 'with `*` wildcards' : `(${m[2]})`;
    return `${OPERATOR_DOC[m[1]]} ${how}; the right side is ${against}.`;
  }
  const is = /^Is(Null|Present|Numeric|String|Boolean|Timestamp)$/.exec(name);
  if (is) {
    return `Tests whether \`Variable\` ${is[1] === 'Present' ? 'exists' : `is ${is[1].toLowerCase()}`} (true) or not (false).`;
  }
  return `The \`${name}\` field.`;
}

/** Docs of the state types, for `Type` values and state snippets. */
export const STATE_TYPE_DOCS: Record<string, string> = {
  Task: 'Runs work: a service integration, a Lambda function or an activity.',
  Pass: 'Passes its input (or a fixed Result) to its output.',
  Choice: 'Branches on Choice rules.',
  Wait: 'Waits for a time or until a timestamp.',
  Succeed: 'Ends the execution (or branch) successfully.',
  Fail: 'Ends the execution (or branch) with an error and cause.',
  Parallel: 'Runs branches in parallel; the result is the array of branch outputs.',
  Map: 'Runs an item processor for each item of an array (or S3 source).',
};
