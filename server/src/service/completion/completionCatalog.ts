/**
 * What completion offers, as data: predefined error names, the errors of well-known integrations by
 * Resource, Resource ARNs of service integrations (facts from docs/asl-facts.md, worded here). Docs of
 * fields, types, errors, context paths and functions come from service/docs; only what that catalog does
 * not describe carries a short doc here. Pure data: depends on nothing.
 */

export interface CatalogEntry {
  name: string;
  doc: string;
}

/** `States.*` error names usable in ErrorEquals (asl-facts §2), in the order offered; docs come from service/docs. */
export const STATES_ERROR_NAMES: readonly string[] = [
  'States.ALL',
  'States.Timeout',
  'States.TaskFailed',
  'States.Permissions',
  'States.HeartbeatTimeout',
  'States.DataLimitExceeded',
  'States.Runtime',
  'States.ResultPathMatchFailure',
  'States.ParameterPathFailure',
  'States.BranchFailed',
  'States.NoChoiceMatched',
  'States.IntrinsicFailure',
  'States.ExceedToleratedFailureThreshold',
  'States.ItemReaderFailed',
  'States.ResultWriterFailed',
  'States.QueryEvaluationError',
];

/** An integration error; `doc` only where the docs catalog does not describe the name. */
export interface IntegrationError {
  name: string;
  doc?: string;
}

/** Errors of well-known integrations, chosen by a test on the Task's Resource. */
export const INTEGRATION_ERRORS: ReadonlyArray<{ test: RegExp; errors: readonly IntegrationError[] }> = [
  {
    test: /:states:::lambda:invoke|:lambda:[^:]*:[^:]*:function:|^\$\{.*Lambda|Function.*Arn/i,
    errors: [
      { name: 'Lambda.ServiceException' },
      { name: 'Lambda.AWSLambdaException' },
      { name: 'Lambda.SdkClientException' },
      { name: 'Lambda.TooManyRequestsException' },
      { name: 'Lambda.ResourceNotFoundException' },
      { name: 'Lambda.Unknown' },
    ],
  },
  {
    test: /:states:::(aws-sdk:)?dynamodb:/i,
    errors: [
      { name: 'DynamoDB.ConditionalCheckFailedException' },
      { name: 'DynamoDB.ResourceNotFoundException', doc: 'The DynamoDB table does not exist.' },
      {
        name: 'DynamoDB.AmazonDynamoDBException',
        doc: 'A general DynamoDB service error (validation, throttling).',
      },
    ],
  },
  {
    test: /:states:::(aws-sdk:)?s3:/i,
    errors: [
      { name: 'S3.NoSuchKeyException' },
      { name: 'S3.NoSuchBucketException', doc: 'The S3 bucket does not exist.' },
    ],
  },
  {
    test: /:states:::(aws-sdk:)?sqs:/i,
    errors: [
      { name: 'SQS.AmazonSQSException' },
      { name: 'SQS.SdkClientException', doc: 'The client could not reach SQS.' },
    ],
  },
  {
    test: /:states:::(aws-sdk:)?sns:/i,
    errors: [
      { name: 'SNS.NotFoundException', doc: 'The SNS topic does not exist.' },
      { name: 'SNS.InvalidParameterException', doc: 'An SNS request parameter is invalid.' },
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
    errors: [{ name: 'States.Http.Socket' }],
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

/** Context object paths the docs catalog does not list (Distributed Map items), with their docs. */
export const EXTRA_CONTEXT_PATHS: readonly CatalogEntry[] = [
  { name: 'Map.Item.Key', doc: 'The key of the current item when a Distributed Map iterates a JSON object.' },
  {
    name: 'Map.Item.Source',
    doc: 'Where the current item was read from (Distributed Map with an ItemReader).',
  },
];

/** `$states` fields in JSONata expressions. */
export const STATES_FIELD_NAMES: readonly string[] = ['input', 'result', 'errorOutput', 'context'];
