/**
 * Standalone entry of the ASL debug adapter (dist/debugAdapter.js): stdio by default, `--server=PORT` to
 * listen on 127.0.0.1:PORT. The same composition as `asl dap` (cli/dapCommand.ts), which wires the runtime
 * and the service's launch validation; this file only starts it.
 */
import { main } from '../cli/dapCommand';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`asl debug adapter: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
