'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { signOut, useSession } from '@/server/auth/client';

import { Button } from '../_components/ui/button';

/** Renders the account corner of the header: sign in and sign up, or the user's email and sign out. */
export function UserMenu() {
  const session = useSession();
  const router = useRouter();
  const [busy, setBusy] = useState(false);

  if (session.isPending) return <span className="text-xs text-muted">…</span>;

  const user = session.data?.user;
  if (!user) {
    return (
      <div className="flex items-center gap-2 text-sm">
        <Link href="/sign-in" className="text-muted hover:text-ink">
          Sign in
        </Link>
        <Link href="/sign-up" className="rounded-md bg-accent px-2.5 py-1 font-medium text-accent-ink">
          Sign up
        </Link>
      </div>
    );
  }

  const onSignOut = async () => {
    setBusy(true);
    await signOut();
    setBusy(false);
    router.push('/sign-in');
  };

  return (
    <div className="flex items-center gap-3 text-sm">
      <span
        className="hidden max-w-48 truncate text-muted sm:inline"
        data-testid="user-email"
        title={user.email}
      >
        {user.email}
      </span>
      <Button size="sm" variant="ghost" onClick={() => void onSignOut()} busy={busy}>
        Sign out
      </Button>
    </div>
  );
}
