'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';

import { signIn, signUp } from '@/server/auth/client';

import { Button } from '../_components/ui/button';

const INPUT =
  'h-9 w-full rounded-md border border-line bg-panel px-3 text-sm outline-none focus:border-accent';

/** Only same-site paths may be a return target, so a crafted link cannot send users elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/notebooks';
}

/**
 * Renders the email-and-password form that signs in or creates an account, and the GitHub button
 * when the server has GitHub's keys.
 */
export function AuthForm({ mode, gitHubEnabled }: { mode: 'sign-in' | 'sign-up'; gitHubEnabled: boolean }) {
  const router = useRouter();
  const params = useSearchParams();
  const next = safeNext(params.get('next'));
  // better-auth sends a failed OAuth sign-in back to the error callback URL with `?error=<code>`.
  const oauthError = params.get('error');
  const [error, setError] = useState<string | null>(
    oauthError ? `GitHub sign-in failed (${oauthError}). Try again.` : null,
  );
  const [busy, setBusy] = useState(false);

  const onGitHub = async () => {
    setBusy(true);
    setError(null);
    // On success the client follows the redirect to GitHub, so only a failure returns here.
    const result = await signIn.social({
      provider: 'github',
      callbackURL: next,
      errorCallbackURL: `/${mode}`,
    });
    if (result.error) {
      setBusy(false);
      setError(result.error.message ?? `GitHub sign-in failed (${result.error.status})`);
    }
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (key: string) => {
      const value = form.get(key);
      return typeof value === 'string' ? value : '';
    };
    const email = field('email').trim();
    const password = field('password');
    const name = field('name').trim() || email.split('@')[0] || email;

    setBusy(true);
    setError(null);
    const result =
      mode === 'sign-in'
        ? await signIn.email({ email, password })
        : await signUp.email({ name, email, password });
    setBusy(false);

    if (result.error) {
      setError(
        result.error.message ??
          `${mode === 'sign-in' ? 'Sign-in' : 'Sign-up'} failed (${result.error.status})`,
      );
      return;
    }
    router.push(next);
    router.refresh();
  };

  const isSignUp = mode === 'sign-up';
  return (
    <div className="mx-auto mt-12 max-w-sm rounded-lg border border-line bg-panel p-6">
      <h1 className="text-lg font-semibold">{isSignUp ? 'Create an account' : 'Sign in to Livenet'}</h1>
      <form className="mt-4 space-y-3" onSubmit={(event) => void onSubmit(event)}>
        {isSignUp ? (
          <label className="block text-sm">
            <span className="mb-1 block text-muted">Name</span>
            <input name="name" autoComplete="name" className={INPUT} />
          </label>
        ) : null}
        <label className="block text-sm">
          <span className="mb-1 block text-muted">Email</span>
          <input name="email" type="email" required autoComplete="email" className={INPUT} />
        </label>
        <label className="block text-sm">
          <span className="mb-1 block text-muted">Password</span>
          <input
            name="password"
            type="password"
            required
            minLength={8}
            autoComplete={isSignUp ? 'new-password' : 'current-password'}
            className={INPUT}
          />
          {isSignUp ? <span className="mt-1 block text-xs text-muted">At least 8 characters.</span> : null}
        </label>
        {error ? (
          <p className="text-sm text-danger" role="alert" data-testid="auth-error">
            {error}
          </p>
        ) : null}
        <Button type="submit" variant="primary" className="w-full" busy={busy}>
          {isSignUp ? 'Sign up' : 'Sign in'}
        </Button>
      </form>
      {gitHubEnabled ? (
        <Button
          variant="secondary"
          className="mt-3 w-full"
          busy={busy}
          data-testid="github-sign-in"
          onClick={() => void onGitHub()}
        >
          Continue with GitHub
        </Button>
      ) : null}
      <p className="mt-4 text-center text-sm text-muted">
        {isSignUp ? 'Already have an account? ' : 'New here? '}
        <Link
          href={`${isSignUp ? '/sign-in' : '/sign-up'}${next !== '/notebooks' ? `?next=${encodeURIComponent(next)}` : ''}`}
          className="text-accent underline"
        >
          {isSignUp ? 'Sign in' : 'Create an account'}
        </Link>
      </p>
    </div>
  );
}
