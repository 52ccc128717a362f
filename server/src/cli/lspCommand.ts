/**
 * `asl lsp [--stdio | --node-ipc | --socket=PORT]`: serves the ASL language server (the same one the
 * VS Code extension runs) so any LSP client can use it. stdio is the default transport.
 * Node-level entry: may use process; the server core stays transport-agnostic.
 */

const TRANSPORTS = ['--stdio', '--node-ipc'];
const HELP = [
  'Usage: asl lsp [--stdio | --node-ipc | --socket=PORT]',
  '',
  'Runs the ASL language server (diagnostics for *.asl.json / *.asl.yaml documents).',
  'Transport: --stdio (default), --node-ipc, or --socket=PORT (connects to 127.0.0.1:PORT).',
].join('\n');

export async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const unknown = args.filter(
    (a) => !TRANSPORTS.includes(a) && !/^--socket=\d+$/.test(a) && !a.startsWith('--clientProcessId='),
  );
  if (unknown.length > 0) {
    process.stderr.write(`asl lsp: unknown option '${unknown[0]}'\n\n${HELP}\n`);
    return 2;
  }
  // vscode-languageserver picks the transport from process.argv.
  if (!args.some((a) => TRANSPORTS.includes(a) || a.startsWith('--socket='))) process.argv.push('--stdio');
  await import('../node/serverMain.js');
  return 0;
}
