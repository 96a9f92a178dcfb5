'use client';

import { useEffect, useState } from 'react';

/** Colours a canvas needs, read from the page's CSS custom properties. */
export interface CanvasTheme {
  ink: string;
  muted: string;
  line: string;
  panel: string;
  panel2: string;
  accent: string;
  spike: string;
  plot: [string, string, string, string];
  heatNeg: string;
  heatPos: string;
  danger: string;
}

const FALLBACK: CanvasTheme = {
  ink: '#15181d',
  muted: '#646b76',
  line: '#dde1e7',
  panel: '#ffffff',
  panel2: '#f0f2f5',
  accent: '#0b7a8a',
  spike: '#15181d',
  plot: ['#0b7a8a', '#c2410c', '#6d28d9', '#15803d'],
  heatNeg: '#2563eb',
  heatPos: '#dc2626',
  danger: '#c0362c',
};

/** Reads the colour tokens from the root element; server renders get the light fallback. */
export function readCanvasTheme(): CanvasTheme {
  if (typeof window === 'undefined') return FALLBACK;

  const style = getComputedStyle(document.documentElement);
  const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;

  return {
    ink: token('--ink', FALLBACK.ink),
    muted: token('--muted', FALLBACK.muted),
    line: token('--line', FALLBACK.line),
    panel: token('--panel', FALLBACK.panel),
    panel2: token('--panel-2', FALLBACK.panel2),
    accent: token('--accent', FALLBACK.accent),
    spike: token('--spike', FALLBACK.spike),
    plot: [
      token('--plot-1', FALLBACK.plot[0]),
      token('--plot-2', FALLBACK.plot[1]),
      token('--plot-3', FALLBACK.plot[2]),
      token('--plot-4', FALLBACK.plot[3]),
    ],
    heatNeg: token('--heat-neg', FALLBACK.heatNeg),
    heatPos: token('--heat-pos', FALLBACK.heatPos),
    danger: token('--danger', FALLBACK.danger),
  };
}

/** Returns the current canvas theme, updated when the system switches between light and dark. */
export function useCanvasTheme(): CanvasTheme {
  const [theme, setTheme] = useState<CanvasTheme>(FALLBACK);

  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const update = () => setTheme(readCanvasTheme());
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);

  return theme;
}

/** Parses `#rgb` or `#rrggbb` into bytes; other forms give mid grey. */
export function hexToRgb(hex: string): [number, number, number] {
  const body = hex.startsWith('#') ? hex.slice(1) : hex;
  const full =
    body.length === 3
      ? body
          .split('')
          .map((c) => c + c)
          .join('')
      : body;
  if (!/^[0-9a-fA-F]{6}$/.test(full)) return [128, 128, 128];

  const value = Number.parseInt(full, 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}
