// The show file: everything a producer prepares before going live. Published as JSON Schema
// (resources/show.schema.json, generated from this file) so a bad file is caught field by field.
import { z } from 'zod';
import { queueNames, type QueueName } from './queue-names';

export { queueNames, type QueueName };

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash or underscore');
const money = z.object({
  amount: z.number().nonnegative(),
  currency: z.string().length(3).toUpperCase(),
});

export const personSchema = z.object({
  id,
  name: z.string().min(1).max(120),
  role: z.enum(['producer', 'host', 'moderator', 'legal', 'customer-service', 'commerce', 'brand', 'approver', 'observer']),
  /** Further jobs the same person holds (a producer who is also the toggle's commerce owner). */
  alsoRoles: z.array(z.enum(['producer', 'host', 'moderator', 'legal', 'customer-service', 'commerce', 'brand', 'approver', 'observer'])).max(9).default([]),
  contact: z
    .object({
      email: z.email().optional(),
      phone: z.string().max(40).optional(),
      handle: z.string().max(80).optional(),
    })
    .default({}),
});

export const productSchema = z.object({
  sku: id,
  name: z.string().min(1).max(120),
  /** The product family its variants share ("earbuds"): a viewer naming it names every variant. */
  family: z.string().max(60).optional(),
  /** Variant attributes a viewer might type: "red", "50 ml", "size 38". */
  colour: z.string().max(40).optional(),
  size: z.string().max(40).optional(),
  /** Words that name it, in any of the show's languages. */
  aliases: z.array(z.string().min(1).max(60)).default([]),
  /** The item number shown on screen ("#2"); several colours can share one. */
  onScreen: z
    .string()
    .regex(/^#\d{1,3}$/, 'like "#2"')
    .optional(),
  price: money,
  stock: z.number().int().nonnegative().optional(),
});

export const triggerRuleSchema = z.object({
  id,
  kind: z.enum([
    'payment_error_rate',
    'store_5xx',
    'chargeback_surge',
    'stock_below',
    'order_cap_reached',
    'fulfilment_latency',
  ]),
  /** The threshold in the kind's unit: a rate 0..1, a count, units of stock, or seconds. */
  threshold: z.number().nonnegative(),
  /** Window over which rates and counts are taken. */
  windowSeconds: z.number().int().positive().default(60),
  /** Minimum events in the window before a rate is trusted (avoids 1 failure of 1 = 100%). */
  minEvents: z.number().int().nonnegative().default(5),
  action: z.enum(['pause', 'alarm']),
  cooldownSeconds: z.number().int().nonnegative().default(120),
});

export const storeBindingSchema = z.discriminatedUnion('adapter', [
  z.object({
    adapter: z.literal('sandbox'),
    /** Simulated shoppers (views, carts, orders) for rehearsals; off = a quiet sandbox. */
    simulate: z.boolean().default(true),
  }),
  z.object({
    adapter: z.literal('vendure'),
    adminApiUrl: z.url(),
    username: z.string().min(1),
    /** Name of the secret holding the password; the password itself never sits in the file. */
    passwordSecret: z.string().min(1),
    promotionId: z.string().min(1),
    /** The bundle's variants: a pause holds them with an out-of-stock threshold. */
    variantIds: z.array(z.string().min(1)).min(1),
    /** A promotion carrying the capped bonus ("first 200 get the pouch"), disabled at the cap. */
    bonusPromotionId: z.string().min(1).optional(),
    /** The preflight test order: a test payment method of the store; the Shop API defaults to …/shop-api. */
    testOrder: z.object({ paymentMethod: z.string().min(1).max(200), shopApiUrl: z.url().optional() }).strict().optional(),
  }),
  z.object({
    adapter: z.literal('shopify'),
    /** `shop.myshopify.com` (https is implied). */
    shopDomain: z.string().min(1),
    /** Name of the secret holding the Admin API access token. */
    tokenSecret: z.string().min(1),
    /** A `gid://shopify/DiscountCodeNode/…` or `gid://shopify/DiscountAutomaticNode/…`. */
    discountId: z.string().regex(/^gid:\/\/shopify\/Discount(Code|Automatic)Node\/\d+$/, 'a DiscountCodeNode or DiscountAutomaticNode gid'),
    productIds: z.array(z.string()).default([]),
    /** When set, a pause also unpublishes `productIds` from this publication (the live channel). */
    unpublishFromPublicationId: z.string().optional(),
    bonusDiscountId: z.string().regex(/^gid:\/\/shopify\/Discount(Code|Automatic)Node\/\d+$/, 'a DiscountCodeNode or DiscountAutomaticNode gid').optional(),
    apiVersion: z.string().default('2025-07'),
  }),
  z.object({
    adapter: z.literal('webhook'),
    url: z.url(),
    /** Name of the secret holding the HMAC-SHA256 key (docs/commerce-webhook.md). */
    hmacSecret: z.string().min(1),
  }),
]);

export const offerSchema = z.object({
  id,
  name: z.string().min(1).max(120),
  skus: z.array(id).min(1),
  price: money,
  compareAt: money.optional(),
  code: z.string().min(1).max(40),
  aliases: z.array(z.string().min(1).max(60)).default([]),
  cap: z
    .object({
      orders: z.number().int().positive(),
      bonus: z.string().min(1).max(120),
    })
    .optional(),
  inventory: z
    .object({
      lowStock: z.number().int().nonnegative(),
      oversell: z.number().int().nonnegative().default(0),
    })
    .optional(),
  store: storeBindingSchema,
  triggers: z.array(triggerRuleSchema).default([]),
});

const ingestSchema = z.object({
  server: z.string().min(1),
  /** Name of the secret holding the stream key. */
  keySecret: z.string().min(1).optional(),
});

export const healthThresholdsSchema = z.object({
  /** Amber below this share of the baseline bitrate, red below `bitrateRedRatio`. */
  bitrateAmberRatio: z.number().min(0).max(1).default(0.7),
  bitrateRedRatio: z.number().min(0).max(1).default(0.4),
  /** Seconds a condition must last before it is raised. */
  sustainSeconds: z.number().int().positive().default(10),
  droppedAmberPct: z.number().min(0).default(1),
  droppedRedPct: z.number().min(0).default(5),
  cpuAmberPct: z.number().min(0).default(80),
  cpuRedPct: z.number().min(0).default(95),
  fpsAmberRatio: z.number().min(0).max(1).default(0.9),
  /** The encoder's total bitrate (kbps). When absent, Baton learns it from the first 30 s live. */
  baselineKbps: z.number().positive().optional(),
});

export const commentSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('tiktok'),
    id,
    uniqueId: z.string().min(1),
    /** Name of the secret holding a sign-server API key, when the producer has one. */
    signApiKeySecret: z.string().min(1).optional(),
  }),
  z.object({
    kind: z.literal('twitch'),
    id,
    channel: z.string().min(1),
    host: z.string().default('irc.chat.twitch.tv'),
    port: z.number().int().positive().default(6667),
    tls: z.boolean().default(false),
    /** Read-only anonymous login unless a nick and its OAuth token (a secret) are given. */
    nick: z.string().min(1).max(64).optional(),
    tokenSecret: z.string().min(1).optional(),
  }),
  z.object({ kind: z.literal('ssn'), id, url: z.string().min(1) }),
  z.object({
    kind: z.literal('replay'),
    id,
    file: z.string().min(1),
    speed: z.number().min(1).max(20).default(1),
    loop: z.boolean().default(false),
  }),
]);

