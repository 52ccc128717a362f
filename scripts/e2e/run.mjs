// run: small process helpers for the e2e harness (run a command to completion, time a step).
// Node child_process only; must not know about VS Code, code-server or the browser.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

/**
 * Runs a command to completion. Output goes to `logFile` when given (so noisy installs stay
 * out of the summary), otherwise it is inherited. Rejects with the log's tail on failure.
 */
export function runCommand(cmd, args, { cwd, env, logFile } = {}) {
  return new Promise((resolve, reject) => {
    const out = logFile ? fs.openSync(logFile, 'a') : 'inherit';
    const child = spawn(cmd, args, { cwd, env: env ?? process.env, stdio: ['ignore', out, out] });
    child.on('error', (e) => reject(new Error(`${cmd}: ${e.message}`)));
    child.on('close', (code) => {
      if (typeof out === 'number') fs.closeSync(out);
      if (code === 0) return resolve();
      const tail = logFile ? '\n' + tailOf(logFile, 30) : '';
      reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}${tail}`));
    });
  });
}

/** Runs a command and returns its stdout (trimmed); rejects on a non-zero exit. */
export function captureCommand(cmd, args, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e) => reject(new Error(`${cmd}: ${e.message}`)));
    child.on('close', (code) =>
      code === 0
        ? resolve(stdout.trim())
        : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}\n${stderr.trim()}`)),
    );
  });
}

export function tailOf(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Records named step durations for the final summary. */
export class StepTimer {
  constructor() {
    this.steps = [];
    this.start = Date.now();
  }
  /** Times `fn`; a failure is recorded and rethrown unless `failures` collects it (non-fatal step). */
  async step(name, fn, failures) {
    const t = Date.now();
    console.log(`\n=== ${name}`);
    try {
      const result = await fn();
      this.steps.push({ name, ms: Date.now() - t, ok: true });
      return result;
    } catch (e) {
      this.steps.push({ name, ms: Date.now() - t, ok: false });
      if (!failures) throw e;
      failures.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }
  summary() {
    const rows = this.steps.map(
      (s) => `  ${s.ok ? 'ok  ' : 'FAIL'} ${s.name.padEnd(52)} ${(s.ms / 1000).toFixed(1).padStart(7)} s`,
    );
    rows.push(`       ${'total'.padEnd(52)} ${((Date.now() - this.start) / 1000).toFixed(1).padStart(7)} s`);
    return rows.join('\n');
  }
}
