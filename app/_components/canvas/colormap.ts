import { hexToRgb, type CanvasTheme } from './theme';

export type Rgb = [number, number, number];

/** Viridis sampled at nine even steps: perceptually even and readable in grey scale too. */
const VIRIDIS: readonly Rgb[] = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];

/** Maps `t` in [0, 1] (clamped) onto viridis. */
export function sequentialColor(t: number): Rgb {
  const clamped = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const position = clamped * (VIRIDIS.length - 1);
  const index = Math.min(VIRIDIS.length - 2, Math.floor(position));
  return mix(VIRIDIS[index]!, VIRIDIS[index + 1]!, position - index);
}

/** Maps `t` in [-1, 1] (clamped) from the theme's negative colour through its panel to positive. */
export function divergingColor(t: number, theme: CanvasTheme): Rgb {
  const clamped = Number.isFinite(t) ? Math.min(1, Math.max(-1, t)) : 0;
  const middle = hexToRgb(theme.panel);
  return clamped < 0
    ? mix(middle, hexToRgb(theme.heatNeg), -clamped)
    : mix(middle, hexToRgb(theme.heatPos), clamped);
}

/** A colour function for values in `[min, max]`: diverging around 0 when the range has both signs. */
export function valueColorScale(min: number, max: number, theme: CanvasTheme): (value: number) => Rgb {
  if (min < 0 && max > 0) {
    const limit = Math.max(-min, max);
    return (value) => divergingColor(value / limit, theme);
  }
  const span = max - min || 1;
  return (value) => sequentialColor((value - min) / span);
}

/** CSS gradient with the same colours, for legends. */
export function scaleGradientCss(min: number, max: number, theme: CanvasTheme): string {
  const color = valueColorScale(min, max, theme);
  const stops = Array.from({ length: 9 }, (_, i) => {
    const [r, g, b] = color(min + ((max - min) * i) / 8);
    return `rgb(${r} ${g} ${b}) ${(i * 100) / 8}%`;
  });
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [
    Math.round(a[0] + (b[0] - a[0]) * t),
    Math.round(a[1] + (b[1] - a[1]) * t),
    Math.round(a[2] + (b[2] - a[2]) * t),
  ];
}
