'use client';

import { useEffect, useState, type RefObject } from 'react';

export interface ElementSize {
  /** CSS pixels. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel, so canvases can draw at full resolution. */
  pixelRatio: number;
}

/** Tracks an element's content box with a ResizeObserver. */
export function useElementSize(ref: RefObject<HTMLElement | null>): ElementSize {
  const [size, setSize] = useState<ElementSize>({ width: 0, height: 0, pixelRatio: 1 });

  useEffect(() => {
    const element = ref.current;
    if (!element) return;

    const measure = () => {
      const box = element.getBoundingClientRect();
      const pixelRatio = window.devicePixelRatio || 1;
      setSize((previous) =>
        previous.width === box.width && previous.height === box.height && previous.pixelRatio === pixelRatio
          ? previous
          : { width: box.width, height: box.height, pixelRatio },
      );
    };

    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);

  return size;
}

/** Sizes a canvas's backing store to its CSS box at the device pixel ratio. */
export function fitCanvas(canvas: HTMLCanvasElement, size: ElementSize): CanvasRenderingContext2D | null {
  const width = Math.max(1, Math.round(size.width * size.pixelRatio));
  const height = Math.max(1, Math.round(size.height * size.pixelRatio));
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  return canvas.getContext('2d');
}
