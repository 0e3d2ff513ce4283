// The producer's People panel: everyone of the show with their access — invite (a link and QR code,
// shown once), re-issue, revoke — and when and from where each link was last used.
import { useCallback, useState } from 'react';
import type { Invitation, PersonAccess } from '../../../../shared/contract/index';
import { useAction } from '../../state/use-action';
import { usePolled } from '../../state/use-polled';
import { Panel } from '../../ui/Panel';
import { Button } from '../../ui/Button';
import { formatTimeOfDay } from '../../ui/format';
import { personRow, qrImageSrc } from './people.logic';
import { DevicesSection } from './DevicesSection';

const REFRESH_MS = 10_000;

export function PeoplePanel() {
  const act = useAction();
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const read = useCallback(async () => (await act('people.list', {}))?.people, [act]);
  const [people, refresh] = usePolled<PersonAccess[]>(read, [], REFRESH_MS);

  const run = async (personId: string, fn: () => Promise<unknown>) => {
    setBusy(personId);
    try {
      await fn();
      await refresh();
    } finally {
      setBusy(null);
    }
  };
  const invite = (personId: string) =>
    run(personId, async () => {
      const r = await act('people.invite', { personId });
      if (r) setInvitation(r);
    });
  const revoke = (personId: string) =>
    run(personId, async () => {
      const r = await act('people.revoke', { personId });
      if (r && invitation?.personId === personId) setInvitation(null);
    });

  return (
    <Panel title={`People (${people.length})`} testId="people-panel">
      <table className="grid">
        <tbody>
          {people.map((p) => {
            const row = personRow(p, formatTimeOfDay);
            return (
              <tr key={row.id} data-testid={`person-${row.id}`}>
                <td>{row.name}</td>
                <td className="muted">{row.roles}</td>
                <td className={row.status === 'active' ? 'ok' : row.status === 'none' ? 'muted' : 'warn'} data-testid={`person-status-${row.id}`}>
                  {row.statusText}
                </td>
                <td className="muted small">last use {row.lastUse}</td>
                <td className="muted small" data-testid={`person-opened-${row.id}`}>{row.opened}</td>
                <td>
                  <Button onClick={() => void invite(row.id)} disabled={busy !== null} data-testid={`person-invite-${row.id}`}>
                    {row.inviteLabel}
                  </Button>
                  {row.canRevoke ? (
                    <Button variant="danger" onClick={() => void revoke(row.id)} disabled={busy !== null} data-testid={`person-revoke-${row.id}`}>
                      Revoke
                    </Button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {invitation ? (
        <div data-testid="people-invitation">
          <p>
            Link for <strong>{invitation.name}</strong>
            {invitation.expiresAt !== null ? ` (until ${formatTimeOfDay(invitation.expiresAt)})` : ' (standing)'} — shown once; send it privately:
          </p>
          <input className="mono" readOnly value={invitation.link} onFocus={(e) => e.currentTarget.select()} data-testid="people-invitation-link" />
          <img src={qrImageSrc(invitation.qrSvg)} alt={`QR code of ${invitation.name}’s link`} width={180} height={180} />
          <Button variant="ghost" onClick={() => setInvitation(null)}>
            Done
          </Button>
        </div>
      ) : null}
      <DevicesSection people={people.filter((p) => p.source === 'show').map((p) => ({ id: p.id, name: p.name }))} />
    </Panel>
  );
}
