// The approved replies a moderator picks from (r, then 1–9), each shown as the text that will go
// out: the comment's language, the approved paused text while the macro's offer is paused (or
// disabled when the show approved none). For a bulk selection, every text the station will send —
// each item gets its own language's — with how many of the selected items get it.
import type { Macro, MacroReplies } from '../../../../shared/show/macro.reply';
import { macroRepliesFor } from '../../../../shared/show/macro.reply';
import { Button } from '../../ui/Button';

export function MacroPicker(props: {
  macros: readonly Macro[];
  mode: 'one' | 'bulk';
  /** The selected comment's language (one). */
  lang: string | null;
  /** The selected items and their languages (bulk). */
  selection: ReadonlyMap<string, string | null>;
  pausedOffers: ReadonlySet<string>;
  pinAnswer: boolean;
  onPinAnswer(on: boolean): void;
  onChoose(index: number): void;
  onCancel(): void;
}) {
  const langs = props.mode === 'bulk' ? [...props.selection.values()] : [props.lang];
  const mixed = props.mode === 'bulk' && new Set(langs.map((l) => l ?? '')).size > 1;
  return (
    <div className="macro-picker" data-testid="macro-picker">
      <h3>{props.mode === 'bulk' ? `Approved reply for ${props.selection.size} selected` : 'Approved replies'}</h3>
      {mixed ? <p className="muted small">Mixed languages: each item is answered in its own language’s approved text, as listed.</p> : null}
      <ol>
        {props.macros.map((m, i) => {
          const r = macroRepliesFor(m, langs, props.pausedOffers);
          return (
            <li key={m.id} data-variant={r.ok ? r.variant : 'blocked'}>
              <Button onClick={() => props.onChoose(i)} data-testid={`macro-${m.id}`} disabled={!r.ok}>
                <span className="kbd">{i + 1}</span> {m.label}
                {r.ok && r.variant === 'paused' ? <span className="badge badge-red">PAUSED TEXT</span> : null}
                {r.ok && r.groups.length === 1 && r.groups[0]?.lang ? <span className="badge">{r.groups[0].lang}</span> : null}
              </Button>
              <Texts r={r} id={m.id} many={props.mode === 'bulk' && mixed} />
            </li>
          );
        })}
      </ol>
      {props.mode === 'one' ? (
        <label className="mod-toggle" title="Later comments asking the same are attached to this answer (shown as answered by pin)">
          <input type="checkbox" checked={props.pinAnswer} onChange={(e) => props.onPinAnswer(e.target.checked)} data-testid="pin-answer" /> pin this answer for later askers
        </label>
      ) : null}
      <Button variant="ghost" onClick={props.onCancel}>
        Cancel (Esc)
      </Button>
    </div>
  );
}

function Texts(props: { r: MacroReplies; id: string; many: boolean }) {
  const { r } = props;
  if (!r.ok) {
    return (
      <span className="small macro-text" data-testid={`macro-text-${props.id}`}>
        {r.reason}
      </span>
    );
  }
  if (!props.many) {
    return (
      <span className="small macro-text" data-testid={`macro-text-${props.id}`} dir="auto">
        {r.groups[0]?.text}
      </span>
    );
  }
  return (
    <ul className="small macro-text macro-texts" data-testid={`macro-text-${props.id}`}>
      {r.groups.map((g) => (
        <li key={g.text} data-testid={`macro-text-${props.id}-${g.lang ?? 'base'}`} dir="auto">
          <span className="badge">{g.lang ?? 'base'}</span> <span className="muted num">×{g.items}</span> {g.text}
        </li>
      ))}
    </ul>
  );
}