export const showSchema = z.object({
  $schema: z.string().optional(),
  id,
  title: z.string().min(1).max(160),
  brand: z.string().min(1).max(120),
  /** Rehearsal shows are labelled REHEARSAL in every view. */
  rehearsal: z.boolean().default(false),
  schedule: z.object({
    start: z.iso.datetime({ offset: true }),
    durationMinutes: z.number().int().positive().max(24 * 60),
    timezone: z.string().min(1),
  }),
  operatingModel: z.enum(['in-house', 'agency', 'creator-led', 'hybrid']),
  conversionPath: z.object({
    kind: z.enum(['native-shop', 'link-in-bio', 'checkout-link', 'pinned-product']),
    description: z.string().min(1).max(500),
    url: z.url().optional(),
  }),
  platforms: z.array(z.enum(['tiktok', 'instagram', 'youtube', 'twitch', 'facebook', 'other'])).min(1),
  languages: z.array(z.string().min(2).max(8)).default(['en']),
  people: z.array(personSchema).min(1),
  /**
   * The one person who pulls the commerce toggle (offer pause/resume), and a deputy. When set, the
   * station refuses pause and resume from anyone else; they can raise a pause request instead.
   */
  toggle: z.object({ owner: id, deputy: id.optional() }).optional(),
  products: z.array(productSchema).min(1),
  offers: z.array(offerSchema).default([]),
  /** Path of the script (Markdown or JSON), relative to the show file. */
  script: z
    .object({
      file: z.string().min(1),
      /**
       * A sign-off given outside Baton (legal's email). The station records it only when `hash`
       * equals the content hash of the imported, placeholder-filled script; otherwise the script
       * imports unapproved.
       */
      approval: z
        .object({
          hash: z.string().regex(/^[0-9a-f]{64}$/, 'the 64-character content hash that was signed'),
          approver: z.string().min(1).max(120),
          role: z.string().min(1).max(40),
          at: z.iso.datetime({ offset: true }),
          note: z.string().max(1000).default(''),
        })
        .optional(),
    })
    .optional(),
  /**
   * KPI thresholds: when the KPI over the window crosses the bound (with at least `minDenominator`
   * in its denominator), its owner is alerted, then not again before the cool-down has passed.
   */
  kpiTargets: z
    .array(
      z
        .object({
          id,
          kpi: z.enum(['viewToCart', 'cartToCheckout', 'aov', 'paymentErrorRate']),
          window: z.enum(['1m', '5m', '15m', 'show']).default('5m'),
          below: z.number().nonnegative().optional(),
          above: z.number().nonnegative().optional(),
          /** One offer's KPI; omitted = the show's total. */
          offerId: z.string().min(1).max(64).optional(),
          minDenominator: z.number().int().nonnegative().default(20),
          owner: z.string().min(1).max(120),
          cooldownSeconds: z.number().int().nonnegative().default(300),
        })
        .refine((t) => t.below !== undefined || t.above !== undefined, 'give `below` or `above`'),
    )
    .default([]),
  /** Sign-off requests are due this many hours after they are sent. */
  approvals: z.object({ slaHours: z.number().positive().max(24 * 30).default(24) }).default({ slaHours: 24 }),
  checklist: z
    .array(
      z.object({
        id,
        label: z.string().min(1).max(200),
        /** `auto` items are checked by the station; `manual` ones are ticked by a person. */
        kind: z.enum(['auto', 'manual']),
        check: z.string().optional(),
        owner: z.string().optional(),
      }),
    )
    .default([]),
  obs: z
    .object({
      url: z.string().optional(),
      passwordSecret: z.string().optional(),
      thresholds: healthThresholdsSchema.default(healthThresholdsSchema.parse({})),
      ingest: z.object({ primary: ingestSchema, backup: ingestSchema.optional() }).optional(),
    })
    .default({ thresholds: healthThresholdsSchema.parse({}) }),
  comments: z
    .object({
      sources: z.array(commentSourceSchema).default([]),
      /** Seconds from receipt within which a comment should be answered. */
      slaSeconds: z.number().int().positive().default(60),
      /**
       * A queue overflows past `backlog` items waiting or a comment older than `oldestSeconds`. Its alarm
       * has hysteresis: raised after `raiseHoldSeconds` over a limit, cleared after `clearHoldSeconds`
       * at or under `clearRatio` of both (a queue hovering at its limit is one alarm, not one a second).
       */
      overflow: z
        .object({
          backlog: z.number().int().positive().default(50),
          oldestSeconds: z.number().int().positive().default(120),
          raiseHoldSeconds: z.number().int().min(0).max(600).default(10),
          clearHoldSeconds: z.number().int().min(0).max(600).default(30),
          clearRatio: z.number().gt(0).max(1).default(0.8),
        })
        .default({ backlog: 50, oldestSeconds: 120, raiseHoldSeconds: 10, clearHoldSeconds: 30, clearRatio: 0.8 }),
      unsureBelow: z.number().min(0).max(1).default(0.55),
      /** Which queue each intent goes to; low-confidence comments go to `unsure` whatever their intent. */
      routing: z
        .object({
          order: z.enum(queueNames).default('commerce'),
          question: z.enum(queueNames).default('moderators'),
          complaint: z.enum(queueNames).default('customer-service'),
          spam: z.enum(queueNames).default('spam'),
          other: z.enum(queueNames).default('other'),
        })
        .default({ order: 'commerce', question: 'moderators', complaint: 'customer-service', spam: 'spam', other: 'other' }),
      /** Chat as an incident signal: N distinct viewers reporting checkout/payment failures within M seconds. */
      incidents: z
        .object({
          checkout: z
            .object({
              viewers: z.number().int().min(1).max(1000).default(5),
              windowSeconds: z.number().int().min(5).max(3600).default(60),
              /** alarm = the one-click alarm; pause = also pause the show's offers (through offer.pause). */
              action: z.enum(['alarm', 'pause']).default('alarm'),
              cooldownSeconds: z.number().int().nonnegative().default(300),
            })
            .default({ viewers: 5, windowSeconds: 60, action: 'alarm', cooldownSeconds: 300 }),
        })
        .default({ checkout: { viewers: 5, windowSeconds: 60, action: 'alarm', cooldownSeconds: 300 } }),
      /**
       * Approved replies. `texts` gives the approved text per language (the desk picks the
       * comment's language, else `text`); a macro tied to an offer (`offerId`) is swapped for its
       * approved `paused` variant while the offer is paused, or cannot be used when it has none.
       */
      /**
       * Demand (orders that ask for no reply: "+1", "mine", "I'll take the red") is counted per SKU and
       * closed on arrival. autoClose off: counted, left open for a person. mode "phrases": only the short
       * fixed phrases count. languages / subs / minConfidence narrow what may be read as demand.
       */
      demand: z
        .object({
          autoClose: z.boolean().default(true),
          mode: z.enum(['signals', 'phrases']).default('signals'),
          languages: z.array(z.enum(['en', 'es', 'pt', 'id'])).min(1).max(4).default(['en', 'es', 'pt', 'id']),
          subs: z.array(z.enum(['buy', 'reserve'])).min(1).max(2).default(['buy']),
          minConfidence: z.number().min(0.5).max(1).default(0.8),
        })
        .strict()
        .default({ autoClose: true, mode: 'signals', languages: ['en', 'es', 'pt', 'id'], subs: ['buy'], minConfidence: 0.8 }),
      macros: z
        .array(
          z.object({
            id,
            label: z.string().min(1),
            text: z.string().min(1).max(1000),
            texts: z.record(z.string().min(2).max(8), z.string().min(1).max(1000)).optional(),
            offerId: z.string().optional(),
            paused: z.object({ text: z.string().min(1).max(1000), texts: z.record(z.string().min(2).max(8), z.string().min(1).max(1000)).optional() }).optional(),
          }),
        )
        .default([]),
    })
    .default({
      sources: [],
      slaSeconds: 60,
      overflow: { backlog: 50, oldestSeconds: 120, raiseHoldSeconds: 10, clearHoldSeconds: 30, clearRatio: 0.8 },
      unsureBelow: 0.55,
      routing: { order: 'commerce', question: 'moderators', complaint: 'customer-service', spam: 'spam', other: 'other' },
      demand: { autoClose: true, mode: 'signals', languages: ['en', 'es', 'pt', 'id'], subs: ['buy'], minConfidence: 0.8 },
      macros: [],
      incidents: { checkout: { viewers: 5, windowSeconds: 60, action: 'alarm', cooldownSeconds: 300 } },
    }),
});

export type Show = z.output<typeof showSchema>;
export type ShowInput = z.input<typeof showSchema>;
export type Product = z.output<typeof productSchema>;
export type Offer = z.output<typeof offerSchema>;
export type TriggerRule = z.output<typeof triggerRuleSchema>;
export type StoreBinding = z.output<typeof storeBindingSchema>;
export type HealthThresholds = z.output<typeof healthThresholdsSchema>;
export type CommentSourceConfig = z.output<typeof commentSourceSchema>;
