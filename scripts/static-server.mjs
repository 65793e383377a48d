// A static web server for measuring the built site as a host serves it:
// index.html for folders, 404.html for missing pages, the headers of the
// site's _headers file (the Netlify and Cloudflare Pages format), and gzip
// for text. Used by scripts/lighthouse.sh; it listens on 127.0.0.1 only.
//
//   node scripts/static-server.mjs DIR PORT
import { createServer } from 'node:http';
import { readFileSync, statSync, existsSync } from 'node:fs';
import { join, normalize, extname } from 'node:path';
import { gzipSync } from 'node:zlib';

const [dir, port] = process.argv.slice(2);
if (!dir || !port) {
  console.error('usage: node scripts/static-server.mjs DIR PORT');
  process.exit(2);
}

const types = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.pdf': 'application/pdf',
};

// rules are the blocks of _headers: a path pattern (as a regular
// expression) and its headers. A host joins the values of a header set by
// several matching rules with ", ".
const rules = [];
const headersFile = join(dir, '_headers');
if (existsSync(headersFile)) {
  for (const line of readFileSync(headersFile, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const re = '^' + line.trim().split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$';
      rules.push({ match: new RegExp(re), headers: [] });
    } else {
      const i = line.indexOf(':');
      rules[rules.length - 1].headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
    }
  }
}

function send(req, res, status, file) {
  const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const headers = {};
  for (const r of rules) {
    if (!r.match.test(urlPath)) continue;
    for (const [k, v] of r.headers) headers[k] = headers[k] ? `${headers[k]}, ${v}` : v;
  }
  let body = readFileSync(file);
  headers['Content-Type'] = types[extname(file)] || 'application/octet-stream';
  if (/gzip/.test(req.headers['accept-encoding'] || '') && /text|json|xml|svg/.test(headers['Content-Type'])) {
    body = gzipSync(body);
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = body.length;
  // Fingerprinted assets never change; pages are revalidated.
  headers['Cache-Control'] = /\.[0-9a-f]{64,}\.(css|js)$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

createServer((req, res) => {
  const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = join(dir, normalize(urlPath).replace(/^(\.\.[/\\])+/, ''));
  if (existsSync(file) && statSync(file).isDirectory()) {
    if (!urlPath.endsWith('/')) {
      res.writeHead(301, { Location: urlPath + '/' });
      res.end();
      return;
    }
    file = join(file, 'index.html');
  }
  if (!existsSync(file) || urlPath === '/_headers') {
    send(req, res, 404, join(dir, '404.html'));
    return;
  }
  send(req, res, 200, file);
}).listen(Number(port), '127.0.0.1');
