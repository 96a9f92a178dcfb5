/**
 * Geometry of the saccades: where the image sits at each step of a presentation.
 *
 * The image moves along a closed polygon of displacement vertices `(dxPx, dyPx)` (positive x to
 * the right, positive y down), one straight sweep per edge, all edges of equal duration, and back
 * to the first vertex. The default is a triangle of three sweeps. It is modelled on N-MNIST
 * (Orchard et al., Frontiers in Neuroscience 9:437, 2015), recorded by an ATIS camera on a pan-tilt
 * unit making saccades in front of each digit shown on a monitor.
 *
 * Timing: over a window of T ticks, step s (from 0) sits at phase `min(1, (s + 1) / T)` of the
 * loop. Phase 0, the first vertex, is the view the sensor adapted to before the sample; the last
 * step of the window, s = T - 1, is back at the first vertex, and later steps stay there.
 */

export type Displacement = readonly [dxPx: number, dyPx: number];

/**
 * Returns the default triangle for a sweep amplitude A in pixels: top centre (0, -A), then bottom
 * right (A, A), then bottom left (-A, A). Every displacement stays within A of the centre, so a
 * 28 x 28 image on a canvas with a margin of A never leaves it.
 */
export function triangleVertices(amplitudePx: number): Displacement[] {
  return [
    [0, -amplitudePx],
    [amplitudePx, amplitudePx],
    [-amplitudePx, amplitudePx],
  ];
}

/** Returns the displacement at `step` of a window of `windowTicks` ticks along the closed loop. */
export function displacementAt(
  vertices: readonly Displacement[],
  step: number,
  windowTicks: number,
): Displacement {
  const edges = vertices.length;
  const phase = Math.min(1, (step + 1) / windowTicks);
  const scaled = phase * edges;
  const edge = Math.min(edges - 1, Math.floor(scaled));
  const fraction = scaled - edge;

  const from = vertices[edge]!;
  const to = vertices[(edge + 1) % edges]!;
  return [from[0] + fraction * (to[0] - from[0]), from[1] + fraction * (to[1] - from[1])];
}
