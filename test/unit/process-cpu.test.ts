import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromiumKind, cpuBetween, sampleCpu } from '../support/process-cpu';

describe('process CPU accounting (the busy-desk run says where its time went)', () => {
  it('names a Chromium process by its --type, the parent one "browser"', () => {
    expect(chromiumKind('/usr/lib/chromium/chromium --type=gpu-process --no-sandbox')).toBe('gpu-process');
    expect(chromiumKind('/usr/lib/chromium/chromium --type=renderer --crashpad-handler-pid=0')).toBe('renderer');
    expect(chromiumKind('/usr/lib/chromium/chromium --headless --remote-debugging-pipe')).toBe('browser');
  });

  it.runIf(existsSync('/proc/self/stat'))('counts a busy child under its root and reports the difference between two samples', async () => {
    const before = sampleCpu({ me: process.pid });
    // A live child busy for 0.6 s (an exited one is gone from /proc, its time with it).
    const busy = spawn(process.execPath, ['-e', 'const end = Date.now() + 600; while (Date.now() < end); setTimeout(() => {}, 2000);']);
    await new Promise((r) => setTimeout(r, 900));
    const after = sampleCpu({ me: process.pid });
    busy.kill();
    expect(after?.seconds.me ?? 0).toBeGreaterThan((before?.seconds.me ?? 0) + 0.2);
    expect(cpuBetween(before, after)).toMatch(/^me \d+\.\d s$/);
    expect(cpuBetween(null, after)).toBe('not measured (no /proc)');
  });
});
