import type { Metadata } from 'next';
import { Suspense } from 'react';

import { isGitHubSignInEnabled } from '@/server/auth/auth';
import { getEnv } from '@/server/env';

import { AuthForm } from '../auth-form';

export const metadata: Metadata = { title: 'Sign up' };
// The GitHub button depends on the server's environment at run time, not at build time.
export const dynamic = 'force-dynamic';

export default function SignUpPage() {
  return (
    <Suspense>
      <AuthForm mode="sign-up" gitHubEnabled={isGitHubSignInEnabled(getEnv())} />
    </Suspense>
  );
}
