#!/usr/bin/env node
// Seeds a running test Vendure store through the Admin API only.
//
//   node test/vendure/seed.mjs --admin-api-url http://127.0.0.1:3001/admin-api --out seed.json \
//        [--username superadmin] [--password superadmin]
//
// Credentials can also come from VENDURE_SUPERADMIN_USERNAME / VENDURE_SUPERADMIN_PASSWORD.
// Idempotent: on an already seeded store it only reads the ids back. A partly seeded store is an
// error (start again from a fresh database).
// Prints and writes: { promotionId, couponCode, bundleSku, variantIdsBySku, productIdsBySlug,
//   shippingMethodId, paymentMethodCode, countryCode, channelId, seeded }.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    'admin-api-url': { type: 'string' },
    out: { type: 'string' },
    username: { type: 'string' },
    password: { type: 'string' },
  },
  strict: true,
});
const adminApiUrl = values['admin-api-url'];
if (!adminApiUrl) {
  process.stderr.write('seed.mjs: --admin-api-url is required\n');
  process.exit(2);
}
const username = values.username ?? process.env.VENDURE_SUPERADMIN_USERNAME ?? 'superadmin';
const password = values.password ?? process.env.VENDURE_SUPERADMIN_PASSWORD ?? 'superadmin';

export const COUPON_CODE = 'LIVEGLOW';
export const BUNDLE_SKU = 'BNDL-GLOW-KIT';
const PROMOTION_NAME = 'Glow Kit live bundle';
const COUNTRY_CODE = 'US';
const STOCK = 500;

const CATALOG = [
  {
    name: 'Glow Serum',
    slug: 'glow-serum',
    description: 'Vitamin C + niacinamide brightening serum. Lightweight, fragrance free.',
    optionGroup: { code: 'glow-serum-size', name: 'Size' },
    variants: [
      { sku: 'GLW-SER-30', name: 'Glow Serum 30 ml', price: 2800, option: { code: '30ml', name: '30 ml' } },
      { sku: 'GLW-SER-50', name: 'Glow Serum 50 ml', price: 4200, option: { code: '50ml', name: '50 ml' } },
    ],
  },
  {
    name: 'Lip Tint',
    slug: 'lip-tint',
    description: 'Buildable water-gel lip tint with a soft-focus finish.',
    optionGroup: { code: 'lip-tint-shade', name: 'Shade' },
    variants: [
      { sku: 'LIP-TINT-RED', name: 'Lip Tint Red', price: 1600, option: { code: 'red', name: 'Red' } },
      { sku: 'LIP-TINT-NUDE', name: 'Lip Tint Nude', price: 1600, option: { code: 'nude', name: 'Nude' } },
      { sku: 'LIP-TINT-BERRY', name: 'Lip Tint Berry', price: 1600, option: { code: 'berry', name: 'Berry' } },
    ],
  },
  {
    name: 'Glow Kit',
    slug: 'glow-kit',
    description: 'Live-show bundle: Glow Serum 30 ml + Lip Tint Nude in a gift pouch.',
    variants: [{ sku: BUNDLE_SKU, name: 'Glow Kit (live bundle)', price: 3900 }],
  },
];
const ALL_SKUS = CATALOG.flatMap((p) => p.variants.map((v) => v.sku));

let token;

async function gql(query, variables = {}) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(adminApiUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const newToken = res.headers.get('vendure-auth-token');
  if (newToken) token = newToken;
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`Admin API ${res.status}: ${text.slice(0, 500)}`);
  }
  if (body.errors?.length) {
    throw new Error(`Admin API error: ${body.errors.map((e) => e.message).join('; ')} in ${query.slice(0, 120)}`);
  }
  return body.data;
}

/** Throws if a union result is an ErrorResult. */
function ok(result, what) {
  if (result && typeof result === 'object' && 'errorCode' in result && result.errorCode) {
    throw new Error(`${what}: ${result.errorCode} ${result.message}`);
  }
  return result;
}

const en = (name, extra = {}) => [{ languageCode: 'en', name, ...extra }];

