// The producer edits an offer's rollback rules: each row a rule (kind, threshold, window, minimum
// events, pause or alarm, cool-down). Saved as a whole with `offer.rules` once every row is valid.
import { useState } from 'react';
import type { OfferView } from '../../../../shared/contract/index';
import { useAction } from '../../state/use-action';
import { Button } from '../../ui/Button';
import { RULE_KINDS, fromDrafts, newDraft, toDraft, type RuleDraft } from './rules.logic';

export function RulesEditor(props: { offer: OfferView }) {
  const { offer } = props;
  const saved = JSON.stringify(offer.rules);
  return (
    <details className="offer-more" data-testid={`offer-rules-${offer.id}`}>
      <summary>Rollback rules ({offer.rules.length})</summary>
      {/* Re-mounted when the station's rules change, so the form always starts from the truth. */}
      <RulesForm key={saved} offer={offer} />
    </details>
  );
}

function RulesForm(props: { offer: OfferView }) {
  const act = useAction();
  const [drafts, setDrafts] = useState<RuleDraft[]>(() => props.offer.rules.map(toDraft));
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const change = (i: number, patch: Partial<RuleDraft>) => setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const save = async () => {
    const r = fromDrafts(drafts);
    if (!r.ok) {
      setProblems(r.problems);
      return;
    }
    setProblems([]);
    setBusy(true);
    await act('offer.rules', { offerId: props.offer.id, rules: r.rules });
    setBusy(false);
  };
  return (
    <div className="rules-editor">
      <table className="grid rules-table">
        <thead>
          <tr>
            <th>Id</th>
            <th>When</th>
            <th>Threshold</th>
            <th>Window s</th>
            <th>Min events</th>
            <th>Then</th>
            <th>Cool-down s</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {drafts.map((d, i) => (
            <tr key={i}>
              <td>
                <input aria-label="Rule id" value={d.id} onChange={(e) => change(i, { id: e.target.value })} />
              </td>
              <td>
                <select aria-label="Rule kind" value={d.kind} onChange={(e) => change(i, { kind: e.target.value as RuleDraft['kind'] })}>
                  {RULE_KINDS.map((k) => (
                    <option key={k.kind} value={k.kind}>
                      {k.label} ({k.unit})
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input aria-label="Threshold" className="num" inputMode="decimal" value={d.threshold} onChange={(e) => change(i, { threshold: e.target.value })} />
              </td>
              <td>
                <input aria-label="Window in seconds" className="num" inputMode="numeric" value={d.windowSeconds} onChange={(e) => change(i, { windowSeconds: e.target.value })} />
              </td>
              <td>
                <input aria-label="Minimum events" className="num" inputMode="numeric" value={d.minEvents} onChange={(e) => change(i, { minEvents: e.target.value })} />
              </td>
              <td>
                <select aria-label="Action" value={d.action} onChange={(e) => change(i, { action: e.target.value as RuleDraft['action'] })}>
                  <option value="pause">Pause the offer</option>
                  <option value="alarm">Raise an alarm</option>
                </select>
              </td>
              <td>
                <input aria-label="Cool-down in seconds" className="num" inputMode="numeric" value={d.cooldownSeconds} onChange={(e) => change(i, { cooldownSeconds: e.target.value })} />
              </td>
              <td>
                <Button variant="ghost" aria-label={`Remove rule ${d.id}`} onClick={() => setDrafts((ds) => ds.filter((_, j) => j !== i))}>
                  Remove
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length ? (
        <ul className="rules-problems" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <div className="rules-actions">
        <Button onClick={() => setDrafts((ds) => [...ds, newDraft(ds)])}>Add rule</Button>
        <Button onClick={() => setDrafts(props.offer.rules.map(toDraft))}>Undo changes</Button>
        <Button variant="primary" disabled={busy} onClick={() => void save()}>
          Save rules
        </Button>
      </div>
    </div>
  );
}
