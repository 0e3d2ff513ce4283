// The offers' state on the moderator desk: a moderator must know an offer is paused before
// telling a viewer how to buy it.
import type { OfferView } from '../../../../shared/contract/index';
import { phaseLabel, phaseLevel } from '../offers/offers.logic';

export function DeskOffers(props: { offers: readonly OfferView[] }) {
  if (props.offers.length === 0) return null;
  return (
    // Above the queues: the state always whole, a long name cut (whole in the tooltip). No colon after
    // the name: the state in its own right-aligned place says what it said (as on the status bar), and
    // a wrapped name could leave it alone on a line ("Glow Kit live bundle" / ":").
    <section className="desk-offers" aria-label="Offers">
      {props.offers.map((o) => (
        <span key={o.id} className={`desk-offer desk-offer-${phaseLevel(o.state)}`} data-testid={`desk-offer-${o.id}`} data-state={o.state} title={`${o.name}: ${phaseLabel(o)}`}>
          <span className="desk-offer-name">{o.name}</span> <strong>{phaseLabel(o)}</strong>
        </span>
      ))}
    </section>
  );
}
