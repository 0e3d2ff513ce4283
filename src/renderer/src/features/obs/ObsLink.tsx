// The OBS link: its state in one loud line ("OBS link lost — 12 s · reconnecting"), the reason in
// the station's words, the auth-off warning, and the address/password form.
import { useEffect, useState, type FormEvent } from 'react';
import type { ObsState } from '../../../../shared/contract/index';
import { useAction } from '../../state/use-action';
import { Button } from '../../ui/Button';
import { StatusDot } from '../../ui/StatusDot';
import { linkLine } from './obs.logic';

export function ObsLink(props: { obs: ObsState; now: number; lostSince: number | null; defaultUrl: string | null; stationLinked: boolean; form: boolean }) {
  const { obs } = props;
  const line = linkLine(obs, props.now, props.lostSince);
  return (
    <div className="obs-link">
      <div className={`obs-link-line obs-link-${line.level}`} data-testid="obs-link" data-link={obs.link} data-synced={String(obs.synced)} role="status" aria-live="polite">
        <StatusDot level={line.level} label={obs.link} />
        <strong className="num">{line.text}</strong>
      </div>
      {line.detail ? (
        <p className="obs-link-detail small" data-testid="obs-link-detail">
          {line.detail}
        </p>
      ) : null}
      {obs.synced && obs.authDisabled ? (
        <p className="obs-warning small" data-testid="obs-auth-warning">
          obs-websocket authentication is OFF: anyone on the network can control OBS. Turn it on in OBS → Tools → WebSocket Server Settings.
        </p>
      ) : null}
      {props.form ? <ConnectForm obs={obs} defaultUrl={props.defaultUrl} stationLinked={props.stationLinked} /> : null}
    </div>
  );
}

function ConnectForm(props: { obs: ObsState; defaultUrl: string | null; stationLinked: boolean }) {
  const act = useAction();
  const [url, setUrl] = useState(props.obs.url ?? props.defaultUrl ?? 'ws://127.0.0.1:4455');
  // Follow the station's address when it changes elsewhere (another console, Companion).
  useEffect(() => {
    if (props.obs.url) setUrl(props.obs.url);
  }, [props.obs.url]);
  const [password, setPassword] = useState('');
  const [noPassword, setNoPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    // An empty field keeps the stored password; "no password" clears it.
    await act('obs.connect', { url: url.trim(), ...(noPassword ? { password: '' } : password ? { password } : {}) });
    setBusy(false);
    setPassword('');
  };
  return (
    <form className="obs-connect" onSubmit={(e) => void submit(e)} data-testid="obs-connect-form">
      <input aria-label="OBS WebSocket address" className="mono" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="ws://127.0.0.1:4455" spellCheck={false} />
      <input
        aria-label="OBS WebSocket password"
        type="password"
        value={password}
        disabled={noPassword}
        onChange={(e) => setPassword(e.target.value)}
        // Short enough to read whole in the Setup column at 1366 px; the tooltip says it in full.
        placeholder="password (blank: keep stored)"
        title="Leave blank to keep the stored password; tick “no password” to clear it"
        autoComplete="off"
      />
      <label className="small obs-nopass">
        <input type="checkbox" checked={noPassword} onChange={(e) => setNoPassword(e.target.checked)} /> no password
      </label>
      <Button type="submit" variant="primary" disabled={!props.stationLinked || busy} data-testid="obs-connect">
        {busy ? 'Connecting…' : props.obs.link === 'disconnected' ? 'Connect' : 'Reconnect'}
      </Button>
      {props.obs.link !== 'disconnected' ? (
        <Button variant="ghost" disabled={!props.stationLinked} onClick={() => void act('obs.disconnect', {})} data-testid="obs-disconnect">
          Disconnect
        </Button>
      ) : null}
    </form>
  );
}
