// Polls a condition in tests until it holds, or fails naming what it waited for. One copy for the
// unit and integration suites (each used to carry its own).
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 3_000,
  what: string | (() => string) = 'a condition',
  intervalMs = 5,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
