'use client';

import { skipToken } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useMemo, useRef, useState } from 'react';

import { useTRPC } from '../_trpc/react';
import { RunFeed } from './feed';
import { progressMessageSchema, type RunSpecShape } from './messages';

export type FeedSource = { kind: 'run'; runId: string } | { kind: 'share'; token: string };

export interface RunFeedState {
  feed: RunFeed;
  /** Changes whenever the feed does; pass it to components that read the feed's arrays. */
  revision: number;
  connection: 'idle' | 'connecting' | 'pending' | 'error';
  connectionError: string | null;
}

/**
 * Subscribes to a run's progress over server-sent events and folds the messages into a
 * `RunFeed`. After a dropped connection the link reconnects with the last event id, so the feed
 * resumes without losing or repeating a message.
 */
export function useRunFeed(source: FeedSource | null, spec: RunSpecShape | null): RunFeedState | null {
  const trpc = useTRPC();
  const feedKey = source ? `${source.kind}:${source.kind === 'run' ? source.runId : source.token}` : '';
  // A new source or spec starts a new feed; the key stands for the source, whose object may be new each render.
  const feed = useMemo(() => (spec ? new RunFeed(spec) : null), [feedKey, spec]);
  const [revision, setRevision] = useState(0);
  const feedRef = useRef(feed);
  feedRef.current = feed;

  const onData = (envelope: { id: string; data: unknown }) => {
    const message = progressMessageSchema.safeParse(envelope.data);
    if (!message.success || !feedRef.current) return;
    feedRef.current.apply(message.data, performance.now());
    setRevision(feedRef.current.revision);
  };

  const enabled = feed !== null;
  const runSubscription = useSubscription(
    trpc.runs.progress.subscriptionOptions(
      source?.kind === 'run' && enabled ? { runId: source.runId } : skipToken,
      { onData },
    ),
  );
  const shareSubscription = useSubscription(
    trpc.share.progress.subscriptionOptions(
      source?.kind === 'share' && enabled ? { token: source.token } : skipToken,
      {
        onData,
      },
    ),
  );

  if (!feed) return null;
  const subscription = source?.kind === 'share' ? shareSubscription : runSubscription;
  return {
    feed,
    revision,
    connection: subscription.status,
    connectionError: subscription.error?.message ?? null,
  };
}
