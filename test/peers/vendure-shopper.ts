// A scripted shopper for the test Vendure store (test/vendure). Talks to the Shop API only, with
// global fetch. Each cart is its own anonymous session: Vendure returns a `vendure-auth-token`
// response header when it creates a session, and we send it back as `Authorization: Bearer`.
//
// Checkout path (Vendure's Shop API order states, as test/vendure configures them):
//   addItemToOrder → applyCouponCode (if a code is given) → setCustomerForOrder →
//   setOrderShippingAddress → setOrderShippingMethod → transitionOrderToState('ArrangingPayment') →
//   addPaymentToOrder({ method: 'dummy' })
//
// tryCheckout() runs all of it for a fresh shopper. openCart() stops before a stage (default:
// before 'transition', i.e. a cart with item, coupon, customer, address and shipping) and
// continueCheckout() resumes it later, e.g. after the offer was paused.

export type CheckoutStage =
  | 'addItem'
  | 'coupon'
  | 'customer'
  | 'address'
  | 'shipping'
  | 'transition'
  | 'payment'
  | 'done';

export const CHECKOUT_STAGES: readonly CheckoutStage[] = [
  'addItem',
  'coupon',
  'customer',
  'address',
  'shipping',
  'transition',
  'payment',
  'done',
];

export interface CheckoutResult {
  ok: boolean;
  /** The stage that failed, or 'done' when the order was paid; for an open cart, the next stage. */
  stage: CheckoutStage;
  /** Vendure ErrorResult.errorCode (e.g. COUPON_CODE_INVALID_ERROR, INSUFFICIENT_STOCK_ERROR), or 'GRAPHQL_ERROR' / 'HTTP_ERROR' / 'UNKNOWN_SKU'. */
  errorCode?: string;
  /** ErrorResult.__typename, e.g. 'CouponCodeInvalidError', 'InsufficientStockError'. */
  errorType?: string;
  message?: string;
  orderCode?: string;
  /** Order state after the last step (e.g. 'AddingItems', 'ArrangingPayment', 'PaymentSettled'). */
  orderState?: string;
  /** True when the order carries a discount (and, if a coupon was asked for, that coupon). */
  discountApplied?: boolean;
  /** Order totalWithTax in minor units (cents). */
  total?: number;
  /** Sum of the order discounts (negative amounts, minor units). */
  discountTotal?: number;
  couponCodes?: string[];
}

export interface CheckoutOptions {
  shopApiUrl: string;
  /** Either a variant id, or a SKU (resolved with variantIdsBySku or, failing that, the Shop API catalog). */
  variantId?: string;
  sku?: string;
  variantIdsBySku?: Readonly<Record<string, string>>;
  couponCode?: string;
  quantity?: number;
  emailAddress?: string;
  /** Payment method code; the seeded dummy handler is 'dummy'. */
  paymentMethod?: string;
}

export interface ShopOrder {
  id: string;
  code: string;
  state: string;
  active: boolean;
  totalWithTax: number;
  subTotalWithTax: number;
  shippingWithTax: number;
  couponCodes: string[];
  discounts: { description: string; amountWithTax: number }[];
  lines: { quantity: number; productVariant: { id: string; sku: string } }[];
}

interface ErrorResultShape {
  __typename: string;
  errorCode: string;
  message: string;
  /** OrderStateTransitionError only: why the state machine refused (e.g. stock). */
  transitionError?: string;
}

type MaybeOrder = (Partial<ShopOrder> & { __typename: string }) | (ErrorResultShape & { order?: ShopOrder });

interface GraphqlBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export class ShopGraphqlError extends Error {
  constructor(
    message: string,
    readonly code: 'GRAPHQL_ERROR' | 'HTTP_ERROR',
  ) {
    super(message);
    this.name = 'ShopGraphqlError';
  }
}

/** One anonymous shopper session against the Shop API. */
export class ShopSession {
  private token: string | undefined;
  constructor(readonly shopApiUrl: string) {}

