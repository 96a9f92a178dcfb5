/**
 * Browser speed of the notebook UI: `npm run bench -- ui [--json]`, in Debian's Chromium
 * (`CHROMIUM_PATH`, default /usr/bin/chromium) driven by Playwright.
 *
 * - raster-1m-draw: milliseconds the spike raster takes to draw 1,000,000 spikes on the component
 *   page (`/dev/components`), median of several full redraws; goal under 500 ms. The time from
 *   choosing 1,000,000 spikes to the drawn canvas, data generation included, is reported too.
 * - stream-fps: animation frames per second on a run page while the MNIST template's run streams
 *   its chunks, over 5 s; goal at least 30. The maximum gap between two frames is reported too.
 * - notebook-20-first-input: milliseconds from navigation start to the first typed character
 *   showing in a network cell, on a notebook of 20 cells (6 networks, their run cells and
 *   markdown), median of 3 loads after one warm-up load.
 *
 * The stack is the one the Playwright journeys use (`e2e/serve.ts`: `next dev`, one worker, a
 * fresh database). A server already responding on E2E_PORT (default 3210) is used as it is.
 * NOTE: `next dev` serves unminified bundles with development checks, so these times are higher
 * than a production build would give.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

import { chromium, type Page } from 'playwright';

import { PAIR_DEMO } from '../app/_templates/pair-demo';

const ROOT = path.resolve(import.meta.dirname, '..');
const PORT = Number(process.env.E2E_PORT ?? 3210);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const SERVER_START_TIMEOUT_MS = 300_000;
const RASTER_REDRAWS = 5;
const FPS_WINDOW_MS = 5_000;
const NOTEBOOK_LOADS = 3;
const PASSWORD = 'bench-password-not-secret';

interface Figure {
  name: string;
  value: number;
  unit: string;
  goal: string;
  extra?: Record<string, number | string>;
}

async function serverUp(): Promise<boolean> {
  try {
    return (await fetch(`${BASE_URL}/api/auth/ok`)).ok;
  } catch {
    return false;
  }
}

/** Starts `e2e/serve.ts` unless a server already responds; returns the child to stop, if any. */
async function ensureServer(): Promise<ChildProcess | null> {
  if (await serverUp()) return null;
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['e2e/serve.ts'], {
    cwd: ROOT,
    env: { ...process.env, E2E_PORT: String(PORT) },
    stdio: 'ignore',
  });
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await serverUp()) return child;
    if (child.exitCode !== null) throw new Error(`e2e/serve.ts exited with code ${child.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  child.kill('SIGTERM');
  throw new Error(`the server on ${BASE_URL} did not respond within ${SERVER_START_TIMEOUT_MS} ms`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function signUp(page: Page): Promise<void> {
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill('Bench');
  await page.getByLabel('Email').fill(`bench-${Date.now()}-${process.pid}@example.com`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL((url) => url.pathname === '/notebooks', { timeout: 120_000 });
}

async function measureRaster(page: Page): Promise<Figure> {
  await page.goto('/dev/components', { timeout: 180_000 });
  const raster = page.getByTestId('spike-raster').first();
  await raster.waitFor({ timeout: 180_000 });

  // Switch to 10,000 spikes and back, timing the load of 1,000,000 (data and first draw).
  await page.getByTestId('spike-total').selectOption('10000');
  await page.waitForFunction(
    () => document.querySelector('[data-testid=spike-raster]')?.getAttribute('data-total-spikes') === '10000',
  );
  const loadStart = Date.now();
  await page.getByTestId('spike-total').selectOption('1000000');
  await page.waitForFunction(() => {
    const element = document.querySelector('[data-testid=spike-raster]');
    return (
      element?.getAttribute('data-total-spikes') === '1000000' &&
      Number(element.getAttribute('data-spike-count')) > 0
    );
  });
  const loadMs = Date.now() - loadStart;

  // Each zoom step redraws every spike in view; a double-click back to the full view redraws all.
  const drawTimes: number[] = [];
  const box = await raster.locator('canvas').boundingBox();
  if (!box) throw new Error('the raster canvas has no size');
  for (let i = 0; i < RASTER_REDRAWS; i++) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -100);
    await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(200);
    const total = await raster.getAttribute('data-spike-count');
    if (total === '0') throw new Error('the raster drew no spikes');
    drawTimes.push(Number(await raster.getAttribute('data-draw-ms')));
  }

  return {
    name: 'raster-1m-draw',
    value: median(drawTimes),
    unit: 'ms',
    goal: '< 500',
    extra: { spikes: 1_000_000, loadWithDataMs: loadMs, redraws: RASTER_REDRAWS },
  };
}

/**
 * Counts animation frames for a window in the page and returns frames per second and the maximum
 * gap. It is sent as source text because tsx wraps named functions in a `__name` helper that the
 * page does not have.
 */
const COUNT_FRAMES_SOURCE = `(duration) => new Promise((resolve) => {
  const stamps = [];
  const start = performance.now();
  const onFrame = (now) => {
    stamps.push(now);
    if (now - start < duration) {
      requestAnimationFrame(onFrame);
      return;
    }
    let maxGapMs = 0;
    for (let i = 1; i < stamps.length; i++) maxGapMs = Math.max(maxGapMs, stamps[i] - stamps[i - 1]);
    const spanMs = stamps[stamps.length - 1] - stamps[0];
    resolve({ fps: ((stamps.length - 1) * 1000) / spanMs, maxGapMs });
  };
  requestAnimationFrame(onFrame);
})`;

async function countFrames(page: Page, windowMs: number): Promise<{ fps: number; maxGapMs: number }> {
  return page.evaluate<{ fps: number; maxGapMs: number }>(`(${COUNT_FRAMES_SOURCE})(${windowMs})`);
}

async function measureStreaming(page: Page): Promise<Figure> {
  await page.goto('/templates');
  const card = page.getByTestId('template-mnist-stdp');
  await card.getByRole('button', { name: 'Use this template' }).click();
  await page.waitForURL(/\/notebooks\/[0-9a-f-]{36}$/, { timeout: 120_000 });
  await page.getByTestId('run-button').first().click();
  const link = page.getByTestId('open-run-page').first();
  await link.waitFor({ timeout: 120_000 });
  await link.click();
  await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);

  // Measure only once chunks arrive, and count the chunks seen in the window.
  const progress = page.getByTestId('run-progress');
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid=run-progress]')?.getAttribute('data-ticks-done')) > 0,
    undefined,
    { timeout: 180_000 },
  );
  const ticksBefore = Number(await progress.getAttribute('data-ticks-done'));
  const frames = await countFrames(page, FPS_WINDOW_MS);
  const ticksAfter = Number(await progress.getAttribute('data-ticks-done'));
  const status = (await page.getByTestId('run-status').getAttribute('data-status')) ?? 'unknown';

  // Cancels the run, so the shared worker is free for the next run.
  const cancel = page.getByRole('button', { name: 'Cancel' });
  if (await cancel.isVisible()) await cancel.click();

  return {
    name: 'stream-fps',
    value: frames.fps,
    unit: 'frames/s',
    goal: '>= 30',
    extra: {
      maxFrameGapMs: frames.maxGapMs,
      ticksStreamed: ticksAfter - ticksBefore,
      statusAfter: status,
    },
  };
}

function twentyCells(): unknown[] {
  const spec = PAIR_DEMO.cells.find((cell) => cell.type === 'spec');
  if (!spec || spec.type !== 'spec') throw new Error('the pair-demo template has no spec cell');
  const cells: unknown[] = [];
  for (let network = 0; network < 6; network++) {
    const specId = `spec${network}`;
    cells.push({
      id: `md${network}`,
      type: 'markdown',
      source: `## Network ${network}\n\nA copy of the pair demo.`,
    });
    cells.push({
      id: specId,
      type: 'spec',
      source: spec.source.replace('name: pair-demo', `name: pair-${network}`),
    });
    cells.push({
      id: `run${network}`,
      type: 'run',
      specCellId: specId,
      mode: null,
      seed: network,
      ticks: 20,
      split: null,
      samples: null,
      lastRunId: null,
    });
  }
  cells.push({ id: 'mdEnd1', type: 'markdown', source: 'The end.' });
  cells.push({ id: 'mdEnd2', type: 'markdown', source: 'Notes.' });
  return cells;
}

