// Scripts: every version of the show's script with its status (due / overdue / returned /
// approved), review and sign-off of one version, a diff between any two, and an editor that
// saves a new version. Only approved versions reach the deck; the station enforces it.
import { useEffect, useState } from 'react';
import type { ScriptContent, ScriptFormat } from '../../../../shared/contract/index';
import { useSend, useSlice } from '../../state/station.store';
import { useToast } from '../../ui/toasts';
import { Panel } from '../../ui/Panel';
import { Button } from '../../ui/Button';
import { StatusBadge } from '../../ui/StatusDot';
import { useNow } from '../../ui/use-now';
import { formatAge } from '../../ui/format';
import { defaultDiffBase, versionStatus } from './script-panel.logic';
import { VersionReview } from './VersionReview';
import { DiffView } from './DiffView';
import { ScriptEditor } from './ScriptEditor';
import './cues.css';

type Mode = 'review' | 'diff' | 'edit';

export function ScriptPanel() {
  const scripts = useSlice('scripts');
  const cues = useSlice('cues');
  const show = useSlice('show');
  const send = useSend();
  const toast = useToast();
  const now = useNow(5000);
  const [pick, setPick] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('review');
  const [detail, setDetail] = useState<{ id: string; content: ScriptContent; source: string; format: ScriptFormat } | null>(null);
  const versions = scripts?.versions ?? [];
  const selected = versions.find((v) => v.id === pick) ?? versions[0] ?? null;
  const liveId = cues?.loaded?.versionId ?? null;

  const selectedId = selected?.id ?? null;
  useEffect(() => {
    if (!selectedId) {
      setDetail(null);
      return;
    }
    let live = true;
    send('script.get', { versionId: selectedId })
      .then((r) => live && setDetail({ id: selectedId, content: r.content, source: r.source, format: r.version.format }))
      .catch((e: unknown) => toast.error(e));
    return () => {
      live = false;
    };
  }, [selectedId, send, toast]);

  return (
    <Panel
      title="Scripts"
      testId="script-panel"
      actions={
        <>
          <Button variant={mode === 'review' ? 'selected' : 'ghost'} onClick={() => setMode('review')}>
            Review
          </Button>
          <Button variant={mode === 'diff' ? 'selected' : 'ghost'} onClick={() => setMode('diff')} disabled={versions.length < 2} data-testid="mode-diff">
            Diff
          </Button>
          <Button variant={mode === 'edit' ? 'selected' : 'ghost'} onClick={() => setMode('edit')} data-testid="mode-edit">
            Edit
          </Button>
        </>
      }
    >
      {scripts?.importError ? (
        <div className="script-issues" data-testid="script-import-error">
          {scripts.importError.message}
        </div>
      ) : null}
      {versions.length === 0 ? (
        <p>No script versions for this show yet. Add a script file to the show, or write one under Edit.</p>
      ) : (
        <table className="grid" data-testid="version-list">
          <thead>
            <tr>
              <th>Version</th>
              <th>Status</th>
              <th>Due</th>
              <th>From</th>
              <th>Hash</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => {
              const st = versionStatus(v, now);
              return (
                <tr
                  key={v.id}
                  className={`version-row ${selected?.id === v.id ? 'is-selected' : ''}`}
                  onClick={() => setPick(v.id)}
                  data-testid={`version-${v.number}`}
                  data-status={v.status}
                >
                  <td className="num">
                    v{v.number} {v.id === liveId ? <span className="badge badge-green">LIVE</span> : null}
                  </td>
                  <td>
                    <StatusBadge level={st.level}>{st.text}</StatusBadge>
                  </td>
                  <td className="num small">
                    {v.dueAt === null ? '—' : st.overdue ? <span className="bad">{formatAge(now - v.dueAt)} late</span> : `in ${formatAge(v.dueAt - now)}`}
                  </td>
                  <td className="small">
                    {v.origin === 'show-file' ? 'show file' : 'editor'} · {v.createdBy}
                  </td>
                  <td className="mono small">{v.shortHash}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {selected && mode === 'review' ? (
        <VersionReview version={selected} content={detail?.id === selected.id ? detail.content : null} show={show?.current ?? null} loaded={cues?.loaded ?? null} />
      ) : null}
      {selected && mode === 'diff' ? <DiffView versions={versions} to={selected.id} from={defaultDiffBase(versions, selected.id, liveId)} /> : null}
      {mode === 'edit' ? (
        <ScriptEditor
          initial={detail?.source ?? ''}
          initialFormat={detail?.format ?? 'markdown'}
          basedOn={selected ? `v${selected.number}` : null}
          onSaved={(id) => {
            setPick(id);
            setMode('review');
          }}
        />
      ) : null}
    </Panel>
  );
}
