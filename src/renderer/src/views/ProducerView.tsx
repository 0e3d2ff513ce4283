// The producer console. Live is one screen with no page scroll: the status bar and any emergency
// on top, then a grid of panels that scroll inside themselves. Set-up, audit and post-show work
// live in their own tabs, out of the way while on air.
import { useEffect, useState } from 'react';
import { StationHeader } from '../features/station/StationHeader';
import { ShowPanel } from '../features/show/ShowPanel';
import { AlertsPanel } from '../features/alerts/AlertsPanel';
import { AuditPanel } from '../features/audit/AuditPanel';
import { PreflightPanel } from '../features/preflight/PreflightPanel';
import { CueDeckPanel } from '../features/cues/CueDeckPanel';
import { ScriptPanel } from '../features/cues/ScriptPanel';
import { CommentsSummaryPanel } from '../features/comments/CommentsSummaryPanel';
import { OffersPanel, OffersSetupPanel } from '../features/offers/OffersPanel';
import { PauseReasonProvider } from '../features/offers/pause-reason';
import { KpiStrip } from '../features/kpis/KpiStrip';
import { ObsPanel, ObsSetupPanel } from '../features/obs/ObsPanel';
import { HqPanel } from '../features/hq/HqPanel';
import { PostShowPanel } from '../features/post-show/PostShowPanel';
import { StatusBar } from '../features/status/StatusBar';
import { EmergencyBanners, useEmergencies } from '../features/emergency/EmergencyBanners';
import { EmergencyAlarm } from '../features/emergency/EmergencyAlarm';
import { pageTitle } from '../features/emergency/emergency.logic';
import { airLine } from '../features/status/status-bar.logic';
import { useSlice, useStation } from '../state/station.store';
import { ShowdayTab } from '../features/showday/ShowdayTab';
import { HistoryView } from '../features/history/HistoryView';
import { cornerOf, usePageSignals } from '../ui/use-page-signals';
import { PRODUCER_TABS, tabFromHash, type ProducerTab } from './producer-tabs';
import { HotkeyOverlay } from '../ui/HotkeyOverlay';
import { ToastSlot } from '../ui/toasts';
import '../styles/producer.css';
import { PeoplePanel } from '../features/people/PeoplePanel';
import { OnAirPanel } from '../features/onair/OnAirPanel';

export function ProducerView() {
  const linked = useStation((v) => v.connection === 'open');
  const [tab, setTab] = useState<ProducerTab>(() => tabFromHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setTab(tabFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = (t: ProducerTab) => {
    window.history.replaceState(null, '', t === 'live' ? window.location.pathname + window.location.search : `#${t}`);
    setTab(t);
  };
  useProducerPageSignals();

  return (
    <PauseReasonProvider>
      <div className="view view-producer">
        <StatusBar
          onAlerts={() => {
            go('live');
            requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="alerts-panel"]')?.focus());
          }}
        />
        {/* The console's toasts (a pause the store did not confirm, a refused command) sit at the foot
            of the status bar, under the offers they are mostly about. In the corner they covered the
            Comments panel; here they push the panels down while they show, and cover nothing. */}
        <ToastSlot className="producer-toasts" />
        <StationHeader
          view="Producer console"
          lostBanner={false}
          extra={<EmergencyAlarm />}
          nav={
            <nav className="tabs" aria-label="Console sections">
              {PRODUCER_TABS.map((t) => (
                <button key={t.id} type="button" className={`tab ${tab === t.id ? 'tab-on' : ''}`} aria-current={tab === t.id ? 'page' : undefined} data-testid={`tab-${t.id}`} onClick={() => go(t.id)}>
                  {t.label}
                </button>
              ))}
            </nav>
          }
        />
        <EmergencyBanners mode="producer" />
        <main className={`producer-main producer-${tab} ${linked ? '' : 'stale'}`} data-testid={`producer-${tab}`}>
          {tab === 'live' ? (
            <div className="live-grid">
              <div className="area-kpi">
                <KpiStrip />
              </div>
              <div className="area-cue">
                <CueDeckPanel />
              </div>
              <div className="area-onair">
                <OnAirPanel />
              </div>
              <div className="area-obs">
                <ObsPanel />
              </div>
              <div className="area-offers">
                <OffersPanel />
              </div>
              <div className="area-alerts">
                <AlertsPanel />
              </div>
              <div className="area-comments">
                <CommentsSummaryPanel />
              </div>
            </div>
          ) : tab === 'setup' ? (
            <div className="setup-grid">
              <ObsSetupPanel />
              <ShowPanel />
              <PeoplePanel />
              <PreflightPanel />
              <OffersSetupPanel />
              <ScriptPanel />
              <HqPanel />
            </div>
          ) : tab === 'showday' ? (
            <ShowdayTab />
          ) : tab === 'audit' ? (
            <AuditPanel />
          ) : tab === 'history' ? (
            <HistoryView />
          ) : (
            <PostShowPanel />
          )}
        </main>
        <HotkeyOverlay view="producer" />
      </div>
    </PauseReasonProvider>
  );
}

function useProducerPageSignals() {
  const obs = useSlice('obs');
  const show = useSlice('show');
  const offers = useSlice('offers')?.items ?? [];
  const list = useEmergencies();
  const onAir = airLine(obs, 0).onAir;
  const paused = offers.filter((o) => o.intent === 'paused').length;
  usePageSignals({
    title: pageTitle({ onAir, emergencies: list.length, pausedOffers: paused, view: 'Producer', show: show?.current?.title ?? null }),
    onAir,
    corner: cornerOf({ emergencies: list.length, pausedOffers: paused }),
  });
}