async function measureNotebookLoad(page: Page): Promise<Figure> {
  const cells = twentyCells();
  const notebookId = await page.evaluate(
    async (body) => {
      const response = await fetch('/api/trpc/notebooks.create', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json: body }),
      });
      if (!response.ok)
        throw new Error(`notebooks.create failed: ${response.status} ${await response.text()}`);
      const parsed = (await response.json()) as { result: { data: { json: { id: string } } } };
      return parsed.result.data.json.id;
    },
    { title: 'Twenty cells', cells },
  );

  const times: number[] = [];
  for (let load = 0; load <= NOTEBOOK_LOADS; load++) {
    await page.goto(`/notebooks/${notebookId}`, { waitUntil: 'commit', timeout: 180_000 });
    const content = page.getByTestId('spec-editor').first().locator('.cm-content');
    await content.click({ timeout: 180_000 });
    await page.keyboard.press('Control+End');
    await page.keyboard.type('#');
    const shownAtMs = await page.waitForFunction(() => {
      const editor = document.querySelector('[data-testid=spec-editor] .cm-content');
      return editor?.textContent?.endsWith('#') ? performance.now() : null;
    });
    const value = Number(await shownAtMs.jsonValue());
    await page.keyboard.press('Backspace');
    await page.getByTestId('save-status').and(page.locator('[data-status=saved]')).waitFor();
    // The first load compiles the route in `next dev`, so it is a warm-up.
    if (load > 0) times.push(value);
  }

  return {
    name: 'notebook-20-first-input',
    value: median(times),
    unit: 'ms',
    goal: 'as low as possible',
    extra: { cells: cells.length, loads: NOTEBOOK_LOADS, worstMs: Math.max(...times) },
  };
}

function print(figure: Figure, json: boolean): void {
  if (json) {
    // Tenths are already below the run-to-run spread of these figures.
    const rounded = JSON.stringify(
      { benchmark: 'ui', server: 'next dev', ...figure },
      (_key, value: unknown) =>
        typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 10) / 10 : value,
    );
    process.stdout.write(`${rounded}\n`);
    return;
  }
  const extra = Object.entries(figure.extra ?? {})
    .map(([key, value]) => `${key}=${typeof value === 'number' ? value.toFixed(1) : value}`)
    .join(' ');
  process.stdout.write(
    `${figure.name}: ${figure.value.toFixed(1)} ${figure.unit} (goal ${figure.goal}) ${extra}\n`,
  );
}

export async function run(json: boolean): Promise<void> {
  const server = await ensureServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    await signUp(page);
    print(await measureRaster(page), json);
    print(await measureNotebookLoad(page), json);
    print(await measureStreaming(page), json);
  } finally {
    await browser.close();
    server?.kill('SIGTERM');
  }
}
