// The two other ways the link can fail to come up, against the real thing: OBS not running at the
// address, and obs-websocket with authentication turned off (it then listens on every interface).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../peers/process-control';
import { startObsRig, type ObsRig } from '../../peers/obs-rig';

let rig: ObsRig;

beforeAll(async () => {
  rig = await startObsRig({ password: null });
});

afterAll(async () => {
  await rig?.close();
});

describe('Baton ↔ real OBS Studio, link set-up', () => {
  it('says OBS is not running at an address where nothing listens, and keeps trying', async () => {
    const url = `ws://127.0.0.1:${await findFreePort()}`;
    const r = await rig.api('obs.connect', { url, password: '' });
    expect(r.status).toBe(200);
    expect(r.body.result).toEqual({ link: 'connecting', linkError: `OBS not running at ${url} (connection refused). Start OBS, or check its WebSocket server is on.` });
    const refused = await rig.api('obs.startStream');
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toMatch(/^OBS link is down \(lost \d+ s ago\) — not sent\. OBS not running at/);
  });

  it('connects to an OBS with authentication off, and warns the producer', async () => {
    const r = await rig.api('obs.connect', { url: rig.obs.url, password: '' });
    expect(r.body.result).toEqual({ link: 'connected', linkError: null });
    expect(rig.obsState()).toMatchObject({ authDisabled: true, synced: true, scenes: [...rig.obs.scenes] });
    const alert = rig.station.core.snapshot().state.alerts.items.find((a) => a.key === 'obs.authDisabled' && a.clearedAt === null);
    expect(alert?.level).toBe('warn');
    expect(alert?.message).toContain('authentication is off');
  });
});
