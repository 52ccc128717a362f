/**
 * Child process of the runtime bench: runs one N-item Map of two Pass states (argv[2]) on our runtime and
 * prints {"ms", "mb"} (wall time, peak RSS in MB from process.resourceUsage). Bench-only.
 */
import { benchHost, runOurs, twoPassMap } from './runtimeBench';

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? '10000');
  // Over 256 KiB of input: AWS would need an ItemReader here; our runtime accepts large execution input.
  const items = { count: n, items: Array.from({ length: n }, (_, i) => ({ id: i })) };
  const start = process.hrtime.bigint();
  await runOurs(twoPassMap('DISTRIBUTED'), items, benchHost());
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const mb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ms, mb })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
