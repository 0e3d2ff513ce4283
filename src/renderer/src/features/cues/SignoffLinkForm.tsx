// "Ask them to sign": a one-time link for a legal or brand person of the show. They open it on
// any machine that reaches the station, read the exact version and decide in their own name.
import { useEffect, useState } from 'react';
import type { ScriptVersionSummary } from '../../../../shared/contract/index';
import type { Show } from '../../../../shared/show/show.schema';
import { useAction } from '../../state/use-action';
import { useToast } from '../../ui/toasts';
import { Button } from '../../ui/Button';
import { approvers } from './script-panel.logic';

export function SignoffLinkForm(props: { version: ScriptVersionSummary; show: Show | null }) {
  const act = useAction();
  const toast = useToast();
  const signers = approvers(props.show).filter((s) => s.role !== 'producer');
  const [approver, setApprover] = useState(signers[0]?.id ?? '');
  const [made, setMade] = useState<{ url: string; approver: string; expiresAt: number } | null>(null);
  useEffect(() => setMade(null), [props.version.id]);

  const create = async () => {
    const r = await act('script.signoffLink', { versionId: props.version.id, approver });
    if (r) setMade({ url: `${window.location.origin}${r.path}`, approver: r.approver, expiresAt: r.expiresAt });
  };
  const copy = async () => {
    if (!made) return;
    try {
      await navigator.clipboard.writeText(made.url);
      toast.ok(`Link for ${made.approver} copied.`);
    } catch {
      toast.error(new Error('The clipboard is not available here: select the link and copy it by hand.'));
    }
  };

  if (signers.length === 0) return <p className="muted small">The show lists no legal or brand person to sign. Add one to the show file.</p>;
  return (
    <div data-testid="signoff-link-form">
      <div className="script-form">
        <label htmlFor="signoff-approver">Approver</label>
        <select id="signoff-approver" value={approver} onChange={(e) => setApprover(e.target.value)} data-testid="signoff-approver">
          {signers.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
        <Button variant="primary" disabled={!approver} onClick={() => void create()} data-testid="signoff-create">
          Create sign-off link
        </Button>
      </div>
      {made ? (
        <div className="signoff-made">
          <input className="mono" readOnly value={made.url} onFocus={(e) => e.currentTarget.select()} data-testid="signoff-url" aria-label="Sign-off link" />
          <Button onClick={() => void copy()}>Copy</Button>
          <p className="muted small">
            One use, for {made.approver}, until {new Date(made.expiresAt).toLocaleString()}. From another machine, the station must listen on the studio network
            (<code>--lan</code>) and the address must be the station’s.
          </p>
        </div>
      ) : null}
    </div>
  );
}
