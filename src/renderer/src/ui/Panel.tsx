import type { ReactNode } from 'react';

/** `focusable`: the status bar can move focus here (alerts). */
/**
 * `scrollsAlone`: the body scrolls and may hold nothing focusable (acknowledged alerts have no button), so the body
 * itself takes focus — a keyboard user can still scroll it (axe: scrollable-region-focusable).
 */
export function Panel(props: { title: string; actions?: ReactNode; children: ReactNode; className?: string; testId?: string; focusable?: boolean; scrollsAlone?: boolean }) {
  return (
    <section className={`panel ${props.className ?? ''}`} data-testid={props.testId} aria-label={props.title} tabIndex={props.focusable ? -1 : undefined}>
      <header>
        {/* One line: a long title is cut (whole in the tooltip), the actions never are. */}
        <h2 title={props.title}>{props.title}</h2>
        {props.actions ? <div className="panel-actions">{props.actions}</div> : null}
      </header>
      <div className="panel-body" tabIndex={props.scrollsAlone ? 0 : undefined} aria-label={props.scrollsAlone ? `${props.title}: list` : undefined}>
        {props.children}
      </div>
    </section>
  );
}