  get authToken(): string | undefined {
    return this.token;
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const res = await fetch(this.shopApiUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const newToken = res.headers.get('vendure-auth-token');
    if (newToken) this.token = newToken;
    const text = await res.text();
    let body: GraphqlBody<T>;
    try {
      body = JSON.parse(text) as GraphqlBody<T>;
    } catch {
      throw new ShopGraphqlError(`Shop API HTTP ${res.status}: ${text.slice(0, 300)}`, 'HTTP_ERROR');
    }
    if (body.errors?.length) {
      throw new ShopGraphqlError(body.errors.map((e) => e.message).join('; '), 'GRAPHQL_ERROR');
    }
    if (!body.data) throw new ShopGraphqlError(`Shop API HTTP ${res.status}: no data`, 'HTTP_ERROR');
    return body.data;
  }
}

const ORDER_FIELDS = `
  id code state active totalWithTax subTotalWithTax shippingWithTax couponCodes
  discounts { description amountWithTax }
  lines { quantity productVariant { id sku } }
`;
const RESULT_FIELDS = `
  __typename
  ... on Order { ${ORDER_FIELDS} }
  ... on ErrorResult { errorCode message }
`;

export interface OpenCart {
  readonly session: ShopSession;
  readonly variantId: string;
  readonly couponCode: string | undefined;
  readonly quantity: number;
  readonly emailAddress: string;
  readonly paymentMethod: string;
  /** The next stage to run; 'done' once paid. */
  nextStage: CheckoutStage;
  orderCode: string | undefined;
}

let shopperCounter = 0;

async function resolveVariantId(session: ShopSession, opts: CheckoutOptions): Promise<string | undefined> {
  if (opts.variantId) return opts.variantId;
  if (!opts.sku) throw new Error('tryCheckout/openCart: give variantId or sku');
  const mapped = opts.variantIdsBySku?.[opts.sku];
  if (mapped) return mapped;
  const data = await session.request<{ products: { items: { variants: { id: string; sku: string }[] }[] } }>(
    `query { products(options: { take: 100 }) { items { variants { id sku } } } }`,
  );
  for (const p of data.products.items) for (const v of p.variants) if (v.sku === opts.sku) return v.id;
  return undefined;
}

function summarizeOrder(order: Partial<ShopOrder> | undefined, couponCode: string | undefined): Partial<CheckoutResult> {
  if (!order || order.code === undefined) return {};
  const discounts = order.discounts ?? [];
  const discountTotal = discounts.reduce((s, d) => s + d.amountWithTax, 0);
  const couponCodes = order.couponCodes ?? [];
  return {
    orderCode: order.code,
    orderState: order.state,
    total: order.totalWithTax,
    discountTotal,
    couponCodes,
    discountApplied: discountTotal < 0 && (couponCode === undefined || couponCodes.includes(couponCode)),
  };
}

function isError(r: MaybeOrder): r is ErrorResultShape & { order?: ShopOrder } {
  return 'errorCode' in r && typeof r.errorCode === 'string';
}

async function runStage(cart: OpenCart, stage: CheckoutStage): Promise<MaybeOrder | null> {
  const s = cart.session;
  switch (stage) {
    case 'addItem':
      return (
        await s.request<{ r: MaybeOrder }>(
          `mutation($id: ID!, $q: Int!) { r: addItemToOrder(productVariantId: $id, quantity: $q) { ${RESULT_FIELDS} ... on InsufficientStockError { quantityAvailable order { ${ORDER_FIELDS} } } } }`,
          { id: cart.variantId, q: cart.quantity },
        )
      ).r;
    case 'coupon':
      if (cart.couponCode === undefined) return null;
      return (
        await s.request<{ r: MaybeOrder }>(
          `mutation($c: String!) { r: applyCouponCode(couponCode: $c) { ${RESULT_FIELDS} } }`,
          { c: cart.couponCode },
        )
      ).r;
    case 'customer':
      return (
        await s.request<{ r: MaybeOrder }>(
          `mutation($input: CreateCustomerInput!) { r: setCustomerForOrder(input: $input) { ${RESULT_FIELDS} } }`,
          { input: { emailAddress: cart.emailAddress, firstName: 'Live', lastName: 'Shopper' } },
        )
      ).r;
    case 'address':
      return (
        await s.request<{ r: MaybeOrder }>(
          `mutation($input: CreateAddressInput!) { r: setOrderShippingAddress(input: $input) { ${RESULT_FIELDS} } }`,
          {
            input: {
              fullName: 'Live Shopper',
              streetLine1: '1 Studio Way',
              city: 'Austin',
              province: 'TX',
              postalCode: '78701',
              countryCode: 'US',
            },
          },
        )
      ).r;
    case 'shipping': {
      const methods = await s.request<{ eligibleShippingMethods: { id: string }[] }>(
        `query { eligibleShippingMethods { id } }`,
      );
      const first = methods.eligibleShippingMethods[0];
      if (!first) {
        return { __typename: 'NoEligibleShippingMethod', errorCode: 'NO_ELIGIBLE_SHIPPING_METHOD', message: 'no eligible shipping method' };
      }
      return (
        await s.request<{ r: MaybeOrder }>(
          `mutation($ids: [ID!]!) { r: setOrderShippingMethod(shippingMethodId: $ids) { ${RESULT_FIELDS} } }`,
          { ids: [first.id] },
        )
      ).r;
    }
    case 'transition':
      return (
        await s.request<{ r: MaybeOrder }>(
          `mutation { r: transitionOrderToState(state: "ArrangingPayment") { ${RESULT_FIELDS} ... on OrderStateTransitionError { transitionError } } }`,
        )
      ).r;
    case 'payment':
      return (
        await s.request<{ r: MaybeOrder }>(
          `mutation($input: PaymentInput!) { r: addPaymentToOrder(input: $input) { ${RESULT_FIELDS} } }`,
          { input: { method: cart.paymentMethod, metadata: {} } },
        )
      ).r;
    case 'done':
      return null;
  }
}

/**
 * Runs stages from cart.nextStage up to (not including) stopBefore. Returns a failure at the first
 * ErrorResult / GraphQL error, or ok with stage = the next stage to run ('done' when paid).
 */
async function advance(cart: OpenCart, stopBefore: CheckoutStage): Promise<CheckoutResult> {
  let last: Partial<CheckoutResult> = {};
  const stopIdx = CHECKOUT_STAGES.indexOf(stopBefore);
  while (cart.nextStage !== 'done' && CHECKOUT_STAGES.indexOf(cart.nextStage) < stopIdx) {
    const stage = cart.nextStage;
    let r: MaybeOrder | null;
    try {
      r = await runStage(cart, stage);
    } catch (e) {
      const code = e instanceof ShopGraphqlError ? e.code : 'HTTP_ERROR';
      return { ok: false, stage, errorCode: code, message: e instanceof Error ? e.message : String(e), ...last };
    }
    if (r && isError(r)) {
      const withOrder = r.order ? summarizeOrder(r.order, cart.couponCode) : last;
      const message = r.transitionError ? `${r.message}: ${r.transitionError}` : r.message;
      return { ...withOrder, ok: false, stage, errorCode: r.errorCode, errorType: r.__typename, message };
    }
    if (r) {
      last = summarizeOrder(r, cart.couponCode);
      if (last.orderCode) cart.orderCode = last.orderCode;
    }
    if (stage === 'payment' && last.orderState !== 'PaymentSettled' && last.orderState !== 'PaymentAuthorized') {
      return { ...last, ok: false, stage, errorCode: 'PAYMENT_NOT_SETTLED', message: `order state ${last.orderState ?? '?'}` };
    }
    cart.nextStage = CHECKOUT_STAGES[CHECKOUT_STAGES.indexOf(stage) + 1] ?? 'done';
  }
  return { ...last, ok: true, stage: cart.nextStage };
}

/**
 * Starts a fresh shopper session and runs the checkout up to (not including) `stopBefore`
 * (default 'transition'). `result.ok` is false when a stage failed on the way.
 */
export async function openCart(
  opts: CheckoutOptions & { stopBefore?: CheckoutStage },
): Promise<{ cart: OpenCart; result: CheckoutResult }> {
  const session = new ShopSession(opts.shopApiUrl);
  shopperCounter += 1;
  const placeholder: OpenCart = {
    session,
    variantId: '',
    couponCode: opts.couponCode,
    quantity: opts.quantity ?? 1,
    emailAddress: opts.emailAddress ?? `shopper-${process.pid}-${Date.now()}-${shopperCounter}@example.test`,
    paymentMethod: opts.paymentMethod ?? 'dummy',
    nextStage: 'addItem',
    orderCode: undefined,
  };
  let variantId: string | undefined;
  try {
    variantId = await resolveVariantId(session, opts);
  } catch (e) {
    return { cart: placeholder, result: { ok: false, stage: 'addItem', errorCode: 'GRAPHQL_ERROR', message: String(e) } };
  }
  if (!variantId) {
    return {
      cart: placeholder,
      result: { ok: false, stage: 'addItem', errorCode: 'UNKNOWN_SKU', message: `no purchasable variant with SKU ${opts.sku ?? '?'}` },
    };
  }
  const cart: OpenCart = { ...placeholder, variantId };
  const result = await advance(cart, opts.stopBefore ?? 'transition');
  return { cart, result };
}

/** Resumes an open cart up to `stopBefore` (default: through payment, 'done'). */
export async function continueCheckout(cart: OpenCart, opts: { stopBefore?: CheckoutStage } = {}): Promise<CheckoutResult> {
  return advance(cart, opts.stopBefore ?? 'done');
}

/** A fresh shopper runs the whole checkout. */
export async function tryCheckout(opts: CheckoutOptions): Promise<CheckoutResult> {
  const { cart, result } = await openCart({ ...opts, stopBefore: 'done' });
  void cart;
  return result;
}

/** The cart's active order as the shopper sees it now (null when there is none). */
export async function getActiveOrder(cart: OpenCart): Promise<ShopOrder | null> {
  const d = await cart.session.request<{ activeOrder: ShopOrder | null }>(`query { activeOrder { ${ORDER_FIELDS} } }`);
  return d.activeOrder;
}
