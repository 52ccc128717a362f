/**
 * Documentation texts for the fields of states and of the top level (facts from docs/asl-facts.md
 * sections 0, 1, 4 and 7, worded here). Which state types and query languages accept a field is NOT
 * written here: fieldDocs reads that from schema/fieldTables. Pure data: depends on ./docEntry only.
 */
import type { FieldText } from './docEntry';

/** Texts by field name for state objects (keys `<Context>.<Field>` override one context). */
export const STATE_FIELD_TEXTS: Record<string, FieldText> = {
  Type: {
    summary: 'The kind of state: Task, Pass, Choice, Wait, Succeed, Fail, Parallel or Map.',
    type: 'string (one of the eight state types)',
    details: 'Required in every state. The type decides which other fields are allowed.',
    example: '"Type": "Task"',
  },
  Comment: {
    summary: 'A human-readable description; ignored when the workflow runs.',
    type: 'string',
    example: '"Comment": "Charges the card and records the payment"',
  },
  QueryLanguage: {
    summary: 'The query language of expressions in this state: JSONPath or JSONata.',
    type: '"JSONPath" | "JSONata"',
    default: 'the top-level QueryLanguage (JSONPath when unset)',
    details:
      'A state may switch a JSONPath machine to JSONata, not the reverse: AWS rejects `"JSONPath"` in a state of a machine whose top level is JSONata. States nested in Parallel branches and Map processors default to the top-level language, not to their enclosing state.',
    example: '"QueryLanguage": "JSONata"',
  },
  Next: {
    summary: 'The name of the state to run after this one.',
    type: 'string (a state name in the same States block)',
    details:
      'Every non-terminal state except Choice needs exactly one of `Next` or `"End": true`. The target must be in the same `States` block: states inside a Parallel branch or Map processor cannot be targeted from outside, nor can they leave it.',
    example: '"Next": "ChargeCard"',
  },
  End: {
    summary: 'Marks this state as terminal: the execution (or branch/iteration) ends after it.',
    type: 'boolean (true)',
    details: 'Use instead of `Next`. Choice, Succeed and Fail states must not have `End`.',
    example: '"End": true',
  },
  Assign: {
    summary: 'Stores workflow variables when the state completes.',
    type: 'object (variable name → value or expression)',
    details:
      'Every right-hand side sees variable values as they were when the state was entered; new values take effect in the next state. In JSONPath states, keys ending in `.$` take a path or an intrinsic; `$` is the result in Task/Map/Parallel/Pass and the input in Choice and Wait. In JSONata states values may be `{% %}` expressions. Names are identifiers up to 80 characters; `states` is reserved. An inner scope (branch, iteration) must not assign a name that exists in an outer scope.',
    example: '"Assign": { "orderId": "{% $states.input.id %}", "attempts": 0 }',
  },
  Output: {
    summary: 'The state output, built from a JSONata expression or a JSON template (JSONata only).',
    type: 'any JSON value; strings wrapped in {% %} are evaluated',
    default: 'the result (Task, Map, Parallel) or the state input (other types)',
    details:
      'May read `$states.input`, `$states.context` and variables; in Task, Map and Parallel also `$states.result`.',
    example: '"Output": { "total": "{% $sum($states.result.items.price) %}" }',
    instead: 'OutputPath, ResultPath, ResultSelector in JSONPath states',
  },
  Arguments: {
    summary: 'The input sent to the task or to each branch (JSONata only).',
    type: 'object or JSONata string',
    default: 'the state input',
    details: 'May read `$states.input`, `$states.context` and variables, never `$states.result`.',
    example: '"Arguments": { "FunctionName": "ship", "Payload": "{% $states.input.order %}" }',
    instead: 'Parameters (with InputPath) in JSONPath states',
  },
  InputPath: {
    summary: 'Selects the part of the raw state input the state works on (JSONPath only).',
    type: 'Path string or null',
    default: '"$" (the whole input)',
    details: '`null` makes the effective input `{}`. First step of the JSONPath input/output pipeline.',
    example: '"InputPath": "$.order"',
    instead: 'Arguments or Output expressions over `$states.input` in JSONata states',
  },
  OutputPath: {
    summary: 'Selects the part of the state output passed to the next state (JSONPath only).',
    type: 'Path string or null',
    default: '"$"',
    details: 'Applied last, after ResultPath. `null` makes the output `{}`.',
    example: '"OutputPath": "$.result"',
    instead: 'Output in JSONata states',
  },
  Parameters: {
    summary: 'A payload template building the effective input (JSONPath only).',
    type: 'any JSON value (payload template)',
    details:
      'Keys ending in `.$` take a path (`$.x` input, `$$.x` context object, `$var` variable) or an intrinsic function such as `States.Format(...)`; other keys are copied as they are. Keys must stay unique once `.$` is removed.',
    example: '"Parameters": { "FunctionName": "ship", "Payload.$": "$.order" }',
    instead: 'Arguments in JSONata states',
  },
  'Map.Parameters': {
    summary: 'Deprecated name of ItemSelector: the template applied to each item (JSONPath only).',
    type: 'any JSON value (payload template)',
    details: 'Use `ItemSelector` instead; a Map may have at most one of the two.',
    example: '"Parameters": { "item.$": "$$.Map.Item.Value" }',
    instead: 'ItemSelector',
  },
  ResultSelector: {
    summary: 'A payload template applied to the raw result before ResultPath (JSONPath only).',
    type: 'object (payload template over the result)',
    example: '"ResultSelector": { "body.$": "$.Payload.body" }',
    instead: 'Output in JSONata states',
  },
  ResultPath: {
    summary: 'Where the result is placed inside the raw state input (JSONPath only).',
    type: 'Reference Path string or null',
    default: '"$" (the result replaces the input)',
    details:
      '`null` discards the result and keeps the input. Missing intermediate objects are created. It must not start with `$$` nor name a variable. If it cannot be applied the state fails with `States.ResultPathMatchFailure`.',
    example: '"ResultPath": "$.payment"',
    instead: 'Output in JSONata states',
  },
  Retry: {
    summary: 'Retriers tried in order when the state fails with a matching error.',
    type: 'array of Retrier objects',
    details:
      'Only the first Retrier whose `ErrorEquals` matches is used; when its `MaxAttempts` are spent, retrying stops and Catch is consulted. `States.ALL` may only appear in the last Retrier.',
    example:
      '"Retry": [{ "ErrorEquals": ["States.TaskFailed"], "IntervalSeconds": 2, "MaxAttempts": 3, "BackoffRate": 2 }]',
  },
  Catch: {
    summary: 'Catchers tried in order after retries are exhausted: the first match goes to its Next.',
    type: 'array of Catcher objects',
    details:
      'The Catcher passes the error output `{ "Error", "Cause" }` on. With no matching Catcher the state fails (and with it the execution, unless an enclosing Parallel/Map handles it).',
    example: '"Catch": [{ "ErrorEquals": ["States.ALL"], "Next": "NotifyFailure" }]',
  },
  Result: {
    summary: 'A fixed value the Pass state outputs as its result (JSONPath only).',
    type: 'any JSON value',
    default: 'the effective input',
    details: 'Placed into the input by ResultPath, like a task result.',
    example: '"Result": { "status": "ok" }',
    instead: 'Output in JSONata states',
  },
  Resource: {
    summary: 'The ARN of the work the Task runs: a service integration, a Lambda function or an activity.',
    type: 'string (ARN)',
    details:
      'Shapes: `arn:aws:states:::<service>:<action>[.sync|.sync:2|.waitForTaskToken]` (optimized integration), `arn:aws:states:::aws-sdk:<service>:<action>` (SDK integration, no `.sync`), `arn:aws:states:::http:invoke`, a Lambda function ARN, or an activity ARN. `.sync` waits for the job, `.waitForTaskToken` for a callback with the task token. Express workflows accept neither, nor activities.',
    example: '"Resource": "arn:aws:states:::lambda:invoke"',
  },
  TimeoutSeconds: {
    summary: 'Seconds the Task may run before it fails with States.Timeout.',
    type: 'positive integer (in JSONata also a JSONata string)',
    limits: '1 to 99,999,999; at most one of TimeoutSeconds and TimeoutSecondsPath',
    details:
      'The spec says 60 by default, but AWS waits as long as the execution may run: set it, or a task that never answers keeps the execution open.',
    example: '"TimeoutSeconds": 300',
  },
  TimeoutSecondsPath: {
    summary: 'A Reference Path to the Task timeout in the input (JSONPath only).',
    type: 'Reference Path string → positive integer',
    example: '"TimeoutSecondsPath": "$.timeout"',
    instead: 'TimeoutSeconds with a JSONata string',
  },
  HeartbeatSeconds: {
    summary: 'Seconds allowed between heartbeats before the Task fails with States.Timeout.',
    type: 'positive integer (in JSONata also a JSONata string)',
    limits:
      '1 to 99,999,999 and less than TimeoutSeconds; at most one of HeartbeatSeconds and HeartbeatSecondsPath',
    details: 'Catch a missed heartbeat by name with `States.HeartbeatTimeout`.',
    example: '"HeartbeatSeconds": 60',
  },
  HeartbeatSecondsPath: {
    summary: 'A Reference Path to the heartbeat interval in the input (JSONPath only).',
    type: 'Reference Path string → positive integer',
    example: '"HeartbeatSecondsPath": "$.heartbeat"',
    instead: 'HeartbeatSeconds with a JSONata string',
  },
  Credentials: {
    summary: 'An IAM role the Task assumes to call its resource (cross-account tasks).',
    type: 'object with RoleArn',
    details: 'AWS requires `RoleArn` (in JSONPath also `RoleArn.$` with a path or intrinsic).',
    example: '"Credentials": { "RoleArn": "arn:aws:iam::111122223333:role/Target" }',
  },
  Choices: {
    summary: 'The Choice Rules, tried in order: the first that matches decides the next state.',
    type: 'non-empty array of Choice Rules',
    details:
      'JSONPath rules test a `Variable` with one comparison operator (or combine rules with And/Or/Not); JSONata rules have a `Condition`. When none matches, `Default` is taken, otherwise the state fails with `States.NoChoiceMatched`.',
    example: '"Choices": [{ "Variable": "$.amount", "NumericGreaterThan": 100, "Next": "Review" }]',
  },
  Default: {
    summary: 'The state to go to when no Choice Rule matches.',
    type: 'string (a state name in the same States block)',
    details: 'Without it, a Choice that matches nothing fails with `States.NoChoiceMatched`.',
    example: '"Default": "Approve"',
  },
  'Choice.Assign': {
    summary: 'Variables stored when no Choice Rule matched (a matching rule uses its own Assign).',
    type: 'object (variable name → value or expression)',
    details: 'In JSONPath, `$` is the input after InputPath.',
    example: '"Assign": { "route": "default" }',
  },
  'Choice.Output': {
    summary: 'The output when no Choice Rule matched (JSONata only; a matching rule uses its own Output).',
    type: 'any JSON value; strings wrapped in {% %} are evaluated',
    default: 'the state input',
    example: '"Output": "{% $states.input %}"',
    instead: 'OutputPath in JSONPath states',
  },
  Seconds: {
    summary: 'How many seconds the Wait state waits.',
    type: 'non-negative integer (in JSONata also a JSONata string)',
    limits: '0 to 99,999,999; exactly one of Seconds, Timestamp, SecondsPath, TimestampPath',
    example: '"Seconds": 30',
  },
  SecondsPath: {
    summary: 'A Reference Path to the number of seconds to wait (JSONPath only).',
    type: 'Reference Path string → non-negative integer',
    example: '"SecondsPath": "$.delay"',
    instead: 'Seconds with a JSONata string',
  },
  Timestamp: {
    summary: 'The time until which the Wait state waits.',
    type: 'RFC 3339 timestamp string (in JSONata also a JSONata string)',
    details: 'Upper-case `T` between date and time and upper-case `Z` when there is no offset.',
    example: '"Timestamp": "2026-03-14T01:59:00Z"',
  },
  TimestampPath: {
    summary: 'A Reference Path to the timestamp to wait until (JSONPath only).',
    type: 'Reference Path string → RFC 3339 timestamp',
    example: '"TimestampPath": "$.notBefore"',
    instead: 'Timestamp with a JSONata string',
  },
  Error: {
    summary: 'The error name the Fail state reports.',
    type: 'string (in JSONata also a JSONata string)',
    details: 'Custom names must not start with `States.`. At most one of Error and ErrorPath.',
    example: '"Error": "OrderRejected"',
  },
  ErrorPath: {
    summary: 'A Reference Path or intrinsic producing the error name (JSONPath only).',
    type: 'Reference Path or intrinsic → string',
    example: '"ErrorPath": "$.failure.name"',
    instead: 'Error with a JSONata string',
  },
  Cause: {
    summary: 'A human-readable description of why the Fail state failed.',
    type: 'string (in JSONata also a JSONata string)',
    details: 'At most one of Cause and CausePath.',
    example: '"Cause": "The card was declined"',
  },
  CausePath: {
    summary: 'A Reference Path or intrinsic producing the cause text (JSONPath only).',
    type: 'Reference Path or intrinsic → string',
    example: '"CausePath": "States.Format(\'Order {} rejected\', $.id)"',
    instead: 'Cause with a JSONata string',
  },
  Branches: {
    summary: 'The branches the Parallel state runs concurrently, each a nested state machine.',
    type: 'non-empty array of { StartAt, States, Comment? }',
    details:
      'Every branch gets the same input. The result is the array of branch outputs in branch order. If one branch fails, the state fails (the others are stopped).',
    example: '"Branches": [{ "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true } } }]',
  },
  ItemProcessor: {
    summary: 'The nested state machine the Map state runs for each item.',
    type: 'object { StartAt, States, ProcessorConfig? }',
    details: 'Exactly one of ItemProcessor and the deprecated Iterator.',
    example:
      '"ItemProcessor": { "ProcessorConfig": { "Mode": "INLINE" }, "StartAt": "Ship", "States": { "Ship": { "Type": "Pass", "End": true } } }',
  },
  Iterator: {
    summary: 'Deprecated name of ItemProcessor: the state machine run for each item.',
    type: 'object { StartAt, States }',
    details: 'Use `ItemProcessor` instead; a Map must not have both.',
    example: '"Iterator": { "StartAt": "Ship", "States": { "Ship": { "Type": "Pass", "End": true } } }',
  },
  ItemsPath: {
    summary: 'A Reference Path to the array the Map iterates over (JSONPath only).',
    type: 'Reference Path string',
    default: '"$" (the effective input must be an array)',
    example: '"ItemsPath": "$.order.lines"',
    instead: 'Items',
  },
  Items: {
    summary: 'The array the Map iterates over (JSONata only).',
    type: 'JSON array or JSONata string → array',
    default: 'the state input',
    example: '"Items": "{% $states.input.order.lines %}"',
    instead: 'ItemsPath',
  },
  ItemSelector: {
    summary: 'A template building the input of each iteration from the item and the state input.',
    type: 'any JSON value (payload template / JSONata)',
    details:
      'The current item is `$$.Map.Item.Value` (JSONPath) or `$states.context.Map.Item.Value` (JSONata); its index is `Map.Item.Index`.',
    example: '"ItemSelector": { "line.$": "$$.Map.Item.Value", "orderId.$": "$.id" }',
  },
  ItemReader: {
    summary: 'Reads the items from an external source such as an S3 object or listing (Distributed Map).',
    type: 'object { Resource, ReaderConfig?, Parameters? | Arguments? }',
    example:
      '"ItemReader": { "Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": { "InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW" }, "Parameters": { "Bucket": "b", "Key": "k.csv" } }',
  },
  ItemBatcher: {
    summary: 'Groups items into batches so each child execution handles several items (Distributed Map).',
    type: 'object { MaxItemsPerBatch?, MaxInputBytesPerBatch?, BatchInput? }',
    details: 'At least one size limit is required.',
    example: '"ItemBatcher": { "MaxItemsPerBatch": 100 }',
  },
  ResultWriter: {
    summary: 'Writes the Map results to S3 instead of returning them (Distributed Map).',
    type: 'object { Resource, Parameters? | Arguments?, WriterConfig? }',
    example:
      '"ResultWriter": { "Resource": "arn:aws:states:::s3:putObject", "Parameters": { "Bucket": "results", "Prefix": "run" } }',
  },
  MaxConcurrency: {
    summary: 'The most iterations the Map runs at the same time.',
    type: 'non-negative integer (in JSONata also a JSONata string)',
    default: '0 (no limit)',
    details:
      '`1` runs the items one after another in input order. At most one of MaxConcurrency and MaxConcurrencyPath.',
    example: '"MaxConcurrency": 10',
  },
  MaxConcurrencyPath: {
    summary: 'A Reference Path to the concurrency limit (JSONPath only).',
    type: 'Reference Path string → non-negative integer',
    example: '"MaxConcurrencyPath": "$.parallelism"',
    instead: 'MaxConcurrency with a JSONata string',
  },
  ToleratedFailurePercentage: {
    summary: 'The share of items that may fail before the Map fails.',
    type: 'number 0–100 (fractions allowed; in JSONata also a JSONata string)',
    details:
      'Passing the threshold fails the state with `States.ExceedToleratedFailureThreshold`. At most one of this field and its Path form.',
    example: '"ToleratedFailurePercentage": 5',
  },
  ToleratedFailurePercentagePath: {
    summary: 'A Reference Path to the tolerated failure percentage (JSONPath only).',
    type: 'Reference Path string → number 0–100',
    example: '"ToleratedFailurePercentagePath": "$.tolerance"',
    instead: 'ToleratedFailurePercentage with a JSONata string',
  },
  ToleratedFailureCount: {
    summary: 'The number of items that may fail before the Map fails.',
    type: 'non-negative integer (in JSONata also a JSONata string)',
    details:
      'Passing the threshold fails the state with `States.ExceedToleratedFailureThreshold`. At most one of this field and its Path form.',
    example: '"ToleratedFailureCount": 10',
  },
  ToleratedFailureCountPath: {
    summary: 'A Reference Path to the tolerated failure count (JSONPath only).',
    type: 'Reference Path string → non-negative integer',
    example: '"ToleratedFailureCountPath": "$.maxFailures"',
    instead: 'ToleratedFailureCount with a JSONata string',
  },
  Label: {
    summary: 'A label for the Map Run and its child executions (Distributed Map).',
    type: 'string',
    limits: '1–40 characters; no whitespace, control characters or characters forbidden in names',
    example: '"Label": "ProcessOrders"',
  },
  // Top level.
  'Root.StartAt': {
    summary: 'The name of the state the execution starts in.',
    type: 'string (a key of States)',
    details: 'Must equal one state name of the top-level `States` exactly (case-sensitive).',
    example: '"StartAt": "Validate"',
  },
  'Root.States': {
    summary: 'The states of the machine, keyed by state name.',
    type: 'object (state name → state)',
    details:
      'State names are unique across the whole machine, nested blocks included, and at most 80 characters long.',
    example: '"States": { "Validate": { "Type": "Pass", "End": true } }',
  },
  'Root.Comment': {
    summary: 'A description of the state machine.',
    type: 'string',
    example: '"Comment": "Processes an order from payment to shipping"',
  },
  'Root.Version': {
    summary: 'The ASL version the definition is written in.',
    type: 'string',
    default: '"1.0"',
    example: '"Version": "1.0"',
  },
  'Root.TimeoutSeconds': {
    summary: 'Seconds the whole execution may run before it fails with States.Timeout.',
    type: 'positive integer',
    details: 'Without it a Standard execution may run up to one year, an Express one five minutes.',
    example: '"TimeoutSeconds": 3600',
  },
  'Root.QueryLanguage': {
    summary: 'The default query language of every state: JSONPath or JSONata.',
    type: '"JSONPath" | "JSONata"',
    default: '"JSONPath"',
    details:
      'States may switch from JSONPath to JSONata one by one; a JSONata machine does not accept JSONPath states.',
    example: '"QueryLanguage": "JSONata"',
  },
};
