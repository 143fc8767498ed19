import { request as httpRequest } from 'node:http';
import { expect, serverUrls, test } from './fixtures.ts';

/** A raw request: the path goes on the wire exactly as written (fetch would normalise it). */
function rawGet(path: string, method = 'GET'): Promise<{ status: number; type: string }> {
  const { hostname, port } = new URL(serverUrls().web);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

test('npm run web serves only the built renderer, with correct types', async () => {
  const index = await rawGet('/');
  expect(index).toEqual({ status: 200, type: 'text/html; charset=utf-8' });
  expect((await rawGet('/favicon.svg')).type).toBe('image/svg+xml');
  for (const path of [
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2e%2e%2f%2e%2e%2fpackage.json',
    '/assets/..%2f..%2f..%2fpackage.json',
    '/..%5c..%5cpackage.json',
    '/%2fetc%2fpasswd',
    '/%00',
    '/%E0%A4%A',
    '/assets/',
    '/no-such-file.js',
  ]) {
    expect((await rawGet(path)).status, path).toBe(404);
  }
  expect((await rawGet('/', 'POST')).status).toBe(405);
});
