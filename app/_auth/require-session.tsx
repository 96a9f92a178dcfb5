'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';

import { useSession } from '@/server/auth/client';

import { ErrorBox, Loading } from '../_components/ui/states';

/**
 * Renders its children only for a signed-in user; anyone else is sent to the sign-in page,
 * which returns here afterwards.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const router = useRouter();
  const pathname = usePathname();
  const signedOut = !session.isPending && !session.error && !session.data;

  useEffect(() => {
    if (signedOut) router.replace(`/sign-in?next=${encodeURIComponent(pathname)}`);
  }, [signedOut, router, pathname]);

  if (session.error) return <ErrorBox title="Could not check your session" error={session.error} />;
  if (session.isPending || signedOut) return <Loading label="Checking your session…" />;
  return <>{children}</>;
}
