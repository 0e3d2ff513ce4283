// The strip every view shares: show title, REHEARSAL label, who you are, the link to the station
// and the time. When the link to the station drops, it says so in red and counts.
import { useStation, useSlice } from '../../state/station.store';
import { formatAge, formatTimeOfDay } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import { StatusBadge } from '../../ui/StatusDot';
import { RoleSwitcher } from '../roles/RoleSwitcher';
import { headerActor } from '../audit/actor-label';

/** `lostBanner: false` when the view shows the station's loss among its own emergency banners. */
export function StationHeader(props: { view: string; extra?: React.ReactNode; nav?: React.ReactNode; lostBanner?: boolean }) {
  const show = useSlice('show');
  const role = useStation((v) => v.role);
  const actor = useStation((v) => v.actor);
  const who = actor ? headerActor(actor) : null;
  const connection = useStation((v) => v.connection);
  const lostAt = useStation((v) => v.lostAt);
  const now = useNow();
  const current = show?.current ?? null;
  return (
    <>
      <header className="station-header" data-testid="station-header">
        {/* The view's one h1: the show's name; each panel below is an h2. */}
        <h1 className="station-header-title">
          <strong>Baton</strong>
          <span className="muted">·</span>
          <span data-testid="show-title" title={current?.title}>{current ? current.title : 'No show loaded'}</span>
          {current?.rehearsal ? <span className="badge badge-rehearsal" data-testid="rehearsal-badge">REHEARSAL</span> : null}
        </h1>
        {props.nav}
        <div className="station-header-right">
          <RoleSwitcher />
          {props.extra}
          {/* A role key labelled with the role's own name ("moderator") would read "Moderator moderator". */}
          {who?.name.toLowerCase() === props.view.toLowerCase() ? null : <span className="muted station-header-view">{props.view}</span>}
          {role ? (
            <span data-testid="whoami" title={who ? `${who.full} — ${role}` : undefined}>
              {/* The person's name stays readable in a narrow header; the full label (which key, whose) is the tooltip and the audit row. */}
              <span className="whoami-name" aria-hidden={who?.name !== who?.full}>{who?.name}</span>
              {who && who.name !== who.full ? <span className="sr-only">{who.full}</span> : null}
              {/* "Producer (station bootstrap key)" already says the role; "Maya Okafor" does not. */}
              {who?.name.toLowerCase().startsWith(role) ? null : <span className="muted whoami-role">{`\u00a0(${role})`}</span>}
            </span>
          ) : null}
          {connection === 'open' ? (
            <StatusBadge level="green" testId="connection">STATION LINKED</StatusBadge>
          ) : (
            <StatusBadge level="red" testId="connection">
              {connection === 'unauthorised' ? 'TOKEN REFUSED' : 'STATION LINK LOST'}
            </StatusBadge>
          )}
          <time className="num">{formatTimeOfDay(now)}</time>
        </div>
      </header>
      {props.lostBanner !== false && connection !== 'open' && connection !== 'unauthorised' && lostAt !== null ? (
        <div className="banner banner-red" role="alert" data-testid="station-lost">
          Link to the station lost — {formatAge(now - lostAt)}. Everything below is frozen and controls are off until it is back.
        </div>
      ) : null}
    </>
  );
}
