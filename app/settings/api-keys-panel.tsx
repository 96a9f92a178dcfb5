'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';

import { Button } from '../_components/ui/button';
import { formatRelative } from '../_components/ui/format';
import { ErrorBox, Loading } from '../_components/ui/states';
import { useTRPC } from '../_trpc/react';

/** API keys: create one (its secret is shown once), see the list, revoke. */
export function ApiKeysPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
  const create = useMutation(trpc.apiKeys.create.mutationOptions({ onSuccess: () => void refresh() }));
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSuccess: () => void refresh() }));
  const [name, setName] = useState('');

  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim() || 'script' }, { onSuccess: () => setName('') });
  };

  return (
    <section className="rounded-lg border border-line bg-panel p-4" data-testid="api-keys">
      <h2 className="font-medium">API keys</h2>
      <p className="mt-1 text-sm text-muted">
        Scripts send a key in the <code className="font-mono">x-api-key</code> header. Keys are stored hashed,
        so each is shown only when it is created.
      </p>

      <form className="mt-3 flex gap-2" onSubmit={onCreate}>
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="Key name, e.g. laptop script"
          maxLength={64}
          className="h-9 w-72 rounded-md border border-line bg-panel px-3 text-sm outline-none focus:border-accent"
          aria-label="API key name"
        />
        <Button type="submit" variant="primary" busy={create.isPending}>
          Create key
        </Button>
      </form>
      {create.error ? <ErrorBox title="Could not create the key" error={create.error} /> : null}
      {create.data ? (
        <div
          className="mt-3 rounded-md border border-accent/40 bg-accent/5 p-3 text-sm"
          data-testid="new-api-key"
        >
          <p className="font-medium">Copy this key now; it will not be shown again.</p>
          <input
            readOnly
            value={create.data.key}
            onFocus={(event) => event.currentTarget.select()}
            className="mt-2 w-full rounded border border-line bg-panel px-2 py-1 font-mono text-xs"
            aria-label="New API key"
          />
        </div>
      ) : null}

      <div className="mt-4">
        {keys.isPending ? <Loading /> : null}
        {keys.error ? (
          <ErrorBox title="Could not load your keys" error={keys.error} onRetry={() => void keys.refetch()} />
        ) : null}
        {keys.data && keys.data.length === 0 ? <p className="text-sm text-muted">No keys yet.</p> : null}
        {keys.data && keys.data.length > 0 ? (
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-muted">
              <tr className="border-b border-line">
                <th className="py-1.5 font-normal">name</th>
                <th className="py-1.5 font-normal">starts with</th>
                <th className="py-1.5 font-normal">created</th>
                <th className="py-1.5 font-normal">last used</th>
                <th className="py-1.5" />
              </tr>
            </thead>
            <tbody>
              {keys.data.map((key) => (
                <tr key={key.id} className="border-b border-line/60" data-testid="api-key-row">
                  <td className="py-1.5">{key.name ?? '(unnamed)'}</td>
                  <td className="py-1.5 font-mono text-xs">{key.start ? `${key.start}…` : '–'}</td>
                  <td className="py-1.5 text-muted">{formatRelative(key.createdAt)}</td>
                  <td className="py-1.5 text-muted">
                    {key.lastRequest ? formatRelative(key.lastRequest) : 'never'}
                  </td>
                  <td className="py-1.5 text-right">
                    {key.enabled === false ? (
                      <span className="text-xs text-muted">revoked</span>
                    ) : (
                      <Button
                        size="sm"
                        variant="danger"
                        busy={revoke.isPending && revoke.variables.keyId === key.id}
                        onClick={() =>
                          window.confirm(`Revoke "${key.name ?? key.id}"? Scripts using it stop working.`) &&
                          revoke.mutate({ keyId: key.id })
                        }
                      >
                        Revoke
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {revoke.error ? <ErrorBox title="Could not revoke the key" error={revoke.error} /> : null}
      </div>
    </section>
  );
}
