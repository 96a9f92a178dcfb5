import { describe, expect, it } from 'vitest';

import { contentSecurityPolicy, nextSecurityHeaders, securityHeaders } from './security-headers';

function headerMap(nodeEnv: string): Map<string, string> {
  return new Map(securityHeaders(nodeEnv).map((header) => [header.key.toLowerCase(), header.value]));
}

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('security headers', () => {
  it('referrer is never sent', () => {
    expect(headerMap('production').get('referrer-policy')).toBe('no-referrer');
  });

  it('content types are not sniffed', () => {
    expect(headerMap('production').get('x-content-type-options')).toBe('nosniff');
  });

  it('framing is denied twice', () => {
    const headers = headerMap('production');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(directives(headers.get('content-security-policy') ?? '').get('frame-ancestors')).toBe("'none'");
  });

  it('connections stay on own origin', () => {
    const policy = directives(contentSecurityPolicy('production'));
    expect(policy.get('connect-src')).toBe("'self'");
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
  });

  it('eval only in development', () => {
    expect(directives(contentSecurityPolicy('production')).get('script-src')).not.toContain('unsafe-eval');
    expect(directives(contentSecurityPolicy('development')).get('script-src')).toContain('unsafe-eval');
  });

  it('HSTS only in production', () => {
    expect(headerMap('production').get('strict-transport-security')).toBe(
      'max-age=63072000; includeSubDomains',
    );
    expect(headerMap('development').has('strict-transport-security')).toBe(false);
  });

  it('next config covers every path', async () => {
    const rules = await nextSecurityHeaders('production');
    expect(rules.map((rule) => rule.source)).toEqual(['/:path*']);
    expect(rules[0]?.headers).toEqual(securityHeaders('production'));
  });
});
