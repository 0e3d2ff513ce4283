// Reconnect delays: exponential from a base, capped at a few seconds, with "equal jitter" (half
// fixed, half random) so a studio full of stations does not hammer a restarted OBS in step.

/** Delay before connect try number `attempt` (1-based); the first try after a drop is immediate. */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  if (attempt <= 1) return 0;
  const ceiling = Math.min(capMs, baseMs * 2 ** (attempt - 2));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
