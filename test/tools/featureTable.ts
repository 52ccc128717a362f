/**
 * Prints a markdown table of what completion offers and what hover shows at 20 positions across 5 real files
 * of ../shared/corpus/real-world (Retry/Catch, Choice, JSONata, Map, intrinsics; one YAML). A report tool,
 * not a test: `node out/tests/tools/featureTable.js`. Depends on the service only (no LSP transport).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import '../../server/src/asl/parseYaml';
import { createAslLanguageService } from '../../server/src/service/aslLanguageService';
import { type Hover, TextDocument } from '../../server/src/service/types';
import { corpusDir } from '../support/paths';

interface Probe {
  /** Text to find (first occurrence); the cursor goes `delta` characters into it. */
  needle: string;
  delta: number;
  what: string;
}

const at = (needle: string, prefix: string, what: string): Probe => ({ needle, delta: prefix.length, what });

const FILES: Array<{ file: string; probes: Probe[] }> = [
  {
    file: 'step-functions-agent/stacks__tools__batch_processor_state_machine_jsonata.asl.json',
    probes: [
      at(
        '"ErrorEquals": ["States.ALL"]',
        '"ErrorEquals": ["States.',
        'ErrorEquals name in a Catch (JSONata)',
      ),
      at('$states.context.Map.Item.Value', '$states.context.', 'JSONata `$states.context.` in ItemSelector'),
      at('"Items": "{% $csv_data', '"Items": "{% $csv', 'JSONata variable in Map Items'),
      at('"Next": "ProcessCSV"', '"Next": "Pro', 'Next target'),
    ],
  },
  {
    file: 'sfn-workflows-collection/quorum-with-parallel-pattern__statemachine__statemachine.asl.json',
    probes: [
      at('"uuid.$": "States.UUID()"', '"uuid.$": "States.UU', 'intrinsic name in a Parallel Parameters'),
      at('States.ArrayLength(', 'States.ArrayLength(', 'intrinsic argument (JSONPath)'),
      at('"NumericGreaterThanEqualsPath"', '"Numer', 'Choice comparison operator key'),
      at('"BackoffRate": 2', '"Back', 'Retrier field key'),
    ],
  },
  {
    file: 'sfn-workflows-collection/sfn-athena-results__statemachine__query-athena.asl.json',
    probes: [
      at("States.Format('SELECT", 'States.For', 'States.Format in a payload template'),
      at('"StringEquals": "SUCCEEDED"', '"String', 'Choice operator key'),
      at('"Lambda.ServiceException"', '"Lambda.Se', 'ErrorEquals name in a lambda:invoke Retry'),
      at('"Default": "Wait"', '"Default": "W', 'Choice Default target'),
    ],
  },
  {
    file: 'sfn-workflows-collection/sfn-dynamodb-batchwriteitem__statemachine__statemachine.asl.json',
    probes: [
      at('"ItemsPath": "$.Items"', '"ItemsPath": "$.', 'Map ItemsPath value (JSONPath)'),
      at('"ExecutionType": "EXPRESS"', '"ExecutionType": "EX', 'ProcessorConfig enum value'),
      at('"Resource": "arn:aws:states:::aws-sdk', '"Resource": "arn:aws:states:::', 'Resource ARN'),
      at('"MaxConcurrency": 1000', '"MaxConc', 'Map field key'),
    ],
  },
  {
    file: 'sfn-workflows-collection/human-task-reminder__statemachine__statemachine.asl.yaml',
    probes: [
      at('Variable: $.DDB.Item.taskComplete', 'Variable: $.', 'YAML: Choice Variable path'),
      at(
        'Resource: arn:aws:states:::sns:publish.waitForTaskToken',
        'Resource: arn:aws:states:::sns:',
        'YAML: Resource ARN',
      ),
      at('Type: Choice', 'Type: Ch', 'YAML: state Type value'),
      at('Next: Success', 'Next: Su', 'YAML: Next target'),
    ],
  },
];

function cell(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const short = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return short.replace(/\|/g, '\\|');
}

function hoverFirstLine(hover: Hover | undefined): string {
  if (!hover) return '(none)';
  const contents = hover.contents;
  const text = Array.isArray(contents)
    ? contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n')
    : typeof contents === 'string'
      ? contents
      : contents.value;
  // The first line with content (a code fence opening a signature block is skipped, its signature shown).
  return text.split('\n').find((line) => line.trim() !== '' && !line.startsWith('```')) ?? '(empty)';
}

function main(): number {
  const service = createAslLanguageService();
  const rows: string[] = [
    '| file | line:col | what is there | completion (count: first labels) | hover (first line) |',
    '|---|---|---|---|---|',
  ];
  let missing = 0;
  for (const { file, probes } of FILES) {
    const full = path.join(corpusDir, 'real-world', file);
    const text = fs.readFileSync(full, 'utf8');
    const yaml = /\.ya?ml$/.test(file);
    const doc = TextDocument.create(`file://${full}`, yaml ? 'asl-yaml' : 'asl', 1, text);
    const model = service.parse(doc);
    for (const probe of probes) {
      const found = text.indexOf(probe.needle);
      if (found < 0) {
        missing++;
        rows.push(
          `| ${path.basename(file)} | ? | ${probe.what} | needle not found: ${cell(probe.needle)} | |`,
        );
        continue;
      }
      const position = doc.positionAt(found + probe.delta);
      const items = service.doComplete(model, position).items;
      const labels = items.slice(0, 4).map((i) => (typeof i.label === 'string' ? i.label : String(i.label)));
      const completion = items.length
        ? `${items.length}: ${labels.join(', ')}${items.length > 4 ? ', …' : ''}`
        : '(none)';
      const hover = hoverFirstLine(service.doHover(model, position));
      rows.push(
        `| ${path.basename(file).replace(/\.asl\.(json|ya?ml)$/, '')} | ${position.line + 1}:${position.character + 1} | ${probe.what} | ${cell(completion)} | ${cell(hover)} |`,
      );
    }
  }
  console.log(rows.join('\n'));
  return missing === 0 ? 0 : 1;
}

process.exitCode = main();
