/**
 * A local stand-in for the Vercel Blob API on 127.0.0.1, speaking the subset that @vercel/blob
 * 2.8 calls: `PUT /?pathname=` (upload), `GET /?url=` (head), `POST /delete` ({ urls }), plus
 * `GET /files/<pathname>` for downloads from the URL that head returns. Every request must carry
 * `authorization: Bearer <token>`; errors use the API's `{ error: { code, message } }` shape.
 */
import { createHash } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeVercelBlobServer {
  /** Value for VERCEL_BLOB_API_URL. */
  apiUrl: string;
  token: string;
  /** Makes the next `count` uploads fail with HTTP 503 service_unavailable. */
  failNextUploads(count: number): void;
  /** Number of upload requests received, failed ones included. */
  uploadRequests(): number;
  close(): Promise<void>;
}

interface StoredBlob {
  bytes: Buffer;
  contentType: string;
  uploadedAt: Date;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  sendJson(response, status, { error: { code, message } });
}

export async function startFakeVercelBlobServer(
  token = 'vercel_blob_rw_fakestore_secret',
): Promise<FakeVercelBlobServer> {
  const blobs = new Map<string, StoredBlob>();
  let failuresLeft = 0;
  let uploads = 0;
  let baseUrl = '';

  const describe = (pathname: string, blob: StoredBlob) => {
    const url = `${baseUrl}/files/${pathname}`;
    return {
      url,
      downloadUrl: `${url}?download=1`,
      pathname,
      size: blob.bytes.byteLength,
      contentType: blob.contentType,
      contentDisposition: `attachment; filename="${pathname.split('/').pop() ?? pathname}"`,
      cacheControl: 'public, max-age=0',
      uploadedAt: blob.uploadedAt.toISOString(),
      etag: `"${createHash('md5').update(blob.bytes).digest('hex')}"`,
    };
  };

  const pathnameOf = (urlOrPathname: string) =>
    urlOrPathname.startsWith('http')
      ? new URL(urlOrPathname).pathname.replace(/^\/files\//, '')
      : urlOrPathname;

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', baseUrl);
      if (request.headers.authorization !== `Bearer ${token}`) {
        sendError(
          response,
          403,
          'forbidden',
          'Access denied, please provide a valid token for this resource.',
        );
        return;
      }

      if (request.method === 'PUT' && url.pathname === '/') {
        uploads++;
        const body = await readBody(request);
        if (failuresLeft > 0) {
          failuresLeft--;
          sendError(response, 503, 'service_unavailable', 'The blob service is temporarily unavailable.');
          return;
        }
        const pathname = url.searchParams.get('pathname') ?? '';
        if (blobs.has(pathname) && request.headers['x-allow-overwrite'] !== '1') {
          sendError(response, 400, 'bad_request', 'This blob already exists, use `allowOverwrite: true`.');
          return;
        }
        const blob = {
          bytes: body,
          contentType: String(request.headers['x-content-type'] ?? 'application/octet-stream'),
          uploadedAt: new Date(),
        };
        blobs.set(pathname, blob);
        const {
          size: _size,
          uploadedAt: _uploadedAt,
          cacheControl: _cacheControl,
          ...putResult
        } = describe(pathname, blob);
        sendJson(response, 200, putResult);
        return;
      }

      if (request.method === 'GET' && url.pathname === '/') {
        const pathname = pathnameOf(url.searchParams.get('url') ?? '');
        const blob = blobs.get(pathname);
        if (!blob) sendError(response, 404, 'not_found', 'The requested blob does not exist');
        else sendJson(response, 200, describe(pathname, blob));
        return;
      }

      if (request.method === 'POST' && url.pathname === '/delete') {
        const { urls } = JSON.parse((await readBody(request)).toString('utf8')) as { urls: string[] };
        for (const entry of urls) blobs.delete(pathnameOf(entry));
        sendJson(response, 200, {});
        return;
      }

      if (request.method === 'GET' && url.pathname.startsWith('/files/')) {
        const blob = blobs.get(decodeURIComponent(url.pathname.slice('/files/'.length)));
        if (!blob) {
          response.writeHead(404).end();
          return;
        }
        response.writeHead(200, {
          'content-type': blob.contentType,
          'content-length': blob.bytes.byteLength,
        });
        response.end(blob.bytes);
        return;
      }

      sendError(response, 400, 'bad_request', `unsupported request ${request.method ?? ''} ${url.pathname}`);
    })().catch((error: unknown) => sendError(response, 500, 'unknown_error', String(error)));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: baseUrl,
    token,
    failNextUploads: (count) => (failuresLeft = count),
    uploadRequests: () => uploads,
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
