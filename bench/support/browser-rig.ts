// The browser benches' rig: the headless station in this process (on a temporary data folder) and
// Debian's Chromium with the same flags as the Playwright suite. `close()` undoes both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { startStation, type Station } from '../../src/station/station';
import { createConsoleLogger } from '../../src/core/platform/logger';
import { CHROMIUM_ARGS } from '../../playwright.config';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface BenchRig {
  station: Station;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Frames not paced by vsync: rAF runs as soon as the previous frame's work is done, so an interval
 * is the page's own cost for that frame (with vsync, an idle page already reports ~17 ms at p95).
 */
export const UNPACED_FRAME_ARGS = ['--disable-frame-rate-limit', '--disable-gpu-vsync'];

/** Debian's Chromium with the Playwright suite's flags, plus `extraArgs`. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.BATON_CHROMIUM ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export async function startBenchRig(options: { name: string; showFile: string | null; producerToken: string | null }): Promise<BenchRig> {
  const dataDir = mkdtempSync(join(tmpdir(), `baton-bench-${options.name}-`));
  const station = await startStation({
    mode: 'headless',
    port: 0,
    lan: false,
    dataDir,
    showFile: options.showFile,
    appRoot: ROOT,
    version: 'bench',
    log: createConsoleLogger({ quiet: true }),
    secrets: null,
    envProducerToken: options.producerToken,
    nativeBinding: null,
    clock: null,
  });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await station.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    station,
    browser,
    async close() {
      await browser.close();
      await station.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
