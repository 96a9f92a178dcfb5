import type { Metadata } from 'next';

import { ComponentGallery } from './gallery';

export const metadata: Metadata = { title: 'Components' };

/** Shows every visual component with synthetic data, for development and for component tests. */
export default function ComponentsPage() {
  return <ComponentGallery />;
}
