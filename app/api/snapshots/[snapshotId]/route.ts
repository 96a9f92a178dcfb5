/**
 * Downloads a snapshot as a safetensors file, for its run's owner (session cookie or x-api-key).
 * Anyone else gets 404, whether or not the snapshot exists.
 */
import { NextResponse } from 'next/server';
import { z } from 'zod';

import { getServerDeps } from '@/server/deps';
import { NotFoundError } from '@/server/errors';
import { downloadSnapshot } from '@/server/services/snapshots';
import { createContext } from '@/server/trpc/context';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ snapshotId: z.uuid() });

export async function GET(
  request: Request,
  { params }: { params: Promise<{ snapshotId: string }> },
): Promise<Response> {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return NextResponse.json({ error: 'invalid snapshot id' }, { status: 400 });

  const deps = getServerDeps();
  const context = await createContext(deps, request.headers);
  if (!context.caller) {
    return NextResponse.json(
      { error: context.authFailure ?? 'sign in or send an API key in x-api-key' },
      { status: 401 },
    );
  }

  try {
    const { bytes, fileName, sha256 } = await downloadSnapshot(
      deps,
      context.caller.userId,
      parsed.data.snapshotId,
    );
    return new Response(new Blob([new Uint8Array(bytes)]), {
      headers: {
        'content-type': 'application/octet-stream',
        'content-length': String(bytes.byteLength),
        'content-disposition': `attachment; filename="${fileName}"`,
        'x-content-sha256': sha256,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return NextResponse.json({ error: error.message }, { status: 404 });
    context.log.error({ err: error, snapshotId: parsed.data.snapshotId }, 'snapshot download failed');
    return NextResponse.json({ error: 'snapshot download failed' }, { status: 500 });
  }
}
