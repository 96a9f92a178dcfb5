import { decodeSafetensors } from '@/core/snapshot/safetensors';
import { z } from 'zod';

/** A projection whose stored weights can be drawn as a `[from][to]` matrix. */
export interface DenseProjection {
  name: string;
  from: string;
  to: string;
  fromSize: number;
  toSize: number;
}

const projectionShapeSchema = z.object({
  populations: z.array(z.looseObject({ name: z.string(), size: z.number().int().positive() })),
  projections: z
    .array(
      z.looseObject({
        name: z.string(),
        from: z.string(),
        to: z.string(),
        connectivity: z.looseObject({ kind: z.string(), autapses: z.boolean().optional() }),
      }),
    )
    .catch([]),
});

/**
 * Returns the projections with dense connectivity. Their synapses are stored presynaptic-major
 * with every postsynaptic neuron present, so the flat weight tensor is the `[from][to]` matrix.
 * Sparse and list projections would need their synapse indices to be drawn the same way.
 */
export function denseProjections(spec: unknown): DenseProjection[] {
  const parsed = projectionShapeSchema.safeParse(spec);
  if (!parsed.success) return [];
  const sizes = new Map(parsed.data.populations.map((population) => [population.name, population.size]));

  return parsed.data.projections.flatMap((projection) => {
    const fromSize = sizes.get(projection.from);
    const toSize = sizes.get(projection.to);
    // Without autapses the diagonal is missing, so the flat tensor is not the [from][to] matrix.
    const { kind, autapses } = projection.connectivity;
    if (kind !== 'dense' || autapses === false || !fromSize || !toSize) return [];
    return [{ name: projection.name, from: projection.from, to: projection.to, fromSize, toSize }];
  });
}

/** Downloads a snapshot and returns its weight tensors by projection name. */
export async function fetchSnapshotWeights(
  snapshotId: string,
  signal?: AbortSignal,
): Promise<Map<string, ArrayLike<number>>> {
  const response = await fetch(`/api/snapshots/${snapshotId}`, { credentials: 'same-origin', signal });
  if (!response.ok) throw new Error(`snapshot download failed: HTTP ${response.status}`);

  const { tensors } = decodeSafetensors(new Uint8Array(await response.arrayBuffer()));
  const weights = new Map<string, ArrayLike<number>>();
  for (const [name, tensor] of Object.entries(tensors)) {
    if (name.startsWith('weights.')) weights.set(name.slice('weights.'.length), tensor.data);
  }
  return weights;
}
