/**
 * Where things are when tests run from out/tests: the repository root, its fixtures, and the shared
 * corpus beside the checkout (../shared), which tests read in place and never copy.
 */
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');
export const sharedDir = process.env.ASL_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared');
export const corpusDir = path.join(sharedDir, 'corpus');
export const conformanceDir = path.join(sharedDir, 'conformance', 'localstack');

export function fixture(...parts: string[]): string {
  return path.join(fixturesDir, ...parts);
}
