// Edit a script as Markdown (or JSON) and save it as a new, unapproved version. Checks as you
// type: the station's line-by-line errors, the hash the text would get, its warnings, and every
// price, code or delivery promise that the approved version does not contain, highlighted.
import { useEffect, useState } from 'react';
import type { ClaimViolation, ScriptContent, ScriptFormat } from '../../../../shared/contract/index';
import { CommandRejection } from '../../../../shared/contract/client';
import { useSend } from '../../state/station.store';
import { useAction } from '../../state/use-action';
import { useToast } from '../../ui/toasts';
import { Button } from '../../ui/Button';
import { highlight } from './script-panel.logic';

interface Check {
  hash: string | null;
  warnings: string[];
  issues: { path: string; message: string }[];
  claims: { cueId: string; text: string; violations: ClaimViolation[] }[];
  against: string | null;
}

const CHECK_DELAY_MS = 500;

export function ScriptEditor(props: { initial: string; initialFormat: ScriptFormat; basedOn: string | null; onSaved(versionId: string): void }) {
  const [source, setSource] = useState(props.initial);
  const [format, setFormat] = useState<ScriptFormat>(props.initialFormat);
  const [check, setCheck] = useState<Check | null>(null);
  const send = useSend();
  const act = useAction();
  const toast = useToast();

  // A version picked (or arriving) while the producer types never overwrites the typing.
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (dirty) return;
    setSource(props.initial);
    setFormat(props.initialFormat);
  }, [props.initial, props.initialFormat, dirty]);

  useEffect(() => {
    if (!source.trim()) {
      setCheck(null);
      return;
    }
    let live = true;
    const claimsOf = async (content: ScriptContent) => {
      const list: Check['claims'] = [];
      let against: string | null = null;
      for (const seg of content.segments) {
        for (const cue of seg.cues) {
          const r = await send('compliance.check', { text: cue.text });
          against = r.against ? `v${r.against.number} (${r.against.shortHash})` : null;
          if (!r.ok) list.push({ cueId: cue.id, text: cue.text, violations: r.violations });
        }
      }
      return { list, against };
    };
    const t = setTimeout(() => {
      void (async () => {
        try {
          const p = await send('script.preview', { format, source });
          const claims = await claimsOf(p.content);
          if (live) setCheck({ hash: p.hash, warnings: p.warnings, issues: [], claims: claims.list, against: claims.against });
        } catch (error) {
          if (!live) return;
          if (error instanceof CommandRejection) {
            setCheck({ hash: null, warnings: [], issues: error.error.issues ?? [{ path: '', message: error.error.message }], claims: [], against: null });
          } else toast.error(error);
        }
      })();
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [source, format, send, toast]);

  const save = async () => {
    const r = await act('script.save', { format, source });
    if (!r) return;
    toast.ok(r.created ? `Saved as version ${r.version.number} — unapproved until signed off.` : `Same text as version ${r.version.number}: nothing new was saved.`);
    setDirty(false);
    props.onSaved(r.version.id);
  };

  return (
    <div data-testid="script-editor">
      <div className="version-actions">
        <span className="muted">{props.basedOn ? `Editing a copy of ${props.basedOn}; saving makes a new version.` : 'New script.'}</span>
        <select value={format} onChange={(e) => setFormat(e.target.value as ScriptFormat)} aria-label="Format">
          <option value="markdown">Markdown</option>
          <option value="json">JSON</option>
        </select>
        <Button variant="primary" onClick={() => void save()} disabled={!source.trim() || (check !== null && check.issues.length > 0)} data-testid="script-save">
          Save as new version
        </Button>
      </div>
      <textarea
        className="script-editor"
        value={source}
        onChange={(e) => {
          setDirty(true);
          setSource(e.target.value);
        }}
        spellCheck
        aria-label="Script source"
        data-testid="script-source"
      />
      {check?.issues.length ? (
        <div className="script-issues" data-testid="script-issues" role="alert">
          <strong>{check.issues.length} problem(s) — nothing can be saved until they are fixed:</strong>
          <ul>
            {check.issues.map((i, n) => (
              <li key={n}>
                <span className="mono">{i.path || 'script'}</span>: {i.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {check?.hash ? (
        <p className="small muted">
          Would hash to <span className="mono" data-testid="script-preview-hash">{check.hash}</span>
        </p>
      ) : null}
      {check?.warnings.length ? (
        <div className="script-warnings">
          {check.warnings.map((w) => (
            <div key={w}>{w}</div>
          ))}
        </div>
      ) : null}
      {check && check.hash && check.claims.length > 0 ? (
        <div className="script-warnings" data-testid="script-claims">
          <strong>
            Claims not in the approved version {check.against ?? '(none approved yet)'} — legal must see these:
          </strong>
          <ul className="claims-list">
            {check.claims.map((c) => (
              <li key={c.cueId}>
                <span className="mono small">{c.cueId}</span>{' '}
                {highlight(c.text, c.violations).map((p, i) =>
                  p.hit ? (
                    <mark key={i} className="claim-hit" title={p.hit.reason}>
                      {p.text}
                    </mark>
                  ) : (
                    <span key={i}>{p.text}</span>
                  ),
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
