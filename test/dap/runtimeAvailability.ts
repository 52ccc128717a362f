/**
 * Whether the runtime's Execution factory is in the tree yet: tests that run executions skip (with this
 * reason) until it is, so the rest of the DAP suite stays meaningful while the runtime lands.
 */
import { createAdapterHost } from '../../server/src/cli/dapCommand';

function probe(): string | false {
  try {
    createAdapterHost().createExecution({
      definition: { StartAt: 'A', States: { A: { Type: 'Succeed' } } },
      host: { now: () => 0, random: () => 0, uuid: () => 'u' },
    });
    return false;
  } catch (error) {
    return `runtime not available: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export const runtimeSkip: string | false = probe();
