/**
 * Task Resource rules: ARN shape (service integrations `arn:<partition>:states:::<service>:<action>`,
 * AWS SDK integrations, activities, Lambda functions), integration-pattern suffixes (.sync, .sync:2,
 * .waitForTaskToken), a warning when a callback task never passes its task token, and the Express
 * restrictions when settings.stateMachineType is EXPRESS. Placeholders (`${X}`) are tolerated anywhere.
 * Depends on: asl/, schema/schemaFragments, ./validationContext only.
 */
import { valueNodeOf, type StateModel, type SyntaxNode } from '../../asl';
import { containsPlaceholder, PLACEHOLDER_PATTERN } from '../../schema/schemaFragments';
import type { ValidationContext } from './validationContext';

const PLACEHOLDER = new RegExp(PLACEHOLDER_PATTERN);
const INTEGRATION =
  /^(aws-sdk:[A-Za-z0-9-]+:[A-Za-z0-9]+|[a-z0-9-]+:[A-Za-z0-9]+)((?:\.[A-Za-z0-9]+)*(?::\d+)?)$/;
const SUFFIXES = new Set(['', '.sync', '.sync:2', '.waitForTaskToken']);

export type ResourceKind = 'integration' | 'sdk' | 'activity' | 'lambda' | 'other' | 'unknown';

export interface ResourceInfo {
  kind: ResourceKind;
  /** '', '.sync', '.sync:2' or '.waitForTaskToken' (or the unsupported suffix found). */
  suffix: string;
  /** Why the ARN is malformed, if it is. */
  problem?: string;
}

/** Classifies a Resource string; `${...}` parts are treated as valid substitutions. */
export function classifyResource(resource: string): ResourceInfo {
  const templated = containsPlaceholder(resource);
  const suffixMatch = /(\.sync(?::2)?|\.waitForTaskToken)$/.exec(resource);
  const suffix = suffixMatch ? suffixMatch[1] : '';
  if (PLACEHOLDER.test(resource)) return { kind: 'unknown', suffix: '' };
  if (!resource.startsWith('arn:')) {
    return templated
      ? { kind: 'unknown', suffix }
      : { kind: 'unknown', suffix, problem: 'it must start with "arn:"' };
  }
  const parts = resource.split(':');
  if (parts.length < 6) {
    return templated
      ? { kind: 'unknown', suffix }
      : { kind: 'unknown', suffix, problem: 'an ARN has at least six ":"-separated parts' };
  }
  const [, partition, service, region, account] = parts;
  const rest = parts.slice(5).join(':');
  if (!templated && !/^aws(-[a-z]+)*$/.test(partition)) {
    return { kind: 'unknown', suffix, problem: `unknown partition "${partition}"` };
  }
  if (!templated && !/^[a-z0-9-]+$/.test(service)) {
    return {
      kind: 'unknown',
      suffix,
      problem: `the service part "${service}" is not a service name (arn:<partition>:<service>:...)`,
    };
  }
  if (service === 'states' && region === '' && account === '') {
    const m = INTEGRATION.exec(rest);
    if (!m) {
      return templated
        ? { kind: 'integration', suffix }
        : {
            kind: 'integration',
            suffix,
            problem: 'expected <service>:<action> after "arn:<partition>:states:::"',
          };
    }
    const kind: ResourceKind = m[1].startsWith('aws-sdk:') ? 'sdk' : 'integration';
    return { kind, suffix: m[2] };
  }
  if (service === 'states' && rest.startsWith('activity:')) return { kind: 'activity', suffix: '' };
  if (service === 'lambda' && rest.startsWith('function:')) {
    const [, name, qualifier, ...extra] = rest.split(':');
    const ok =
      templated ||
      (/^[A-Za-z0-9_-]{1,140}$/.test(name ?? '') &&
        (qualifier === undefined || /^(\$LATEST|[A-Za-z0-9_-]{1,128})$/.test(qualifier)) &&
        extra.length === 0);
    return ok
      ? { kind: 'lambda', suffix: '' }
      : {
          kind: 'lambda',
          suffix: '',
          problem: 'a Lambda function ARN ends in function:<name>[:<version or alias>]',
        };
  }
  return { kind: 'other', suffix };
}

function mentionsTaskToken(node: SyntaxNode | undefined): boolean {
  if (!node) return false;
  if (node.type === 'string') return typeof node.value === 'string' && node.value.includes('Task.Token');
  return (node.children ?? []).some(mentionsTaskToken);
}

export function checkResource(context: ValidationContext, state: StateModel): void {
  if (state.type !== 'Task') return;
  const node = valueNodeOf(state.node, 'Resource');
  if (node?.type !== 'string' || typeof node.value !== 'string') return;
  const info = classifyResource(node.value);
  if (info.problem) {
    context.report('invalid-resource-arn', node, { resource: node.value, detail: info.problem });
    return;
  }
  if (!SUFFIXES.has(info.suffix)) {
    context.report('invalid-integration-pattern', node, {
      detail: `Unknown integration pattern "${info.suffix}": use no suffix (request/response), ".sync", ".sync:2" or ".waitForTaskToken".`,
    });
    return;
  }
  if (info.kind === 'sdk' && info.suffix.startsWith('.sync')) {
    context.report('invalid-integration-pattern', node, {
      detail:
        'AWS SDK integrations (arn:aws:states:::aws-sdk:...) do not support ".sync": use an optimized integration or ".waitForTaskToken".',
    });
  }
  if (info.suffix === '.waitForTaskToken') {
    const field = state.queryLanguage === 'JSONata' ? 'Arguments' : 'Parameters';
    if (!mentionsTaskToken(valueNodeOf(state.node, field))) {
      context.report('missing-task-token', node, {
        field,
        token:
          state.queryLanguage === 'JSONata'
            ? '"{% $states.context.Task.Token %}"'
            : '"$$.Task.Token" (as "TaskToken.$")',
      });
    }
  }
  if (context.settings.stateMachineType === 'EXPRESS') {
    const what =
      info.kind === 'activity'
        ? 'activities'
        : info.suffix.startsWith('.sync')
          ? `the "${info.suffix}" integration pattern`
          : info.suffix === '.waitForTaskToken'
            ? 'the ".waitForTaskToken" integration pattern'
            : undefined;
    if (what) context.report('express-unsupported-integration', node, { what });
  }
}
