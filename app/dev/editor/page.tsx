import type { Metadata } from 'next';

import { EditorPlayground } from './playground';

export const metadata: Metadata = { title: 'Spec editor' };

/** Shows the network cell editor on its own, for development and for component tests. */
export default function EditorPage() {
  return <EditorPlayground />;
}
