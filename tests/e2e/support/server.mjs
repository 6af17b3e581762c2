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
/**
 * Starts `python3 <args>` (a server that prints "Serving HTTP on HOST port N", as http.server
 * does) and waits until it serves. Returns { origin, close }.
 */
export async function spawnServer(args, label) {
  const child = spawn('python3', ['-u', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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
    // The request log is drained so that it never blocks the server.
    child.stderr.setEncoding('utf8').on('data', (chunk) => (log += chunk.slice(0, 2000)));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${label} exited (${code}) before serving:\n${log}`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

export async function serveSite(dist, { subPath = 'news', copy = false } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'lede-e2e-'));
  const siteDir = join(root, subPath);
  if (copy) {
    cpSync(dist, siteDir, { recursive: true, dereference: true });
  } else {
    symlinkSync(dist, siteDir, 'dir');
  }
  const server = await spawnServer(
    ['-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', root],
    'python3 -m http.server',
  );
  return {
    origin: server.origin,
    url: `${server.origin}/${subPath}/`,
    siteDir,
    async close() {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
