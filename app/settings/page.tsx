import type { Metadata } from 'next';

import { RequireSession } from '../_auth/require-session';
import { PageHeader } from '../_components/ui/page-header';
import { ApiKeysPanel } from './api-keys-panel';
import { ShareLinksPanel } from './share-links-panel';

export const metadata: Metadata = { title: 'Settings' };

export default function SettingsPage() {
  return (
    <RequireSession>
      <PageHeader
        title="Settings"
        subtitle="API keys for scripts, and the read-only links you have shared."
      />
      <div className="space-y-6">
        <ApiKeysPanel />
        <ShareLinksPanel />
      </div>
    </RequireSession>
  );
}