async function login() {
  const d = await gql(
    `mutation Login($u: String!, $p: String!) {
      login(username: $u, password: $p, rememberMe: true) {
        ... on CurrentUser { id identifier }
        ... on ErrorResult { errorCode message }
      }
    }`,
    { u: username, p: password },
  );
  ok(d.login, 'login');
  if (!token) throw new Error('login: no vendure-auth-token header (is authOptions.tokenMethod "bearer"?)');
}

async function readState() {
  const d = await gql(
    `query State($skus: [String!]!, $code: String!) {
      activeChannel { id code defaultTaxZone { id } defaultShippingZone { id } }
      productVariants(options: { filter: { sku: { in: $skus } }, take: 100 }) {
        items { id sku product { id slug } }
      }
      promotions(options: { filter: { couponCode: { eq: $code } } }) { items { id name enabled couponCode } }
      shippingMethods { items { id code } }
      paymentMethods { items { id code enabled } }
    }`,
    { skus: ALL_SKUS, code: COUPON_CODE },
  );
  return d;
}

function summarize(state, seeded) {
  const variantIdsBySku = {};
  const productIdsBySlug = {};
  for (const v of state.productVariants.items) {
    variantIdsBySku[v.sku] = String(v.id);
    productIdsBySlug[v.product.slug] = String(v.product.id);
  }
  const promotion = state.promotions.items[0];
  const shipping = state.shippingMethods.items.find((s) => s.code === 'standard-shipping');
  return {
    promotionId: String(promotion.id),
    promotionName: promotion.name,
    couponCode: COUPON_CODE,
    bundleSku: BUNDLE_SKU,
    variantIdsBySku,
    productIdsBySlug,
    shippingMethodId: String(shipping.id),
    paymentMethodCode: 'dummy',
    countryCode: COUNTRY_CODE,
    channelId: String(state.activeChannel.id),
    seeded,
  };
}

