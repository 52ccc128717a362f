/**
 * Loads the YAML front end (asl/parseYaml registers itself with the model) when it is part of the build,
 * so asl-yaml documents parse; without it they get one clear internal-error diagnostic instead.
 * Depends on asl/ only; no transport.
 */

let loaded: boolean | undefined;

/** True when the YAML front end is registered (loaded once, on first call). */
export function loadYamlFrontEnd(): boolean {
  if (loaded === undefined) {
    try {
      // Optional module: esbuild bundles it when present and leaves a failing require when not.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../asl/parseYaml');
      loaded = true;
    } catch {
      loaded = false;
    }
  }
  return loaded;
}
