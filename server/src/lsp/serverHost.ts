/**
 * What the language server needs from its platform: a timer to debounce validation. The node entry
 * (node/serverMain.ts) passes node's timers; tests may pass the same with a shorter delay.
 * Must not depend on the service or on vscode.
 */

/** Something that can be cancelled (a pending timer). */
export interface CancelableTimer {
  dispose(): void;
}

export interface ServerHost {
  timer: {
    /** Runs `callback` after `ms` milliseconds (used to debounce validation). */
    setTimeout(callback: () => void, ms: number): CancelableTimer;
  };
}

/** Options of `startServer`. */
export interface StartServerOptions {
  /** Delay between the last edit and validation, in ms. Default 300 (json-language-features uses 500). */
  validationDelayMs?: number;
}

/** The node implementation, shared by serverMain and the in-memory tests. */
export const nodeServerHost: ServerHost = {
  timer: {
    setTimeout(callback, ms) {
      const handle = setTimeout(callback, ms);
      return { dispose: () => clearTimeout(handle) };
    },
  },
};
