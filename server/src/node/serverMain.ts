/**
 * Node entry of the language server (dist/server.js, and what `asl lsp` loads): importing this module
 * opens a connection over node IPC, stdio or a socket (chosen by the command line: --node-ipc, --stdio,
 * --socket=N) and hands it to startServer with node's timers. Must not import vscode.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/startServer';
import { nodeServerHost } from '../lsp/serverHost';

const connection = createConnection(ProposedFeatures.all);
// console.log would corrupt a stdio transport: route it to the client's log instead.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
process.on('uncaughtException', (error) => {
  connection.console.error(`Uncaught exception: ${error.stack ?? error.message}`);
});
process.on('unhandledRejection', (reason) => {
  connection.console.error(`Unhandled rejection: ${String(reason)}`);
});
startServer(connection, nodeServerHost);