async function seedAll(channelId) {
  const { createCountry: country } = await gql(
    `mutation($input: CreateCountryInput!) { createCountry(input: $input) { id code } }`,
    { input: { code: COUNTRY_CODE, enabled: true, translations: en('United States') } },
  );
  const { createZone: zone } = await gql(
    `mutation($input: CreateZoneInput!) { createZone(input: $input) { id } }`,
    { input: { name: 'United States', memberIds: [country.id] } },
  );
  const { createTaxCategory: taxCategory } = await gql(
    `mutation($input: CreateTaxCategoryInput!) { createTaxCategory(input: $input) { id } }`,
    { input: { name: 'Cosmetics', isDefault: true } },
  );
  await gql(`mutation($input: CreateTaxRateInput!) { createTaxRate(input: $input) { id } }`, {
    input: { name: 'US cosmetics (test, 0%)', enabled: true, value: 0, categoryId: taxCategory.id, zoneId: zone.id },
  });
  const { updateChannel } = await gql(
    `mutation($input: UpdateChannelInput!) {
      updateChannel(input: $input) {
        ... on Channel { id defaultTaxZone { id } defaultShippingZone { id } }
        ... on ErrorResult { errorCode message }
      }
    }`,
    { input: { id: channelId, defaultTaxZoneId: zone.id, defaultShippingZoneId: zone.id } },
  );
  ok(updateChannel, 'updateChannel');

  await gql(`mutation($input: CreateShippingMethodInput!) { createShippingMethod(input: $input) { id } }`, {
    input: {
      code: 'standard-shipping',
      fulfillmentHandler: 'manual-fulfillment',
      checker: { code: 'default-shipping-eligibility-checker', arguments: [{ name: 'orderMinimum', value: '0' }] },
      calculator: {
        code: 'default-shipping-calculator',
        arguments: [
          { name: 'rate', value: '500' },
          { name: 'includesTax', value: 'auto' },
          { name: 'taxRate', value: '0' },
        ],
      },
      translations: en('Standard shipping', { description: '3-5 business days' }),
    },
  });
  await gql(`mutation($input: CreatePaymentMethodInput!) { createPaymentMethod(input: $input) { id } }`, {
    input: {
      code: 'dummy',
      enabled: true,
      handler: { code: 'dummy-payment-handler', arguments: [{ name: 'automaticSettle', value: 'true' }] },
      translations: en('Test card (dummy)', { description: 'Always succeeds' }),
    },
  });

  const variantIdsBySku = {};
  for (const p of CATALOG) {
    const { createProduct: product } = await gql(
      `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`,
      { input: { enabled: true, translations: en(p.name, { slug: p.slug, description: p.description }) } },
    );
    const optionIdByCode = {};
    if (p.optionGroup) {
      const { createProductOptionGroup: group } = await gql(
        `mutation($input: CreateProductOptionGroupInput!) {
          createProductOptionGroup(input: $input) { id options { id code } }
        }`,
        {
          input: {
            code: p.optionGroup.code,
            translations: en(p.optionGroup.name),
            options: p.variants.map((v) => ({ code: v.option.code, translations: en(v.option.name) })),
          },
        },
      );
      for (const o of group.options) optionIdByCode[o.code] = o.id;
      await gql(
        `mutation($productId: ID!, $optionGroupId: ID!) {
          addOptionGroupToProduct(productId: $productId, optionGroupId: $optionGroupId) { id }
        }`,
        { productId: product.id, optionGroupId: group.id },
      );
    }
    const { createProductVariants: variants } = await gql(
      `mutation($input: [CreateProductVariantInput!]!) { createProductVariants(input: $input) { id sku } }`,
      {
        input: p.variants.map((v) => ({
          productId: product.id,
          sku: v.sku,
          price: v.price,
          stockOnHand: STOCK,
          trackInventory: 'TRUE',
          taxCategoryId: taxCategory.id,
          optionIds: v.option ? [optionIdByCode[v.option.code]] : [],
          translations: en(v.name),
        })),
      },
    );
    for (const v of variants) variantIdsBySku[v.sku] = v.id;
  }

  // 20% off the whole order when it contains the Glow Kit bundle and the coupon is applied.
  const { createPromotion } = await gql(
    `mutation($input: CreatePromotionInput!) {
      createPromotion(input: $input) {
        ... on Promotion { id }
        ... on ErrorResult { errorCode message }
      }
    }`,
    {
      input: {
        enabled: true,
        couponCode: COUPON_CODE,
        perCustomerUsageLimit: null,
        conditions: [
          {
            code: 'contains_products',
            arguments: [
              { name: 'minimum', value: '1' },
              { name: 'productVariantIds', value: JSON.stringify([variantIdsBySku[BUNDLE_SKU]]) },
            ],
          },
        ],
        actions: [{ code: 'order_percentage_discount', arguments: [{ name: 'discount', value: '20' }] }],
        translations: en(PROMOTION_NAME, { description: '20% off an order with the Glow Kit, live only' }),
      },
    },
  );
  ok(createPromotion, 'createPromotion');
}

const t0 = Date.now();
await login();
let state = await readState();
const haveSkus = state.productVariants.items.length;
const havePromo = state.promotions.items.length;
let seeded = false;
if (haveSkus === ALL_SKUS.length && havePromo === 1 && state.activeChannel.defaultShippingZone) {
  // already seeded
} else if (haveSkus === 0 && havePromo === 0) {
  await seedAll(state.activeChannel.id);
  seeded = true;
  state = await readState();
} else {
  throw new Error(`store is partly seeded (${haveSkus} of ${ALL_SKUS.length} SKUs, ${havePromo} promotions): use a fresh database`);
}
const result = summarize(state, seeded);
for (const sku of ALL_SKUS) {
  if (!result.variantIdsBySku[sku]) throw new Error(`seed read-back: missing SKU ${sku}`);
}
const json = JSON.stringify(result, null, 2);
if (values.out) {
  const out = resolve(values.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${json}\n`);
}
process.stdout.write(`${json}\n`);
process.stderr.write(`[seed] ${seeded ? 'seeded' : 'already seeded'} in ${Date.now() - t0} ms\n`);
