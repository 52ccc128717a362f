/**
 * Documentation texts for the fields of nested ASL objects: Retrier, Catcher, Choice Rule (its
 * non-operator fields), Parallel branch, ItemProcessor and ProcessorConfig, ItemReader/ReaderConfig,
 * ItemBatcher, ResultWriter/WriterConfig, Credentials (facts from docs/asl-facts.md sections 1, 5, 6).
 * Keys are `<Context>.<Field>`. Pure data: depends on ./docEntry only.
 */
import type { FieldText } from './docEntry';

const errorEquals = (what: string): FieldText => ({
  summary: `The error names this ${what} handles.`,
  type: 'non-empty array of error names',
  details:
    'Names are case-sensitive. `States.ALL` matches any error (except `States.Runtime`) and must be the only name of the last ' +
    what +
    '. `States.TaskFailed` matches any task error except `States.Timeout`. Custom names come from Fail states and task errors (e.g. `Lambda.ServiceException`).',
  example: '"ErrorEquals": ["States.Timeout", "Lambda.ServiceException"]',
});

const startAt = (what: string): FieldText => ({
  summary: `The name of the first state of this ${what}.`,
  type: 'string (a key of this States block)',
  example: '"StartAt": "First"',
});

const states = (what: string): FieldText => ({
  summary: `The states of this ${what}, keyed by name.`,
  type: 'object (state name → state)',
  details: `States inside may only transition among themselves; nothing outside the ${what} can target them.`,
  example: '"States": { "First": { "Type": "Pass", "End": true } }',
});

