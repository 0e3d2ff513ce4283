// Line diff between two versions' filled text, as the station computes it.
import { useEffect, useState } from 'react';
import type { DiffLine, ScriptVersionSummary } from '../../../../shared/contract/index';
import { useSend } from '../../state/station.store';
import { useToast } from '../../ui/toasts';

export function DiffView(props: { versions: readonly ScriptVersionSummary[]; to: string; from: string | null }) {
  const [from, setFrom] = useState<string | null>(props.from);
  const [diff, setDiff] = useState<{ lines: DiffLine[]; added: number; removed: number } | null>(null);
  const send = useSend();
  const toast = useToast();
  useEffect(() => setFrom(props.from), [props.from]);
  useEffect(() => {
    if (!from) {
      setDiff(null);
      return;
    }
    let live = true;
    send('script.diff', { from, to: props.to })
      .then((d) => live && setDiff(d))
      .catch((e: unknown) => toast.error(e));
    return () => {
      live = false;
    };
  }, [from, props.to, send, toast]);
  const label = (id: string) => {
    const v = props.versions.find((x) => x.id === id);
    return v ? `v${v.number} · ${v.shortHash} · ${v.status.replace(/_/g, ' ')}` : id;
  };
  return (
    <div data-testid="script-diff">
      <div className="version-actions">
        <span>Changes from</span>
        <select value={from ?? ''} onChange={(e) => setFrom(e.target.value || null)} aria-label="Compare with">
          <option value="">— pick a version —</option>
          {props.versions
            .filter((v) => v.id !== props.to)
            .map((v) => (
              <option key={v.id} value={v.id}>
                {label(v.id)}
              </option>
            ))}
        </select>
        <span>to {label(props.to)}</span>
        {diff ? (
          <span className="num">
            <span className="ok">+{diff.added}</span> <span className="bad">−{diff.removed}</span>
          </span>
        ) : null}
      </div>
      {diff ? (
        <pre className="diff">
          {diff.lines.map((l, i) => (
            <div key={i} className={`diff-line diff-${l.op}`}>
              {l.op === 'add' ? '+ ' : l.op === 'del' ? '− ' : '  '}
              {l.text}
            </div>
          ))}
        </pre>
      ) : null}
    </div>
  );
}
