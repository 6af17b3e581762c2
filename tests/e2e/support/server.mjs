// A plain static file server (python3 -m http.server) serving the built site under a sub-path,
// as a publisher would host it: http://127.0.0.1:PORT/news/.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Serves `dist` at /<subPath>/. With `copy: true` the site is a private copy (in `siteDir`) that
 * a test may change, e.g. delete corpus/index.json; otherwise it is a symlink to `dist`.
 * Returns { url, origin, siteDir, close }.
 */
export async function serveSite(dist, { subPath = 'news', copy = false } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'lede-e2e-'));
  const siteDir = join(root, subPath);
  if (copy) {
    cpSync(dist, siteDir, { recursive: true, dereference: true });
  } else {
    symlinkSync(dist, siteDir, 'dir');
  }
  const child = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', root], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const port = await new Promise((resolvePort, reject) => {
    const onData = (chunk) => {
      log += chunk;
      const match = /Serving HTTP on \S+ port (\d+)/.exec(log);
      if (match) {
        child.stdout.off('data', onData);
        resolvePort(Number(match[1]));
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', () => {}); // request log; drained so it never blocks
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`python3 -m http.server exited (${code}) before serving:\n${log}`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}/${subPath}/`,
    siteDir,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
