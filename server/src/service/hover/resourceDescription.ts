/**
 * What a Task `Resource` ARN means: optimized or SDK service integration, HTTP task, Lambda function ARN,
 * activity, or a deployment placeholder, with its integration pattern (request/response, `.sync`,
 * `.waitForTaskToken`); facts from docs/asl-facts.md section 7, worded here. Pure; depends on nothing.
 */

const PATTERNS: Record<string, string> = {
  '': 'Request/Response: the state moves on as soon as the API call returns.',
  '.sync':
    'Run a job (`.sync`): the state waits until the job completes. Standard workflows only. For `states:startExecution.sync` the child output arrives as a JSON string.',
  '.sync:2':
    'Run a job (`.sync:2`): the state waits until the job completes and gets its output parsed as JSON. Standard workflows only.',
  '.waitForTaskToken':
    'Wait for callback (`.waitForTaskToken`): pass `$$.Task.Token` (JSONata: `$states.context.Task.Token`) to the worker; the state waits for SendTaskSuccess / SendTaskFailure. Standard workflows only.',
};

/** Markdown describing a Resource ARN, or undefined when it has none of the known shapes. */
export function describeResource(arn: string): string | undefined {
  if (/^\$\{[^}]+\}$/.test(arn)) {
    return 'A deployment placeholder: the real ARN is substituted when the template is deployed (e.g. SAM DefinitionSubstitutions).';
  }
  const service = /^arn:[^:]+:states:::(.+?)(\.sync:2|\.sync|\.waitForTaskToken)?$/.exec(arn);
  if (service) {
    const [, target, suffix = ''] = service;
    const pattern = PATTERNS[suffix];
    if (target === 'http:invoke') {
      return `**HTTP Task** · calls an HTTPS API.\n\n${pattern}\n\nTimes out after 60 seconds (\`States.Http.Socket\`); non-2xx answers raise \`States.Http.StatusCode.<code>\`.`;
    }
    const sdk = /^aws-sdk:([^:]+):(.+)$/.exec(target);
    if (sdk) {
      const note = suffix.startsWith('.sync') ? '\n\n⚠ AWS SDK integrations do not support `.sync`.' : '';
      return `**AWS SDK integration** · \`${sdk[1]}\` API \`${sdk[2]}\`.\n\n${pattern}\n\nErrors are named \`<Service>.<Exception>\`.${note}`;
    }
    const lambda = target.startsWith('lambda:')
      ? '\n\nAWS recommends retrying `Lambda.ServiceException`, `Lambda.AWSLambdaException`, `Lambda.SdkClientException` and `Lambda.TooManyRequestsException`.'
      : '';
    return `**Optimized service integration** · \`${target}\`.\n\n${pattern}${lambda}`;
  }
  const fn = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)(?::(.+))?$/.exec(arn);
  if (fn) {
    return `**Lambda function** \`${fn[1]}\`${fn[2] ? ` (version/alias \`${fn[2]}\`)` : ''} · invoked directly (history shows LambdaFunction* events); the function's return value is the result.`;
  }
  const activity = /^arn:[^:]+:states:[^:]*:[^:]*:activity:(.+)$/.exec(arn);
  if (activity) {
    return `**Activity** \`${activity[1]}\` · a worker polls for the task and reports the result. Not available in Express workflows.`;
  }
  return undefined;
}
