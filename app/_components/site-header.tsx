'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

import { UserMenu } from '../_auth/user-menu';

const NAV_LINKS = [
  { href: '/notebooks', label: 'Notebooks' },
  { href: '/templates', label: 'Templates' },
  { href: '/compare', label: 'Compare' },
  { href: '/settings', label: 'Settings' },
] as const;

/** The top bar: the product name, the main sections and the account menu. */
export function SiteHeader() {
  const pathname = usePathname();

  return (
    <header className="sticky top-0 z-20 border-b border-line bg-panel/90 backdrop-blur">
      {/* On a phone the sections get a row of their own below the name and the account menu, so
          every section shows and nothing is cut off; from `sm` up all sit in one row. */}
      <div className="mx-auto flex w-full max-w-[1400px] flex-wrap items-center gap-x-3 px-3 sm:h-12 sm:flex-nowrap sm:gap-6 sm:px-5">
        <Link href="/" className="flex h-12 items-center gap-2 font-semibold tracking-tight">
          <LogoMark />
          <span className="hidden sm:inline">Livenet</span>
        </Link>
        <nav
          className="order-last -mx-1 flex w-full min-w-0 flex-wrap items-center gap-1 pb-2 text-sm sm:order-none sm:mx-0 sm:w-auto sm:pb-0"
          data-testid="site-nav"
        >
          {NAV_LINKS.map((link) => {
            const active = pathname.startsWith(link.href);
            return (
              <Link
                key={link.href}
                href={link.href}
                className={`shrink-0 rounded-md px-2.5 py-1.5 ${
                  active ? 'bg-panel-2 text-ink' : 'text-muted hover:text-ink'
                }`}
              >
                {link.label}
              </Link>
            );
          })}
        </nav>
        <div className="ml-auto shrink-0">
          <UserMenu />
        </div>
      </div>
    </header>
  );
}

function LogoMark() {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
      <circle cx="4" cy="9" r="2.2" fill="var(--accent)" />
      <circle cx="14" cy="4" r="2.2" fill="var(--accent)" opacity="0.7" />
      <circle cx="14" cy="14" r="2.2" fill="var(--accent)" opacity="0.7" />
      <path d="M6 9 L12 4.8 M6 9 L12 13.2" stroke="var(--accent)" strokeWidth="1.3" />
    </svg>
  );
}
