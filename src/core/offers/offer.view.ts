// What every view shows of one offer: the control's phase and intent, the store it sits in, its
// orders, stock, cap and rules. Pure: from an offer runtime to the contract's OfferView.
import type { OfferView } from '../../shared/contract/index';
import type { OfferRuntime } from './offer.runtime';

export function offerViewOf(rt: OfferRuntime): OfferView {
  const { offer, controller } = rt;
  const cap = controller.cap();
  const low = offer.inventory?.lowStock;
  return {
    id: offer.id,
    name: offer.name,
    code: offer.code,
    skus: offer.skus,
    price: offer.price,
    ...controller.view(),
    storeKind: controller.adapter.kind,
    storeLabel: controller.adapter.label,
    storeAdminUrl: controller.adapter.adminUrl,
    rehearsal: controller.adapter.rehearsal,
    orders: rt.orders,
    cap: offer.cap
      ? {
          orders: offer.cap.orders,
          bonus: offer.cap.bonus,
          reached: cap.reachedAt !== null,
          reachedAt: cap.reachedAt,
          bonusRemoval: (cap.bonusRemoval as NonNullable<OfferView['cap']>['bonusRemoval']) ?? null,
        }
      : null,
    stock: rt.stock,
    lowStock: low === undefined || !rt.stock ? [] : offer.skus.filter((s) => rt.stock?.[s] !== undefined && (rt.stock[s] as number) <= low),
    rules: rt.rules,
  };
}
