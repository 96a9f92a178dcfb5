'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

import { signOut } from '@/server/auth/client';

import { Loading } from '../../_components/ui/states';

/** Signing out as a page, so a plain link can end the session. */
export default function SignOutPage() {
  const router = useRouter();

  useEffect(() => {
    void signOut().finally(() => router.replace('/sign-in'));
  }, [router]);

  return <Loading label="Signing out…" />;
}
