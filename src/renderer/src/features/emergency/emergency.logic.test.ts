import { describe, expect, it } from 'vitest';
import type { CuesState, ObsState, OfferView } from '../../../../shared/contract/index';
import { domainView } from '../../../../shared/contract/role-policy';
import { emergencies, hostLines, pageTitle, stationRetryLine, type EmergencyInput } from './emergency.logic';

const obs = (patch: Partial<ObsState> = {}, stream: Partial<ObsState['stream']> = {}, ingest: Partial<ObsState['ingest']> = {}): ObsState =>
  ({
    link: 'connected',
    synced: true,
    url: 'ws://127.0.0.1:4455',
    linkError: null,
    lostAt: null,
    reconnectAttempt: 0,
    stream: { phase: 'live', since: 100, startedAt: 100, reconnects: 0, retry: 0, lastError: null, ...stream },
    ingest: { active: 'primary', server: 'rtmp://a', hasBackup: true, switching: false, ...ingest },
    ...patch,
  }) as ObsState;
const running = { showStartedAt: 1 } as CuesState;
const notStarted = { showStartedAt: null } as CuesState;
const input = (patch: Partial<EmergencyInput>): EmergencyInput => ({ obs: obs(), cues: running, offers: [], stationLinked: true, stationLostAt: null, stationTrying: false, ...patch });
const kinds = (i: EmergencyInput) => emergencies(i).map((e) => e.kind);

