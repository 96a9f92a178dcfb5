/**
 * HTTP security headers for every response of the web app, in the shape `next.config.ts`'s
 * `headers()` returns. Kept here so they can be tested without building the app.
 *
 * - The referrer is never sent, because share links carry their secret token in the URL path.
 * - Scripts and styles allow 'unsafe-inline' because the Next.js App Router inlines its bootstrap
 *   script and styles without a nonce; 'unsafe-eval' is added in development only, where React's
 *   fast refresh needs it.
 * - connect-src 'self' keeps the browser from talking to any other origin, and the server itself
 *   fetches no URL a user supplies.
 */

export interface Header {
  key: string;
  value: string;
}

/** Returns the Content-Security-Policy for the given NODE_ENV. */
export function contentSecurityPolicy(nodeEnv: string): string {
  const scripts =
    nodeEnv === 'development' ? "'self' 'unsafe-inline' 'unsafe-eval'" : "'self' 'unsafe-inline'";
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Returns the headers every response carries; HSTS only in production, which is served over HTTPS. */
export function securityHeaders(nodeEnv: string = process.env.NODE_ENV ?? 'development'): Header[] {
  const headers: Header[] = [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(nodeEnv) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Referrer-Policy', value: 'no-referrer' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
  if (nodeEnv === 'production') {
    headers.push({ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' });
  }
  return headers;
}

/** The value for `headers` in next.config.ts: the security headers on every path. */
export function nextSecurityHeaders(nodeEnv?: string): Promise<{ source: string; headers: Header[] }[]> {
  return Promise.resolve([{ source: '/:path*', headers: securityHeaders(nodeEnv) }]);
}
