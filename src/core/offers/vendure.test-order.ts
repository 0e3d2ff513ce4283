// The preflight's test order against Vendure: a real checkout through the Shop API with the offer's
// coupon on the bundle, confirmed on the Admin side, then cancelled and refunded so it is no revenue.
import type { TestOrderResult } from '../../shared/contract/index';
import { StoreError } from './commerce.adapter';
import { postJson, type HttpDeps } from './http-json';
import type { VendureClient } from './vendure.client';

export interface TestOrderDeps {
  http: HttpDeps;
  admin: VendureClient;
  shopApiUrl: string;
  variantId: string;
  couponCode: string;
  paymentMethod: string;
  now: () => number;
}

interface ShopOrder {
  id: string;
  code: string;
  state: string;
  totalWithTax: number;
  currencyCode: string;
  couponCodes: string[];
}
type ShopResult = Partial<ShopOrder> & { __typename: string; errorCode?: string; message?: string; transitionError?: string };

const ORDER = 'id code state totalWithTax currencyCode couponCodes';
const RESULT = `__typename ... on Order { ${ORDER} } ... on ErrorResult { errorCode message }`;

/** One anonymous shopper: Vendure's session token comes back as a header and goes out as a Bearer. */
function shopSession(deps: TestOrderDeps) {
  let token: string | null = null;
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const answer = await postJson(deps.http, deps.shopApiUrl, JSON.stringify({ query, variables }), token ? { authorization: `Bearer ${token}` } : {});
    const next = answer.headers.get('vendure-auth-token');
    if (next) token = next;
    const body = (answer.body ?? {}) as { data?: T | null; errors?: { message: string }[] };
    if (body.errors?.length) throw new StoreError('rejected', `Shop API: ${body.errors.map((e) => e.message).join('; ')}`);
    if (!body.data) throw new StoreError('protocol', `Shop API answered HTTP ${answer.status} without data`);
    return body.data;
  };
}

class StepFailed extends Error {
  constructor(
    readonly step: string,
    message: string,
  ) {
    super(message);
  }
}

const orderOf = (step: string, r: ShopResult): ShopOrder => {
  if (r.__typename !== 'Order' || !r.code) {
    const why = r.transitionError ? `${r.message ?? r.errorCode}: ${r.transitionError}` : (r.message ?? r.errorCode ?? r.__typename);
    throw new StepFailed(step, why);
  }
  return r as ShopOrder;
};

