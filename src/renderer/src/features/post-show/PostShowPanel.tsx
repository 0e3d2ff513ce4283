// After the show: one click writes the package (summary, KPIs, offers, comments, health timeline,
// verified audit trail) into the station's data folder, and says exactly where it went.
import { useState } from 'react';
import type { ResultOf } from '../../../../shared/contract/index';
import { useAction } from '../../state/use-action';
import { Panel } from '../../ui/Panel';
import { Button } from '../../ui/Button';

export function PostShowPanel() {
  const act = useAction();
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<ResultOf<'show.package'> | null>(null);
  const run = async () => {
    setBusy(true);
    try {
      const r = await act('show.package', {});
      if (r) setLast(r);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Panel
      title="Post-show package"
      testId="post-show-panel"
      actions={
        <Button onClick={() => void run()} disabled={busy}>
          {busy ? 'Writing…' : 'Write package'}
        </Button>
      }
    >
      {last ? (
        <div data-testid="post-show-result">
          <p>
            Written to <code className="mono">{last.dir}</code>
          </p>
          <p className="muted">{last.files.join(' · ')}</p>
          {last.notes.map((n) => (
            <p key={n} className="warn">
              {n}
            </p>
          ))}
        </div>
      ) : (
        <p className="muted">A one-page report, the summary, KPIs, offers and trigger firings, comments with response times, the stream-health timeline and the audit trail with its verification, in one folder on the station.</p>
      )}
    </Panel>
  );
}
