import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';

import 'uplot/dist/uPlot.min.css';
import './globals.css';

import { SiteHeader } from './_components/site-header';
import { TRPCReactProvider } from './_trpc/provider';

export const metadata: Metadata = {
  title: { default: 'Livenet', template: '%s · Livenet' },
  description: 'A lab for spiking neural networks that keep learning while they run',
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f6f7f9' },
    { media: '(prefers-color-scheme: dark)', color: '#0d1014' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-bg font-sans text-ink antialiased">
        <TRPCReactProvider>
          <SiteHeader />
          <main className="mx-auto w-full max-w-[1400px] px-5 pb-16 pt-5">{children}</main>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
