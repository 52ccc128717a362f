/**
 * `asl dap [--server=PORT]`: serves the ASL debug adapter (the one VS Code hosts inline) over stdio, or
 * on 127.0.0.1:PORT for adapter development and tests. Composes the session with the Node host, the
 * runtime and the language service's validation (which debug/ itself must not import).
 */
import * as net from 'node:net';
import { pathToFileURL } from 'node:url';
import { createAslLanguageService } from '../service/aslLanguageService';
import { TextDocument } from '../service/types';
import { AslDebugSession } from '../debug/aslDebugSession';
import { createNodeDebugHost, type DebugHost, type LaunchValidator } from '../debug/debugHost';
import { createExecution } from '../runtime';

const HELP = [
  'Usage: asl dap [--server=PORT]',
  '',
  'Runs the ASL debug adapter (Debug Adapter Protocol) on stdio, or with --server=PORT as a TCP server',
  'on 127.0.0.1:PORT accepting one session per connection.',
].join('\n');

/** Launch validation through the language service: the same diagnostics the editor shows. */
export function createLaunchValidator(): LaunchValidator {
  const service = createAslLanguageService();
  return (text, fileName) => {
    const languageId = /\.ya?ml$/i.test(fileName) ? 'asl-yaml' : 'asl';
    const document = TextDocument.create(pathToFileURL(fileName).toString(), languageId, 1, text);
    return service.doValidation(service.parse(document)).map((d) => ({
      range: d.range,
      message: typeof d.message === 'string' ? d.message : d.message.value,
      severity: d.severity,
      code: d.code,
    }));
  };
}

/** The host every Node-hosted adapter uses (standalone, `asl dap`, tests). */
export function createAdapterHost(): DebugHost {
  return createNodeDebugHost(createExecution, createLaunchValidator());
}

export async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const serverArg = args.find((a) => a.startsWith('--server'));
  const unknown = args.filter((a) => a !== serverArg && a !== '--stdio');
  if (unknown.length > 0 || (serverArg && !/^--server=\d+$/.test(serverArg))) {
    process.stderr.write(`asl dap: unknown option '${unknown[0] ?? serverArg}'\n\n${HELP}\n`);
    return 2;
  }
  const host = createAdapterHost();
  if (serverArg) {
    const port = Number(serverArg.slice('--server='.length));
    const server = net.createServer((socket) => {
      const session = new AslDebugSession(host);
      session.setRunAsServer(true);
      session.start(socket, socket);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        process.stderr.write(
          `asl dap: listening on 127.0.0.1:${(server.address() as net.AddressInfo).port}\n`,
        );
        resolve();
      });
    });
    await new Promise<void>((resolve) => server.on('close', resolve));
    return 0;
  }
  const session = new AslDebugSession(host);
  session.start(process.stdin, process.stdout);
  await new Promise<void>((resolve) => process.stdin.on('close', resolve));
  return 0;
}