export const NESTED_FIELD_TEXTS: Record<string, FieldText> = {
  'Retrier.ErrorEquals': errorEquals('Retrier'),
  'Retrier.IntervalSeconds': {
    summary: 'Seconds before the first retry.',
    type: 'positive integer (a literal)',
    default: '1',
    limits: '1 to 99,999,999',
    example: '"IntervalSeconds": 3',
  },
  'Retrier.MaxAttempts': {
    summary: 'The most retries of this Retrier; 0 means never retry these errors.',
    type: 'non-negative integer (a literal)',
    default: '3',
    limits: '0 to 99,999,999',
    details: 'The count is per Retrier and lasts for the whole stay in the state.',
    example: '"MaxAttempts": 5',
  },
  'Retrier.BackoffRate': {
    summary: 'The multiplier applied to the delay after each retry.',
    type: 'number ≥ 1.0 (a literal)',
    default: '2.0',
    details: 'Delay of retry n = IntervalSeconds × BackoffRate^(n−1), capped by MaxDelaySeconds.',
    example: '"BackoffRate": 1.5',
  },
  'Retrier.MaxDelaySeconds': {
    summary: 'The longest delay between retries, whatever the backoff.',
    type: 'positive integer (a literal)',
    limits: '1 to 31,622,400 (366 days)',
    example: '"MaxDelaySeconds": 60',
  },
  'Retrier.JitterStrategy': {
    summary: 'Randomises retry delays to spread retries out.',
    type: '"FULL" | "NONE"',
    default: '"NONE"',
    details: 'With `FULL` each delay is a uniform random value between 0 and the computed delay.',
    example: '"JitterStrategy": "FULL"',
  },
  'Retrier.Comment': {
    summary: 'A description of this Retrier.',
    type: 'string',
    example: '"Comment": "Throttling"',
  },
  'Catcher.ErrorEquals': errorEquals('Catcher'),
  'Catcher.Next': {
    summary: 'The state to go to when this Catcher matches.',
    type: 'string (a state name in the same States block)',
    example: '"Next": "HandleFailure"',
  },
  'Catcher.ResultPath': {
    summary: 'Where the error output {Error, Cause} is placed in the state input (JSONPath only).',
    type: 'Reference Path string or null',
    default: '"$" (the error output replaces the input)',
    details: 'Must not name a variable.',
    example: '"ResultPath": "$.error"',
    instead: 'Output with `$states.errorOutput`',
  },
  'Catcher.Output': {
    summary: 'The output passed to the Catcher’s Next (JSONata only).',
    type: 'any JSON value; strings wrapped in {% %} are evaluated',
    default: 'the error output { "Error", "Cause" }',
    details: 'May read `$states.input`, `$states.context` and `$states.errorOutput`.',
    example: '"Output": { "input": "{% $states.input %}", "error": "{% $states.errorOutput %}" }',
    instead: 'ResultPath',
  },
  'Catcher.Assign': {
    summary: 'Variables stored when this Catcher matches; replaces the state’s own Assign.',
    type: 'object (variable name → value or expression)',
    details: 'In JSONPath, `$` is the error output; in JSONata use `$states.errorOutput`.',
    example: '"Assign": { "lastError": "{% $states.errorOutput.Error %}" }',
  },
  'Catcher.Comment': {
    summary: 'A description of this Catcher.',
    type: 'string',
    example: '"Comment": "Anything else"',
  },
  'ChoiceRule.Next': {
    summary: 'The state to go to when this rule matches.',
    type: 'string (a state name in the same States block)',
    details: 'Required on top-level rules; not allowed inside And/Or/Not.',
    example: '"Next": "Approve"',
  },
  'ChoiceRule.Variable': {
    summary: 'The path whose value the comparison operator tests (JSONPath only).',
    type: 'Path string (`$.x` input, `$$.x` context object, `$var` variable)',
    details:
      'Evaluated against the effective input (after InputPath). A missing path is a runtime error for every operator except `IsPresent`.',
    example: '"Variable": "$.order.total"',
    instead: 'Condition',
  },
  'ChoiceRule.Condition': {
    summary: 'A JSONata expression (or true/false) deciding whether this rule matches (JSONata only).',
    type: 'boolean or JSONata string → boolean',
    example: '"Condition": "{% $states.input.total > 100 %}"',
    instead: 'Variable with a comparison operator',
  },
  'ChoiceRule.And': {
    summary: 'Matches when every nested rule matches (JSONPath only).',
    type: 'non-empty array of Choice Rules (without Next)',
    details: 'Evaluation stops at the first rule that does not match.',
    example:
      '"And": [{ "Variable": "$.a", "IsPresent": true }, { "Variable": "$.a", "NumericGreaterThan": 0 }]',
    instead: 'Condition with `and`',
  },
  'ChoiceRule.Or': {
    summary: 'Matches when at least one nested rule matches (JSONPath only).',
    type: 'non-empty array of Choice Rules (without Next)',
    details: 'Evaluation stops at the first rule that matches.',
    example:
      '"Or": [{ "Variable": "$.tier", "StringEquals": "gold" }, { "Variable": "$.vip", "BooleanEquals": true }]',
    instead: 'Condition with `or`',
  },
  'ChoiceRule.Not': {
    summary: 'Matches when the nested rule does not match (JSONPath only).',
    type: 'one Choice Rule (without Next)',
    example: '"Not": { "Variable": "$.type", "StringEquals": "Private" }',
    instead: 'Condition with `$not(...)`',
  },
  'ChoiceRule.Assign': {
    summary: 'Variables stored when this rule matches; replaces the Choice state’s Assign.',
    type: 'object (variable name → value or expression)',
    example: '"Assign": { "route": "review" }',
  },
  'ChoiceRule.Output': {
    summary: 'The state output when this rule matches (JSONata only).',
    type: 'any JSON value; strings wrapped in {% %} are evaluated',
    default: 'the state input',
    example: '"Output": { "reason": "large order" }',
  },
  'ChoiceRule.Comment': {
    summary: 'A description of this rule.',
    type: 'string',
    example: '"Comment": "Big orders"',
  },
  'Branch.StartAt': startAt('branch'),
  'Branch.States': states('branch'),
  'Branch.Comment': {
    summary: 'A description of this branch.',
    type: 'string',
    example: '"Comment": "Notify"',
  },
  'ItemProcessor.StartAt': startAt('item processor'),
  'ItemProcessor.States': states('item processor'),
  'ItemProcessor.Comment': {
    summary: 'A description of the item processor.',
    type: 'string',
    example: '"Comment": "Per item"',
  },
  'ItemProcessor.ProcessorConfig': {
    summary: 'How the items are processed: inline in this execution or as child executions.',
    type: 'object { Mode?, ExecutionType? }',
    example: '"ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS" }',
  },
  'ProcessorConfig.Mode': {
    summary: 'INLINE runs iterations inside this execution; DISTRIBUTED runs them as child executions.',
    type: '"INLINE" | "DISTRIBUTED"',
    default: '"INLINE"',
    details:
      'Inline iterations share the execution’s 25,000-event history. Distributed Map runs up to 10,000 child executions at once and allows ItemReader, ItemBatcher, ResultWriter and Label.',
    example: '"Mode": "DISTRIBUTED"',
  },
  'ProcessorConfig.ExecutionType': {
    summary: 'The workflow type of Distributed Map child executions.',
    type: '"STANDARD" | "EXPRESS"',
    details: 'Required by AWS when Mode is DISTRIBUTED.',
    example: '"ExecutionType": "EXPRESS"',
  },
  'ItemReader.Resource': {
    summary: 'The S3 action that reads the items.',
    type: 'string (ARN)',
    details:
      '`arn:aws:states:::s3:getObject` reads a CSV, JSON, JSONL, Parquet or manifest file; `arn:aws:states:::s3:listObjectsV2` iterates over an object listing.',
    example: '"Resource": "arn:aws:states:::s3:listObjectsV2"',
  },
  'ItemReader.ReaderConfig': {
    summary: 'How the source is read: file format, CSV headers, item limit.',
    type: 'object',
    example: '"ReaderConfig": { "InputType": "JSON", "MaxItems": 1000 }',
  },
  'ItemReader.Parameters': {
    summary: 'The S3 request (Bucket, Key or Prefix), as a payload template (JSONPath only).',
    type: 'object (payload template)',
    example: '"Parameters": { "Bucket": "input", "Key.$": "$.key" }',
    instead: 'Arguments',
  },
  'ItemReader.Arguments': {
    summary: 'The S3 request (Bucket, Key or Prefix) (JSONata only).',
    type: 'object or JSONata string',
    example: '"Arguments": { "Bucket": "input", "Key": "{% $states.input.key %}" }',
    instead: 'Parameters',
  },
  'ReaderConfig.InputType': {
    summary: 'The format of the file read by s3:getObject.',
    type: '"CSV" | "JSON" | "JSONL" | "MANIFEST" | "PARQUET"',
    example: '"InputType": "CSV"',
  },
  'ReaderConfig.CSVHeaderLocation': {
    summary: 'Where the CSV column names come from: the first row, or CSVHeaders.',
    type: '"FIRST_ROW" | "GIVEN"',
    example: '"CSVHeaderLocation": "FIRST_ROW"',
  },
  'ReaderConfig.CSVHeaders': {
    summary: 'The CSV column names, used with CSVHeaderLocation GIVEN.',
    type: 'array of strings',
    example: '"CSVHeaders": ["id", "name", "amount"]',
  },
  'ReaderConfig.CSVDelimiter': {
    summary: 'The character separating CSV fields.',
    type: '"COMMA" | "PIPE" | "SEMICOLON" | "SPACE" | "TAB"',
    default: '"COMMA"',
    example: '"CSVDelimiter": "SEMICOLON"',
  },
  'ReaderConfig.ManifestType': {
    summary: 'The kind of manifest file read when InputType is MANIFEST (e.g. an S3 Inventory manifest).',
    type: 'string',
    example: '"ManifestType": "S3_INVENTORY"',
  },
  'ReaderConfig.MaxItems': {
    summary: 'Reads at most this many items.',
    type: 'non-negative integer (in JSONata also a JSONata string)',
    default: 'no limit',
    example: '"MaxItems": 500',
  },
  'ReaderConfig.MaxItemsPath': {
    summary: 'A Reference Path to the item limit (JSONPath only).',
    type: 'Reference Path string → integer',
    example: '"MaxItemsPath": "$.limit"',
    instead: 'MaxItems with a JSONata string',
  },
  'ItemBatcher.MaxItemsPerBatch': {
    summary: 'The most items in one batch.',
    type: 'positive integer (in JSONata also a JSONata string)',
    example: '"MaxItemsPerBatch": 50',
  },
  'ItemBatcher.MaxItemsPerBatchPath': {
    summary: 'A Reference Path to the batch item limit (JSONPath only).',
    type: 'Reference Path string → positive integer',
    example: '"MaxItemsPerBatchPath": "$.batchSize"',
    instead: 'MaxItemsPerBatch with a JSONata string',
  },
  'ItemBatcher.MaxInputBytesPerBatch': {
    summary: 'The largest batch in bytes.',
    type: 'positive integer (in JSONata also a JSONata string)',
    limits: 'a batch is still bounded by the 256 KiB payload quota',
    example: '"MaxInputBytesPerBatch": 131072',
  },
  'ItemBatcher.MaxInputBytesPerBatchPath': {
    summary: 'A Reference Path to the batch byte limit (JSONPath only).',
    type: 'Reference Path string → positive integer',
    example: '"MaxInputBytesPerBatchPath": "$.batchBytes"',
    instead: 'MaxInputBytesPerBatch with a JSONata string',
  },
  'ItemBatcher.BatchInput': {
    summary: 'A fixed JSON object added to every batch (as BatchInput beside Items).',
    type: 'object (payload template / JSONata)',
    example: '"BatchInput": { "runId.$": "$$.Execution.Name" }',
  },
  'ResultWriter.Resource': {
    summary: 'The S3 action that stores the results.',
    type: 'string (ARN)',
    details: 'AWS uses `arn:aws:states:::s3:putObject`.',
    example: '"Resource": "arn:aws:states:::s3:putObject"',
  },
  'ResultWriter.Parameters': {
    summary: 'The destination (Bucket, Prefix) as a payload template (JSONPath only).',
    type: 'object (payload template)',
    example: '"Parameters": { "Bucket": "results", "Prefix": "runs" }',
    instead: 'Arguments',
  },
  'ResultWriter.Arguments': {
    summary: 'The destination (Bucket, Prefix) (JSONata only).',
    type: 'object or JSONata string',
    example: '"Arguments": { "Bucket": "results", "Prefix": "{% $states.input.runId %}" }',
    instead: 'Parameters',
  },
  'ResultWriter.WriterConfig': {
    summary: 'The format of the written results.',
    type: 'object { OutputType, Transformation? }',
    example: '"WriterConfig": { "OutputType": "JSONL", "Transformation": "COMPACT" }',
  },
  'WriterConfig.OutputType': {
    summary: 'The file format of the results.',
    type: '"JSON" | "JSONL"',
    example: '"OutputType": "JSON"',
  },
  'WriterConfig.Transformation': {
    summary: 'How much of each child execution’s record is written.',
    type: '"NONE" | "COMPACT" | "FLATTEN"',
    example: '"Transformation": "FLATTEN"',
  },
  'Credentials.RoleArn': {
    summary: 'The ARN of the IAM role the Task assumes.',
    type: 'string (ARN; in JSONata also a JSONata string)',
    example: '"RoleArn": "arn:aws:iam::111122223333:role/Target"',
  },
};
