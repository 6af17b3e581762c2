// Where things are: the repository, and the release build the tests run against.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The built site: env LEDE_DIST, or <repo>/dist. Throws a clear message when it is not built. */
export function distDir() {
  const dir = resolve(process.env.LEDE_DIST || join(repoRoot, 'dist'));
  for (const file of ['index.html', 'lede.js', 'lede_bg.wasm', join('corpus', 'index.json')]) {
    if (!existsSync(join(dir, file))) {
      throw new Error(
        `The release build is missing ${join(dir, file)}. ` +
          'Run `scripts/build` first (scripts/test does that), ' +
          'or point LEDE_DIST at a built dist directory.',
      );
    }
  }
  return dir;
}
