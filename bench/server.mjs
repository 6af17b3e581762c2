// A tiny static server for the benchmark: serves files with gzip or brotli according to the
// request's Accept-Encoding (br preferred, then gzip, else identity), each file compressed once
// (gzip level 6 as most servers do by default; brotli quality 11, as for precompressed files).
// Compressed bodies are kept in memory and, for files under a `cacheDir`, on disk next to a
// stamp of the source's size and mtime, so that a 77 MB index is brotli-compressed once per
// machine, not once per run.
//
// `mounts` maps URL prefixes to directories (or single files), longest prefix first:
//   { '/10k/lede/corpus/': '/cache/corpora/10k', '/10k/lede/': '/tmp/dist', ... }
import http from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { extname, join, normalize, sep } from 'node:path';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg']);

/** The encoding to answer with for this Accept-Encoding header. */
export function negotiate(acceptEncoding = '') {
  const offered = acceptEncoding
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || !/^q=0(\.0*)?$/.test(q.trim()))
    .map(([name]) => name.trim().toLowerCase());
  if (offered.includes('br')) return 'br';
  if (offered.includes('gzip')) return 'gzip';
  return 'identity';
}

export class CompressingServer {
  constructor(mounts, { diskCache = (path) => null } = {}) {
    this.mounts = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
    this.diskCache = diskCache; // (file path) => directory for its compressed copies, or null
    this.memory = new Map(); // `${path}:${encoding}` => Promise<Buffer>
    this.log = []; // { path, encoding, bytes } of every response, for checks
  }

  resolve(urlPath) {
    const path = decodeURIComponent(urlPath.split('?')[0]);
    for (const [prefix, target] of this.mounts) {
      if (path === prefix || path.startsWith(prefix)) {
        const rest = path.slice(prefix.length);
        if (!statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
          return rest === '' ? target : null;
        }
        const file = normalize(join(target, rest || 'index.html'));
        if (file !== target && !file.startsWith(target.endsWith(sep) ? target : target + sep)) return null;
        const st = statSync(file, { throwIfNoEntry: false });
        if (st?.isDirectory()) return join(file, 'index.html');
        return st ? file : null;
      }
    }
    return null;
  }

  /** The body of `file` in `encoding`, compressed once. */
  body(file, encoding) {
    const key = `${file}:${encoding}`;
    if (!this.memory.has(key)) this.memory.set(key, this.compress(file, encoding));
    return this.memory.get(key);
  }

  async compress(file, encoding) {
    const raw = readFileSync(file);
    if (encoding === 'identity') return raw;
    const st = statSync(file);
    const stamp = `${st.size}:${st.mtimeMs}`;
    const dir = this.diskCache(file);
    const cached = dir && join(dir, `${file.split(sep).pop()}.${encoding === 'br' ? 'br' : 'gz'}`);
    if (cached && existsSync(cached) && existsSync(`${cached}.stamp`) && readFileSync(`${cached}.stamp`, 'utf8') === stamp) {
      return readFileSync(cached);
    }
    const out =
      encoding === 'br'
        ? await brotli(raw, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
              [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            },
          })
        : await gzip(raw, { level: 6 });
    if (cached) {
      writeFileSync(cached, out);
      writeFileSync(`${cached}.stamp`, stamp);
    }
    return out;
  }

  /** Compresses these URL paths in every encoding now, so that no measured load waits for it. */
  async warm(urlPaths) {
    for (const p of urlPaths) {
      const file = this.resolve(p);
      if (!file) throw new Error(`bench server: nothing to serve at ${p}`);
      if (!COMPRESSIBLE.has(extname(file))) continue;
      await this.body(file, 'gzip');
      await this.body(file, 'br');
    }
  }

  async handle(req, res) {
    try {
      const file = this.resolve(new URL(req.url, 'http://x').pathname);
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const ext = extname(file);
      const type = TYPES[ext] || 'application/octet-stream';
      const encoding = COMPRESSIBLE.has(ext) ? negotiate(req.headers['accept-encoding']) : 'identity';
      const headers = { 'content-type': type, 'cache-control': 'no-cache', vary: 'Accept-Encoding' };
      if (encoding === 'identity' && !COMPRESSIBLE.has(ext)) {
        const size = statSync(file).size;
        res.writeHead(200, { ...headers, 'content-length': size });
        this.log.push({ path: req.url, encoding, bytes: size });
        if (req.method === 'HEAD') return res.end();
        createReadStream(file).pipe(res);
        return;
      }
      const body = await this.body(file, encoding);
      if (encoding !== 'identity') headers['content-encoding'] = encoding;
      res.writeHead(200, { ...headers, 'content-length': body.length });
      this.log.push({ path: req.url, encoding, bytes: body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  }

  listen() {
    return new Promise((resolveListen) => {
      this.server = http.createServer((req, res) => this.handle(req, res));
      this.server.keepAliveTimeout = 60_000;
      this.server.listen(0, '127.0.0.1', () => {
        this.origin = `http://127.0.0.1:${this.server.address().port}`;
        resolveListen(this.origin);
      });
    });
  }

  close() {
    return new Promise((r) => {
      this.server.closeAllConnections?.();
      this.server.close(() => r());
    });
  }
}
