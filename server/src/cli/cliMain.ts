/**
 * Process entry of the `asl` binary (dist/cli.js): registers the subcommands, runs one, sets the exit code.
 * Unexpected exceptions print one clear line, never a stack trace (set ASL_DEBUG=1 to see it).
 */
import './cliCommands';
import { main } from './aslCli';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`asl: internal error: ${message}\n`);
    if (process.env.ASL_DEBUG && error instanceof Error && error.stack) {
      process.stderr.write(error.stack + '\n');
    }
    process.exitCode = 2;
  },
);
