/**
 * The capabilities the `asl` debug adapter announces in its initialize response: only what the session and
 * the runtime honour (no disassembly, memory, data breakpoints or stepping back), plus the exception
 * breakpoint filters for caught and uncaught errors, narrowed by error names. Data only.
 */
import type { DebugProtocol } from '@vscode/debugprotocol';

/** Exception breakpoint filter ids. */
export const CAUGHT_FILTER = 'caught';
export const UNCAUGHT_FILTER = 'uncaught';

export const ASL_DEBUG_CAPABILITIES: DebugProtocol.Capabilities = {
  supportsConfigurationDoneRequest: true,
  supportsConditionalBreakpoints: true,
  supportsHitConditionalBreakpoints: true,
  supportsLogPoints: true,
  supportsBreakpointLocationsRequest: true,
  supportsEvaluateForHovers: true,
  supportsSetVariable: true,
  supportsRestartRequest: true,
  supportsTerminateRequest: true,
  supportsExceptionInfoRequest: true,
  supportsExceptionFilterOptions: true,
  supportsSingleThreadExecutionRequests: false,
  exceptionBreakpointFilters: [
    {
      filter: CAUGHT_FILTER,
      label: 'Caught errors',
      description:
        'Pause where a state raises an error that a Retry or Catch handles, before it takes effect.',
      default: false,
      supportsCondition: true,
      conditionDescription:
        'Error names, comma separated, matched as in ErrorEquals (e.g. States.Timeout, Lambda.ServiceException, States.TaskFailed)',
    },
    {
      filter: UNCAUGHT_FILTER,
      label: 'Uncaught errors',
      description: 'Pause where a state raises an error that will fail the execution, before it does.',
      default: true,
      supportsCondition: true,
      conditionDescription:
        'Error names, comma separated, matched as in ErrorEquals (e.g. States.Timeout, Lambda.ServiceException, States.TaskFailed)',
    },
  ],
};
