// Machine clients in the People panel: each Companion button panel and overlay page is a named
// device with its own token — listed with last use, issued (the token shown once) and revoked. A
// panel may be issued for a show person: it then acts as them (the toggle owner's rule applies).
import { useCallback, useState } from 'react';
import type { DeviceAccess } from '../../../../shared/contract/index';
import { useAction } from '../../state/use-action';
import { usePolled } from '../../state/use-polled';
import { Button } from '../../ui/Button';
import { formatTimeOfDay } from '../../ui/format';
import { deviceRow } from './people.logic';

const REFRESH_MS = 10_000;

export function DevicesSection({ people }: { people: { id: string; name: string }[] }) {
  const act = useAction();
  const [kind, setKind] = useState<DeviceAccess['kind']>('device');
  const [person, setPerson] = useState('');
  const [label, setLabel] = useState('');
  const [issued, setIssued] = useState<{ label: string; token: string } | null>(null);
  const read = useCallback(async () => (await act('devices.list', {}))?.devices, [act]);
  const [devices, refresh] = usePolled<DeviceAccess[]>(read, [], REFRESH_MS);

  return (
    <section data-testid="devices-section">
      <h3 className="subhead">Devices (Companion panels, overlay pages)</h3>
      <table className="grid">
        <tbody>
          {devices.map((d) => {
            const row = deviceRow(d, formatTimeOfDay, people);
            return (
              <tr key={d.label} data-testid={`device-${d.label}`}>
                <td>{row.label}</td>
                <td className="muted">{row.kind}</td>
                <td className="muted small">{row.actsFor}</td>
                <td className="muted small">last use {row.lastUse}</td>
                <td>
                  <Button variant="danger" onClick={() => void act('devices.revoke', { label: d.label }).then(() => refresh())} data-testid={`device-revoke-${d.label}`}>
                    Revoke
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form
        className="script-form"
        onSubmit={(e) => {
          e.preventDefault();
          void act('devices.issue', { kind, label: label.trim(), ...(kind === 'device' && person ? { person } : {}) }).then((r) => {
            if (!r) return;
            setIssued({ label: r.device.label, token: r.token });
            setLabel('');
            void refresh();
          });
        }}
      >
        <select value={kind} onChange={(e) => setKind(e.target.value as DeviceAccess['kind'])} aria-label="Device kind">
          <option value="device">Button panel (Companion)</option>
          <option value="overlay">Overlay page (OBS)</option>
        </select>
        {kind === 'device' ? (
          <select value={person} onChange={(e) => setPerson(e.target.value)} aria-label="Acts for">
            <option value="">acts for nobody (no toggle under a named owner)</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                acts for {p.name}
              </option>
            ))}
          </select>
        ) : null}
        <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder="Name, e.g. Stream Deck B" maxLength={60} aria-label="Device name" />
        <Button type="submit" disabled={!label.trim()}>
          Issue device token
        </Button>
      </form>
      {issued ? (
        <p data-testid="device-issued">
          Token for <strong>{issued.label}</strong> — shown once:{' '}
          <input className="mono" readOnly value={issued.token} onFocus={(e) => e.currentTarget.select()} aria-label="Device token" />{' '}
          <Button variant="ghost" onClick={() => setIssued(null)}>
            Done
          </Button>
        </p>
      ) : null}
      <p className="muted small">
        The per-role tokens printed at first start are the station owner’s bootstrap: the audit trail names them “… (station owner’s bootstrap)”. Give people personal links and machines device tokens.
      </p>
    </section>
  );
}
