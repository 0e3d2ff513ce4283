export type Level = 'green' | 'amber' | 'red' | 'unknown';

export function StatusDot(props: { level: Level; label?: string }) {
  return <span className={`dot dot-${props.level}`} role="img" aria-label={props.label ?? props.level} title={props.label} />;
}

export function StatusBadge(props: { level: Level; children: React.ReactNode; testId?: string }) {
  return (
    <span className={`badge badge-${props.level === 'unknown' ? '' : props.level}`} data-testid={props.testId}>
      {props.children}
    </span>
  );
}