export async function placeVendureTestOrder(deps: TestOrderDeps): Promise<TestOrderResult> {
  const shop = shopSession(deps);
  const startedAt = deps.now();
  const base = { store: 'vendure', startedAt, orderCode: null, amount: null, currency: null, placedAt: null, confirmedAt: null, cancelledAt: null, refundedAt: null };
  let placed: ShopOrder | null = null;
  let step = 'add to cart';
  try {
    orderOf(step, (await shop<{ r: ShopResult }>(`mutation($id: ID!) { r: addItemToOrder(productVariantId: $id, quantity: 1) { ${RESULT} } }`, { id: deps.variantId })).r);
    step = `apply coupon ${deps.couponCode}`;
    orderOf(step, (await shop<{ r: ShopResult }>(`mutation($c: String!) { r: applyCouponCode(couponCode: $c) { ${RESULT} } }`, { c: deps.couponCode })).r);
    step = 'set customer';
    orderOf(
      step,
      (
        await shop<{ r: ShopResult }>(`mutation($i: CreateCustomerInput!) { r: setCustomerForOrder(input: $i) { ${RESULT} } }`, {
          i: { emailAddress: `preflight-${startedAt}@baton.invalid`, firstName: 'Baton', lastName: 'Preflight' },
        })
      ).r,
    );
    step = 'set address';
    orderOf(
      step,
      (
        await shop<{ r: ShopResult }>(`mutation($i: CreateAddressInput!) { r: setOrderShippingAddress(input: $i) { ${RESULT} } }`, {
          i: { fullName: 'Baton Preflight', streetLine1: '1 Test Street', city: 'Austin', province: 'TX', postalCode: '78701', countryCode: 'US' },
        })
      ).r,
    );
    step = 'shipping method';
    const methods = await shop<{ eligibleShippingMethods: { id: string }[] }>('query { eligibleShippingMethods { id } }');
    const method = methods.eligibleShippingMethods[0];
    if (!method) throw new StepFailed(step, 'the store offers no shipping method for the test address');
    orderOf(step, (await shop<{ r: ShopResult }>(`mutation($ids: [ID!]!) { r: setOrderShippingMethod(shippingMethodId: $ids) { ${RESULT} } }`, { ids: [method.id] })).r);
    step = 'arrange payment';
    orderOf(step, (await shop<{ r: ShopResult }>(`mutation { r: transitionOrderToState(state: "ArrangingPayment") { ${RESULT} ... on OrderStateTransitionError { transitionError } } }`)).r);
    step = `pay with ${deps.paymentMethod}`;
    placed = orderOf(step, (await shop<{ r: ShopResult }>(`mutation($i: PaymentInput!) { r: addPaymentToOrder(input: $i) { ${RESULT} } }`, { i: { method: deps.paymentMethod, metadata: {} } })).r);
    if (placed.state !== 'PaymentSettled' && placed.state !== 'PaymentAuthorized') throw new StepFailed(step, `the order is ${placed.state}, not paid`);
    if (!placed.couponCodes.includes(deps.couponCode)) throw new StepFailed(step, `the order was paid without the coupon ${deps.couponCode}`);
  } catch (e) {
    const partial = placed ? { orderCode: placed.code } : {};
    return { ...base, ...partial, ok: false, cancelled: false, step, reason: reasonOf(e) };
  }
  const paid = { ...base, orderCode: placed.code, amount: placed.totalWithTax / 100, currency: placed.currencyCode, placedAt: deps.now() };
  // The Admin side must see it (the payment reached the store's books, not only the shopper's session).
  step = 'confirm in the admin';
  let payments: { id: string; amount: number; state: string }[] = [];
  let orderId = '';
  try {
    const seen = await deps.admin.gql<{ orders: { items: { id: string; code: string; state: string; totalWithTax: number; payments: { id: string; amount: number; state: string }[] }[] } }>(
      'query($c: String!) { orders(options: { filter: { code: { eq: $c } }, take: 1 }) { items { id code state totalWithTax payments { id amount state } } } }',
      { c: placed.code },
    );
    const o = seen.orders.items[0];
    if (!o) throw new StepFailed(step, `the admin API does not list order ${placed.code}`);
    if (o.totalWithTax !== placed.totalWithTax) throw new StepFailed(step, `the admin sees ${o.totalWithTax / 100}, the shopper paid ${placed.totalWithTax / 100}`);
    orderId = o.id;
    payments = o.payments;
  } catch (e) {
    return { ...paid, ok: false, cancelled: false, step, reason: `${reasonOf(e)}; order ${placed.code} was paid and is NOT cancelled: cancel it in the store` };
  }
  const confirmedAt = deps.now();
  // Refund first (the money), then cancel (the stock and the order's revenue).
  step = 'refund';
  let refundedAt: number | null = null;
  try {
    for (const p of payments.filter((x) => x.state === 'Settled' || x.state === 'Authorized')) {
      const r = await deps.admin.gql<{ refundOrder: { __typename: string; id?: string; state?: string; message?: string; errorCode?: string } }>(
        'mutation($i: RefundOrderInput!) { refundOrder(input: $i) { __typename ... on Refund { id state } ... on ErrorResult { errorCode message } } }',
        // shipping/adjustment are deprecated but some Vendure 3 databases still require the columns.
        { i: { paymentId: p.id, amount: p.amount, shipping: 0, adjustment: 0, reason: 'Baton preflight test order' } },
      );
      if (r.refundOrder.__typename !== 'Refund') throw new StepFailed(step, r.refundOrder.message ?? r.refundOrder.errorCode ?? r.refundOrder.__typename);
      // A payment handler without its own refund call leaves the refund pending: settle it by hand.
      if (r.refundOrder.state === 'Pending') {
        const s = await deps.admin.gql<{ settleRefund: { __typename: string; state?: string; message?: string } }>(
          'mutation($i: SettleRefundInput!) { settleRefund(input: $i) { __typename ... on Refund { state } ... on ErrorResult { message } } }',
          { i: { id: r.refundOrder.id, transactionId: `baton-preflight-${placed.code}` } },
        );
        if (s.settleRefund.__typename !== 'Refund') throw new StepFailed(step, s.settleRefund.message ?? s.settleRefund.__typename);
      }
    }
    refundedAt = deps.now();
    step = 'cancel';
    const c = await deps.admin.gql<{ cancelOrder: { __typename: string; state?: string; message?: string; errorCode?: string } }>(
      'mutation($i: CancelOrderInput!) { cancelOrder(input: $i) { __typename ... on Order { state } ... on ErrorResult { errorCode message } } }',
      { i: { orderId, cancelShipping: true, reason: 'Baton preflight test order' } },
    );
    if (c.cancelOrder.__typename !== 'Order') throw new StepFailed(step, c.cancelOrder.message ?? c.cancelOrder.errorCode ?? c.cancelOrder.__typename);
    if (c.cancelOrder.state !== 'Cancelled') throw new StepFailed(step, `the order is ${c.cancelOrder.state ?? '?'} after the cancel`);
  } catch (e) {
    return { ...paid, confirmedAt, refundedAt, ok: false, cancelled: false, step, reason: `${reasonOf(e)}; order ${placed.code} could not be ${step === 'cancel' ? 'cancelled' : 'refunded'}: finish it in the store` };
  }
  return { ...paid, confirmedAt, refundedAt, cancelledAt: deps.now(), ok: true, cancelled: true, step: 'done', reason: null };
}

function reasonOf(e: unknown): string {
  if (e instanceof StepFailed) return `${e.step}: ${e.message}`;
  if (e instanceof Error) return e.message;
  return String(e);
}

/** Vendure serves both APIs from one server: `…/admin-api` → `…/shop-api` unless the binding says otherwise. */
export function shopApiOf(adminApiUrl: string, explicit: string | undefined): string {
  if (explicit) return explicit;
  return adminApiUrl.replace(/admin-api\/?$/, 'shop-api');
}
