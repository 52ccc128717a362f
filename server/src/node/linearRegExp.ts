/**
 * Enables V8's linear-time regular-expression engine for RegExps built with the `l` flag (only those: other
 * code in the process, e.g. other extensions in the extension host, keeps the ordinary engine). JSONata regexes
 * use it through asl/jsonataRegex.ts. Node-only; called by the hosts that run workflows.
 */
import * as v8 from 'node:v8';

let enabled = false;

export function enableLinearRegExp(): void {
  if (enabled) return;
  enabled = true;
  v8.setFlagsFromString('--enable-experimental-regexp-engine');
}
