// The host's cue card, for the second monitor. Emergencies show as full-width banners above the
// card; when the station is lost the card keeps its last approved text at full strength, because
// the host keeps talking while the producer fixes things.
import { StationHeader } from '../features/station/StationHeader';
import { useSlice } from '../state/station.store';
import { HostCueCard } from '../features/cues/HostCueCard';
import { ObsStatusBadge } from '../features/obs/ObsStatusBadge';
import { EmergencyBanners, useEmergencies } from '../features/emergency/EmergencyBanners';
import { pageTitle } from '../features/emergency/emergency.logic';
import { airLine } from '../features/status/status-bar.logic';
import { cornerOf, usePageSignals } from '../ui/use-page-signals';
import { HotkeyOverlay } from '../ui/HotkeyOverlay';
import { useHotkeys } from '../ui/hotkeys';
import { useAction } from '../state/use-action';

export function HostView() {
  const obs = useSlice('obs');
  const offers = useSlice('offers')?.items ?? [];
  const list = useEmergencies();
  const act = useAction();
  // The host may move the deck on: keyboard, or a presentation clicker (PageDown / PageUp).
  const next = () => void act('cue.next', {});
  const prev = () => void act('cue.prev', {});
  useHotkeys({ ' ': next, ArrowRight: next, PageDown: next, ArrowLeft: prev, PageUp: prev });
  const onAir = airLine(obs, 0).onAir;
  const saidAbove = new Set(list.flatMap((e) => (e.offerId === undefined ? [] : [e.offerId])));
  const paused = offers.filter((o) => o.intent === 'paused').length;
  usePageSignals({
    title: pageTitle({ onAir, emergencies: list.length, pausedOffers: paused, view: 'Host', show: null }),
    onAir,
    corner: cornerOf({ emergencies: list.length, pausedOffers: paused }),
  });
  return (
    <div className="view view-host">
      <StationHeader view="Host" extra={<ObsStatusBadge />} lostBanner={false} />
      <main className="host-main-area">
        <EmergencyBanners mode="host" />
        <HostCueCard saidAbove={saidAbove} />
      </main>
      <HotkeyOverlay view="host" />
    </div>
  );
}
