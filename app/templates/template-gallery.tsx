'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { useSession } from '@/server/auth/client';

import { Button } from '../_components/ui/button';
import { PageHeader } from '../_components/ui/page-header';
import { ErrorBox } from '../_components/ui/states';
import { cellsFromTemplate } from '../_notebook/cells';
import { findTemplate, TEMPLATES, type NotebookTemplate } from '../_templates';
import { useTRPC } from '../_trpc/react';
import { ReproductionCards } from './reproduction-cards';

/** Ready-made notebooks; choosing one creates a copy the user owns. */
export function TemplateGallery() {
  const trpc = useTRPC();
  const router = useRouter();
  const session = useSession();
  const [chosen, setChosen] = useState<string | null>(null);
  const create = useMutation(trpc.notebooks.create.mutationOptions());

  const start = async (template: NotebookTemplate) => {
    if (!session.data) {
      router.push(`/sign-in?next=${encodeURIComponent('/templates')}`);
      return;
    }
    setChosen(template.slug);
    const cells = cellsFromTemplate(template);
    const notebook = await create.mutateAsync({ title: template.title, cells });
    router.push(`/notebooks/${notebook.id}`);
  };

  return (
    <div>
      <PageHeader
        title="Templates"
        subtitle="Start a notebook from a working network and change it from there."
      />
      {create.error ? <ErrorBox title="Could not create the notebook" error={create.error} /> : null}
      <ReproductionCards
        openingSlug={create.isPending ? chosen : null}
        sessionPending={session.isPending}
        onOpen={(slug) => {
          const template = findTemplate(slug);
          if (template) void start(template).catch(() => setChosen(null));
        }}
      />
      <h2 className="mb-2 text-sm font-medium">Templates</h2>
      <ul className="grid grid-cols-1 gap-4 md:grid-cols-2" data-testid="template-list">
        {TEMPLATES.map((template) => (
          <li
            key={template.slug}
            className="flex flex-col rounded-lg border border-line bg-panel p-4"
            data-testid={`template-${template.slug}`}
          >
            <h2 className="font-semibold">{template.title}</h2>
            <p className="mt-1 flex-1 text-sm text-muted">{template.summary}</p>
            <div className="mt-3 flex flex-wrap gap-1.5">
              {template.tags.map((tag) => (
                <span key={tag} className="rounded-full bg-panel-2 px-2 py-0.5 text-xs text-muted">
                  {tag}
                </span>
              ))}
            </div>
            <Button
              className="mt-4 self-start"
              variant="primary"
              busy={create.isPending && chosen === template.slug}
              disabled={session.isPending}
              onClick={() => void start(template).catch(() => setChosen(null))}
            >
              Use this template
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
