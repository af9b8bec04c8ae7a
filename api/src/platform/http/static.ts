// Serves a built client (admin web, H5 mini-program) under a prefix, falling back to its index.html.
import fs from 'node:fs';
import path from 'node:path';
import type { Next } from 'koa';
import type { AppContext } from './types';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.map': 'application/json', '.mp4': 'video/mp4',
};

export function serveStatic(prefix: string, dir: string) {
  const root = path.resolve(dir);
  return async (ctx: AppContext, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path === prefix) return ctx.redirect(`${prefix}/`);
    if (!ctx.path.startsWith(`${prefix}/`)) return next();
    let rel: string;
    try {
      rel = decodeURIComponent(ctx.path.slice(prefix.length + 1));
    } catch {
      return next();
    }
    let file = path.join(root, rel || 'index.html');
    if (!file.startsWith(root)) return next();
    let stat = await fs.promises.stat(file).catch(() => null);
    if (!stat || stat.isDirectory()) {
      if (path.extname(rel)) return next(); // a missing asset is a 404, not the app shell
      file = path.join(root, 'index.html');
      stat = await fs.promises.stat(file).catch(() => null);
      if (!stat) return next();
    }
    const ext = path.extname(file);
    ctx.type = TYPES[ext] ?? 'application/octet-stream';
    ctx.length = stat.size;
    ctx.set('Cache-Control', ext === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable');
    ctx.body = fs.createReadStream(file);
  };
}
