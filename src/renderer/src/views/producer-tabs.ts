// The producer console's tabs: Live (the one screen that runs the show), Setup (OBS address, show,
// people, products, scripts, rules), GO / KPIs (the recorded GO and END, KPI windows), Audit,
// Post-show and History (past shows compared). The tab is in the URL's hash so a
// bookmark or a test can open one directly.
export const PRODUCER_TABS = [
  { id: 'live', label: 'Live' },
  { id: 'setup', label: 'Setup' },
  { id: 'showday', label: 'GO / KPIs' },
  { id: 'audit', label: 'Audit' },
  { id: 'post-show', label: 'Post-show' },
  { id: 'history', label: 'History' },
] as const;
export type ProducerTab = (typeof PRODUCER_TABS)[number]['id'];

export function tabFromHash(hash: string): ProducerTab {
  const id = hash.replace(/^#/, '');
  return PRODUCER_TABS.find((t) => t.id === id)?.id ?? 'live';
}