describe('emergencies', () => {
  it('is quiet when the show is live on a healthy link', () => {
    expect(emergencies(input({}))).toEqual([]);
  });

  it('an unreachable ingest offers the backup, and the primary when already on the backup', () => {
    const [e] = emergencies(input({ obs: obs({}, { phase: 'reconnecting', since: 500, retry: 2 }) }));
    expect(e).toMatchObject({ kind: 'ingest-unreachable', since: 500, action: { kind: 'switchIngest', to: 'backup', label: 'Switch to backup ingest' }, busy: false });
    expect(e?.cause).toContain('try 2');
    const [back] = emergencies(input({ obs: obs({}, { phase: 'reconnecting' }, { active: 'backup' }) }));
    expect(back?.action).toMatchObject({ kind: 'switchIngest', to: 'primary' });
    const [none] = emergencies(input({ obs: obs({}, { phase: 'reconnecting' }, { hasBackup: false }) }));
    expect(none?.action.kind).toBe('advice');
  });

  it('stays up, busy, while the switch runs — no flash of "stream stopped" between stop and start', () => {
    const list = emergencies(input({ obs: obs({}, { phase: 'idle' }, { switching: true }) }));
    expect(list.map((e) => [e.kind, e.busy])).toEqual([['ingest-unreachable', true]]);
  });

  it('a stream that is not live while the show clock runs is an emergency with "Restart stream"; before the show it is not', () => {
    expect(emergencies(input({ obs: obs({}, { phase: 'idle', since: 9 }) }))).toMatchObject([{ kind: 'stream-stopped', since: 9, action: { kind: 'startStream' } }]);
    expect(kinds(input({ obs: obs({}, { phase: 'idle' }), cues: notStarted }))).toEqual([]);
  });

  it('a stream idle since before the show clock started was never live in this show: "Start stream", not "Restart stream"', () => {
    const started = { showStartedAt: 5_000 } as CuesState;
    const never = emergencies(input({ obs: obs({}, { phase: 'idle', since: 1_000 }), cues: started }))[0];
    expect(never).toMatchObject({ kind: 'stream-stopped', action: { kind: 'startStream', label: 'Start stream' } });
    expect(never?.cause).toMatch(/not live/);
    const stopped = emergencies(input({ obs: obs({}, { phase: 'idle', since: 8_000 }), cues: started }))[0];
    expect(stopped).toMatchObject({ kind: 'stream-stopped', action: { kind: 'startStream', label: 'Restart stream' } });
    expect(stopped?.cause).toMatch(/^Stream stopped/);
  });

  it('counts "since" from when the emergency began: a stream idle or a link lost before the show is an emergency from the show clock on', () => {
    // The e2e read "1 min 14 s" on a show clock at 0:47: the stream had been idle since OBS was linked.
    const started = { showStartedAt: 5_000 } as CuesState;
    expect(emergencies(input({ obs: obs({}, { phase: 'idle', since: 1_000 }), cues: started }))[0]?.since).toBe(5_000);
    expect(emergencies(input({ obs: obs({}, { phase: 'idle', since: 8_000 }), cues: started }))[0]?.since).toBe(8_000);
    const lost = obs({ link: 'connecting', synced: false, lostAt: 2_000 }, { phase: 'unknown' });
    expect(emergencies(input({ obs: lost, cues: started }))[0]).toMatchObject({ kind: 'obs-link-lost', since: 5_000 });
    // Never linked at all (no lostAt): since the show clock started, not "NOW" for ever.
    expect(emergencies(input({ obs: obs({ link: 'disconnected', synced: false, lostAt: null }, { phase: 'unknown' }), cues: started }))[0]).toMatchObject({ kind: 'obs-link-lost', since: 5_000 });
  });

  it('the OBS link lost during the show offers a reconnect; the station lost comes first', () => {
    const lost = obs({ link: 'connecting', synced: false, lostAt: 42, linkError: 'OBS not running' }, { phase: 'unknown' });
    expect(emergencies(input({ obs: lost }))).toMatchObject([{ kind: 'obs-link-lost', since: 42, action: { kind: 'reconnectObs', url: 'ws://127.0.0.1:4455' } }]);
    expect(kinds(input({ obs: lost, cues: notStarted }))).toEqual([]);
    expect(kinds(input({ stationLinked: false, stationLostAt: 7 }))).toEqual(['station-lost']);
  });

  it('the host’s card names the producer’s move for a lost OBS link, though its snapshot hides OBS’s address', () => {
    // The e2e crash of a real OBS: the producer's banner said "Reconnect to OBS now", the host's card
    // "The producer's move: Check OBS on the streaming computer" — the host's obs slice has no url.
    const lost = { ...obs({ link: 'connecting', synced: false, lostAt: 42, linkError: 'OBS at ws://127.0.0.1:4455 dropped' }, { phase: 'unknown' }), health: { level: 'unknown', reasons: [] } } as unknown as ObsState;
    const [producer] = emergencies(input({ obs: lost }));
    const [host] = emergencies(input({ obs: domainView('host', 'obs', lost) }));
    expect(producer?.action).toEqual({ kind: 'reconnectObs', url: 'ws://127.0.0.1:4455', label: 'Reconnect to OBS now' });
    expect(host?.action).toEqual({ kind: 'reconnectObs', url: null, label: 'Reconnect to OBS now' });
    expect(host && hostLines(host).second).toBe("Keep going. The producer's move: Reconnect to OBS now.");
    expect(JSON.stringify(host)).not.toContain('4455');
    // Never linked, nothing to reconnect to: the advice, in every view.
    const never = obs({ link: 'disconnected', synced: false, url: null, lostAt: null }, { phase: 'unknown' });
    expect(emergencies(input({ obs: never }))[0]?.action).toEqual({ kind: 'advice', label: 'Check OBS on the streaming computer' });
  });

  it('an offer paused by a rule offers resume; a pause the store cannot confirm says to pause in the store’s admin', () => {
    const offer = (patch: Partial<OfferView>): OfferView =>
      ({ id: 'o1', name: 'Glow Kit', intent: 'paused', state: 'paused', pending: false, storeReachable: true, storeLabel: 'Vendure', requestedBy: 'system:trigger:pay-errors', reason: 'payment errors 30%', pendingSince: 5, confirmedAt: 6, ...patch }) as OfferView;
    expect(emergencies(input({ offers: [offer({})] }))).toMatchObject([{ kind: 'offer-rule-paused', cause: 'Glow Kit paused by rule pay-errors: payment errors 30%.', action: { kind: 'resumeOffer', offerId: 'o1' } }]);
    // The trigger engine's own reason names the rule: the banner says it once.
    const named = offer({ reason: 'Rule pay-errors (payment error rate): 12 errors in 60 s; limit 10' });
    expect(emergencies(input({ offers: [named] }))[0]?.cause).toBe('Glow Kit paused by rule pay-errors (payment error rate): 12 errors in 60 s; limit 10.');
    expect(kinds(input({ offers: [offer({ requestedBy: 'producer' })] }))).toEqual([]);
    // Until the store's read-back confirms it, the banner says the rule is pausing it, not that it is paused
    // (the e2e read 'pausing, pending' from the station while the banner already said 'paused by rule').
    const inFlight = emergencies(input({ offers: [offer({ state: 'pausing', pending: true, confirmedAt: null })] }))[0];
    expect(inFlight).toMatchObject({ kind: 'offer-rule-paused', busy: true, cause: 'Glow Kit: rule pay-errors is pausing it (payment errors 30%); waiting for the store to confirm.' });
    const namedInFlight = offer({ state: 'pausing', pending: true, reason: 'Rule pay-errors (payment error rate): 12 errors in 60 s; limit 10' });
    expect(emergencies(input({ offers: [namedInFlight] }))[0]?.cause).toBe('Glow Kit: rule pay-errors (payment error rate) is pausing it (12 errors in 60 s; limit 10); waiting for the store to confirm.');
    // The store's own admin is one click away when Baton can name it: a link to the offer's page there.
    const down = { state: 'error', pending: true, storeReachable: false, requestedBy: 'producer' } as const;
    const url = 'http://127.0.0.1:3001/admin/marketing/promotions/1';
    expect(emergencies(input({ offers: [offer({ ...down, storeKind: 'vendure', storeLabel: 'Vendure 127.0.0.1:3001 · promotion 1', storeAdminUrl: url })] }))).toMatchObject([
      { kind: 'store-unreachable', cause: 'Glow Kit: pause asked but Vendure 127.0.0.1:3001 · promotion 1 is not answering — the offer may still be selling.', action: { kind: 'openStoreAdmin', url, label: 'Pause it in the Vendure admin' } },
    ]);
    // Without one (a webhook store), the words say where; no label built from the store's long name.
    expect(emergencies(input({ offers: [offer({ ...down, storeKind: 'webhook', storeLabel: 'Webhook shop.example', storeAdminUrl: null })] }))).toMatchObject([
      { kind: 'store-unreachable', action: { kind: 'advice', label: 'Pause it in the store’s own admin' } },
    ]);
  });

  it('the host reads what to do first, and an offer’s cause in the host’s words: no store address, no rule id', () => {
    const base = { id: 'o2', name: 'Serum duo', intent: 'paused', state: 'paused', storeLabel: 'Vendure 10.0.0.5:3000 · promotion 7', storeKind: 'vendure', storeAdminUrl: null, confirmedAt: 6 } as unknown as OfferView;
    const [down] = emergencies(input({ offers: [{ ...base, pending: true, storeReachable: false, pendingSince: 5, requestedBy: 'Maya' } as OfferView] }));
    expect(down && hostLines(down)).toEqual({ lead: 'Do not read the Serum duo CTA. The producer is on it.', second: 'The store has not confirmed the pause: it may still be selling.' });
    const [rule] = emergencies(input({ offers: [{ ...base, pending: false, storeReachable: true, pendingSince: 5, requestedBy: 'system:trigger:store-5xx', reason: '6 store 5xx' } as OfferView] }));
    expect(rule && hostLines(rule)).toEqual({ lead: 'Do not read the Serum duo CTA. The producer is on it.', second: 'Serum duo was paused by a rollback rule.' });
    const [pausing] = emergencies(input({ offers: [{ ...base, state: 'pausing', pending: true, storeReachable: true, pendingSince: 5, requestedBy: 'system:trigger:store-5xx', reason: '6 store 5xx' } as OfferView] }));
    expect(pausing && hostLines(pausing)).toEqual({ lead: 'Do not read the Serum duo CTA. The producer is on it.', second: 'Serum duo is being paused by a rollback rule.' });
    for (const e of [down, rule]) expect(JSON.stringify(e && hostLines(e))).not.toMatch(/10\.0\.0\.5|store-5xx|promotion/);
    const [lost] = emergencies(input({ stationLinked: false, stationLostAt: 7 }));
    expect(lost && hostLines(lost)).toEqual({ lead: 'Station lost — keep going, the producer knows.', second: null });
    const [stream] = emergencies(input({ obs: obs({}, { phase: 'idle', since: 9 }) }));
    expect(stream && hostLines(stream)).toEqual({ lead: stream!.cause, second: `Keep going. The producer's move: ${stream!.action.label}.` });
  });

  it('tells the host which offer’s CTA to skip, never just "the CTA" when several are on the card', () => {
    const offer = { id: 'o2', name: 'Serum duo', intent: 'paused', state: 'paused', pending: false, storeReachable: true, storeLabel: 'Vendure', requestedBy: 'system:trigger:store-5xx', reason: '6 store 5xx', pendingSince: 5, confirmedAt: 6 } as OfferView;
    const [paused] = emergencies(input({ offers: [offer] }));
    expect(paused && hostLines(paused).lead).toBe('Do not read the Serum duo CTA. The producer is on it.');
    const [lost] = emergencies(input({ stationLinked: false, stationLostAt: 7 }));
    expect(lost && hostLines(lost).lead).toBe('Station lost — keep going, the producer knows.');
  });

  it('the station lost offers "Reconnect now", busy while a try is under way', () => {
    expect(emergencies(input({ stationLinked: false, stationLostAt: 7 }))).toMatchObject([{ kind: 'station-lost', since: 7, action: { kind: 'reconnectStation', label: 'Reconnect now' }, busy: false }]);
    expect(emergencies(input({ stationLinked: false, stationLostAt: 7, stationTrying: true }))[0]?.busy).toBe(true);
  });

  it('says what the view does about a lost station: trying now, or when it tries by itself', () => {
    expect(stationRetryLine(true, 9_000, 5_000)).toBe('Trying to reach it now…');
    expect(stationRetryLine(false, 9_000, 5_000)).toBe('Next try in 4 s.');
    expect(stationRetryLine(false, 9_000, 5_001)).toBe('Next try in 4 s.');
    expect(stationRetryLine(false, 9_000, 8_999)).toBe('Next try in 1 s.');
    // Late by a tick: never "in 0 s" or a negative count.
    expect(stationRetryLine(false, 9_000, 9_400)).toBe('Next try in 1 s.');
    expect(stationRetryLine(false, null, 5_000)).toBe('It reconnects by itself.');
  });

  it('titles the page with emergencies, air and paused offers', () => {
    expect(pageTitle({ onAir: true, emergencies: 0, pausedOffers: 1, view: 'Producer', show: 'Glow' })).toBe('● ON AIR · 1 PAUSED — Producer · Glow — Baton');
    expect(pageTitle({ onAir: false, emergencies: 2, pausedOffers: 0, view: 'Host', show: null })).toBe('⚠ 2 · OFF AIR — Host — Baton');
  });
});
