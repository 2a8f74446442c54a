// A small static file server for web/ (or dist/): `node scripts/serve.mjs [folder]` serves on
// http://localhost:8080 or the next free port. Tests import startServer() and use port 0.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** Serves `root` on `port` (0 = any free port); resolves to { server, url }. */
export function startServer({ root, port = 8080, host = '127.0.0.1', tries = 20 }) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        response.writeHead(403).end('forbidden');
        return;
      }
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolvePromise, reject) => {
    let attempt = 0;
    const listen = (p) => server.listen(p, host);
    server.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
      if (error.code === 'EADDRINUSE' && port !== 0 && attempt < tries) {
        attempt += 1;
        listen(port + attempt);
      } else {
        reject(error);
      }
    });
    server.on('listening', () => {
      const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolvePromise({ server, url: `http://localhost:${actual}/` });
    });
    listen(port);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = dirname(fileURLToPath(import.meta.url));
  const root = process.argv[2] ?? join(here, '..', 'web');
  const { url } = await startServer({ root, port: Number(process.env.PORT ?? 8080), host: '0.0.0.0' });
  console.log(`Backprop Lab is served at ${url}  (Ctrl+C stops it)`);
}
