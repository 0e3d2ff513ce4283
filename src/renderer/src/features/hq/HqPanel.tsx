// Setup's HQ panel: where this station reports (HQ's address and this station's id there), its
// sync state, and the station token typed once — never shown back. The station checks and stores it.
import { useEffect, useState, type FormEvent } from 'react';
import { useSlice, useStation } from '../../state/station.store';
import { useAction } from '../../state/use-action';
import { Panel } from '../../ui/Panel';
import { Button } from '../../ui/Button';
import { StatusBadge } from '../../ui/StatusDot';
import { formatTimeOfDay } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import { hqConfigureArgs, hqLine } from './hq.logic';

export function HqPanel() {
  const hq = useSlice('hq');
  const act = useAction();
  const linked = useStation((v) => v.connection === 'open');
  useNow(5_000);
  const line = hqLine(hq, formatTimeOfDay);
  const [url, setUrl] = useState(hq?.url ?? '');
  const [stationId, setStationId] = useState(hq?.stationId ?? '');
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Follow the station when another console (or --hq) changed it.
  useEffect(() => {
    if (hq?.url) setUrl(hq.url);
    if (hq?.stationId) setStationId(hq.stationId);
  }, [hq?.url, hq?.stationId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = hqConfigureArgs({ url, stationId, token });
    if (!parsed.ok) return setProblem(parsed.message);
    setProblem(null);
    setBusy(true);
    await act('hq.configure', parsed.args);
    setBusy(false);
    setToken('');
  };

  return (
    <Panel title="HQ reporting" testId="hq-panel">
      <p className="small" data-testid="hq-panel-state">
        {line ? (
          <>
            <StatusBadge level={line.level}>{line.text}</StatusBadge> <span className="muted">to {hq?.url} as {hq?.stationId}{hq?.source === 'cli' ? ' (from --hq at start)' : ''}</span>
            {line.detail ? <span className="muted"> — {line.detail}</span> : null}
          </>
        ) : (
          <span className="muted">Not reporting to HQ. Shows never wait for HQ; facts wait in the station while it is away.</span>
        )}
      </p>
      <form className="obs-connect" onSubmit={(e) => void submit(e)} data-testid="hq-form">
        <input aria-label="HQ address" className="mono" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://hq.studio.lan:4900" spellCheck={false} />
        <input aria-label="This station's id at HQ" className="mono" value={stationId} onChange={(e) => setStationId(e.target.value)} placeholder="studio-a" spellCheck={false} />
        <input aria-label="Station token from HQ" type="password" value={token} onChange={(e) => setToken(e.target.value)} placeholder="token (empty: keep the stored one)" autoComplete="off" />
        <Button type="submit" variant="primary" disabled={!linked || busy} data-testid="hq-save">
          {busy ? 'Saving…' : 'Report to HQ'}
        </Button>
        {hq?.configured ? (
          <Button variant="ghost" disabled={!linked} onClick={() => void act('hq.disconnect', {})} data-testid="hq-clear">
            Stop reporting
          </Button>
        ) : null}
      </form>
      {problem ? (
        <p className="small warn" role="alert" data-testid="hq-form-problem">
          {problem}
        </p>
      ) : null}
    </Panel>
  );
}
