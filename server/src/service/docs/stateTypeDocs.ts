/**
 * Documentation of the eight state types (facts from docs/asl-facts.md sections 1 and 4, worded here);
 * the list of fields each accepts is read from schema/fieldTables.
 * Depends on asl/ types, schema/fieldTables and ./docEntry; pure.
 */
import { type StateType, isStateType } from '../../asl';
import { STATE_FIELDS } from '../../schema/fieldTables';
import { type DocEntry, jsonBlock, paragraphs } from './docEntry';

interface StateTypeText {
  summary: string;
  details: string;
  example: string;
}

const TEXTS: Record<StateType, StateTypeText> = {
  Task: {
    summary: 'Runs one unit of work: a service integration, a Lambda function, an HTTP call or an activity.',
    details:
      'Needs `Resource` and one of `Next`/`End`. Handles failures with `Retry` and `Catch`; bound its run time with `TimeoutSeconds` (and `HeartbeatSeconds` for callbacks).',
    example: '"Charge": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Ship" }',
  },
  Pass: {
    summary: 'Passes its input to its output, optionally reshaping it or injecting fixed data; does no work.',
    details: 'Handy for shaping data and for stubbing out states while building a workflow.',
    example:
      '"Init": { "Type": "Pass", "Result": { "count": 0 }, "ResultPath": "$.counter", "Next": "Loop" }',
  },
  Choice: {
    summary: 'Branches: goes to the Next of the first Choice Rule that matches, else to Default.',
    details:
      'Has no `Next` or `End` of its own. With no match and no `Default` it fails with `States.NoChoiceMatched`.',
    example:
      '"Route": { "Type": "Choice", "Choices": [{ "Variable": "$.total", "NumericGreaterThan": 100, "Next": "Review" }], "Default": "Approve" }',
  },
  Wait: {
    summary: 'Pauses the execution for a number of seconds or until a timestamp.',
    details: 'Exactly one of `Seconds`, `Timestamp`, `SecondsPath`, `TimestampPath`.',
    example: '"Pause": { "Type": "Wait", "Seconds": 10, "Next": "Poll" }',
  },
  Succeed: {
    summary: 'Ends the execution (or the branch / iteration) successfully.',
    details: 'A terminal state: no `Next`, no `End`.',
    example: '"Done": { "Type": "Succeed" }',
  },
  Fail: {
    summary: 'Ends the execution (or the branch / iteration) with an error name and a cause.',
    details:
      'A terminal state: no `Next`, no `End`. Its error can be caught by an enclosing Parallel or Map.',
    example: '"Rejected": { "Type": "Fail", "Error": "OrderRejected", "Cause": "Card declined" }',
  },
  Parallel: {
    summary: 'Runs several branches at the same time and outputs the array of their outputs.',
    details:
      'Each branch is a nested state machine with its own `StartAt`/`States`. If a branch fails the whole state fails, unless caught.',
    example:
      '"FanOut": { "Type": "Parallel", "Branches": [{ "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true } } }], "Next": "Join" }',
  },
  Map: {
    summary:
      'Runs a nested state machine (ItemProcessor) for each item of an array and outputs the array of results.',
    details:
      'Inline mode runs iterations in this execution; Distributed mode (ProcessorConfig.Mode DISTRIBUTED) runs them as child executions and can read items from S3 (ItemReader), batch them and write results to S3.',
    example:
      '"EachLine": { "Type": "Map", "ItemsPath": "$.lines", "ItemProcessor": { "StartAt": "Ship", "States": { "Ship": { "Type": "Pass", "End": true } } }, "End": true }',
  },
};

/** Documentation of a state type (`Task`, `Map`, ...); undefined for anything else. */
export function stateTypeDoc(type: string): DocEntry | undefined {
  if (!isStateType(type)) return undefined;
  const text = TEXTS[type];
  const fields = STATE_FIELDS[type];
  const names = (language: 'JSONPath' | 'JSONata') =>
    Object.keys(fields)
      .filter((f) => fields[f].languages === 'both' || fields[f].languages === language)
      .map((f) => (fields[f].required ? `\`${f}\`*` : `\`${f}\``))
      .join(', ');
  return {
    summary: text.summary,
    markdown: paragraphs(
      `**\`${type}\`** state`,
      text.summary,
      text.details,
      `Fields (JSONPath): ${names('JSONPath')}\n\nFields (JSONata): ${names('JSONata')}\n\n\\* required`,
      jsonBlock(text.example),
    ),
  };
}
