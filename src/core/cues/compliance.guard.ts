// The compliance guard: finds price claims, offer codes and delivery promises in a text and
// reports the ones the approved script does not contain, with character ranges to highlight.
// A phrase counts as approved if it appears anywhere in the approved text, so excluded claims
// ("next-day delivery") must not be written into the script, not even negated.
import type { ClaimViolation } from '../../shared/contract/index';

export type ClaimKind = ClaimViolation['kind'];
export interface Claim {
  kind: ClaimKind;
  text: string;
  start: number;
  end: number;
  /** Comparable form: `price:39:USD`, `code:LIVEGLOW`, `delivery:next day`, `days:3-5`. */
  key: string;
  /** Prices only: the amount and currency ('$' when only a dollar sign was written). */
  amount?: number;
  currency?: string | null;
}

const SYMBOLS: Record<string, string> = {
  us$: 'USD', r$: 'BRL', a$: 'AUD', c$: 'CAD', mx$: 'MXN', $: '$', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR',
  rp: 'IDR', 'rp.': 'IDR', '₱': 'PHP', usd: 'USD', eur: 'EUR', gbp: 'GBP', brl: 'BRL', idr: 'IDR', mxn: 'MXN',
  dollar: '$', dollars: '$', bucks: '$', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', reais: 'BRL',
  real: 'BRL', rupiah: 'IDR', peso: 'MXN', pesos: 'MXN', dólares: '$', dolares: '$',
};
const DOLLAR_FAMILY = new Set(['$', 'USD', 'AUD', 'CAD', 'MXN']);
const NUM = String.raw`\d{1,3}(?:[.,\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const SCALE = String.raw`(?:\s?(?:rb|ribu|k|jt|juta|mil)\b)?`;
const PRICE_BEFORE = new RegExp(String.raw`(US\$|R\$|A\$|C\$|MX\$|\$|€|£|¥|₹|₱|\bRp\.?)\s?(${NUM})(${SCALE})`, 'giu');
const PRICE_AFTER = new RegExp(
  String.raw`(?<![\w.,])(${NUM})(${SCALE})\s?(€|\$|\b(?:USD|EUR|GBP|BRL|IDR|MXN|dollars?|bucks|euros?|pounds?|reais|rupiah|pesos?|d[óo]lares)\b)`,
  'giu',
);
// Percentages only with a discount word: "100% natural" is not a price claim.
const PERCENT =
  /(?<![\w.])(\d{1,3})\s?%\s?(?:off|discount|de desconto|de descuento)\b|\b(?:diskon|potongan|discount|desconto|descuento|save|ahorra|economize|hemat)\s+(?:up to\s+|hasta\s+|até\s+)?(\d{1,3})\s?%/giu;
// The keyword is matched in any case; the word after it counts only when written like a code.
const CODE_WORD = /\b(?:promo\s+code|discount\s+code|code|coupon|voucher|c[óo]digo|cup[óo]n|cupom|kode(?:\s+promo|\s+voucher)?)\s*(?:is\s+|es\s+|é\s+|adalah\s+|:|-)?\s*([A-Za-z0-9][A-Za-z0-9_-]{2,23})\b/giu;
const CODE_TOKEN = /^(?=.*[A-Z])[A-Z0-9_-]+$/u;
const CODE_SHAPE = /\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{4,20}\b/gu;

// Delivery promises in the show's languages (en, es, pt, id). Each entry is [pattern, key].
const DELIVERY: [RegExp, string | ((m: RegExpExecArray) => string)][] = [
  [/\bnext[\s-]?day\b/giu, 'next day'],
  [/\bsame[\s-]?day\b/giu, 'same day'],
  [/\bovernight\b/giu, 'overnight'],
  [/\b(?:arrives?|arriving|delivered|delivery|ships?|shipped|shipping|get it|have it|receive it|at your door)\s+(?:by\s+|on\s+)?(?:tomorrow|today|tonight)\b/giu, 'by tomorrow'],
  [/\b(?:free|express|priority|guaranteed)\s+(?:shipping|delivery)\b/giu, (m) => norm(m[0])],
  [/\b(\d{1,2})[\s-]?(?:day|hour|hr)\s+(?:shipping|delivery)\b/giu, (m) => `fast:${m[1]}`],
  // Hours only next to a delivery word: "sold out in 2 hours" is not a promise.
  [
    /\b(?:deliver\w*|ship\w*|arriv\w*|dispatch\w*|entrega|env[íi]o|chega|llega|sampai|dikirim|tiba)\b[^.!?\n]{0,30}?\b(?:within|in|under|em|en|dalam)\s+(\d{1,3})\s?(?:hours?|hrs?|h|horas|jam)\b/giu,
    (m) => `hours:${m[1]}`,
  ],
  [/\b(\d{1,2})\s?(?:[-–—]|to|a|sampai)\s?(\d{1,2})\s+(?:working\s+|business\s+|dias\s+úteis\s+|días\s+hábiles\s+|hari\s+kerja\s+)?(?:days?|dias?|días|hari)(?:\s+(?:úteis|hábiles|kerja))?\b/giu, (m) => `days:${m[1]}-${m[2]}`],
  [/\b(?:within|in)\s+(\d{1,2})\s+(?:working\s+|business\s+)?days?\b/giu, (m) => `days:${m[1]}`],
  [/\b(?:entrega|envío|envio|llega|chega|recibes|recebe)\s+(?:el\s+|no\s+)?(?:mañana|amanhã|hoy|hoje|inmediata|imediata|express|expressa|al día siguiente|no dia seguinte|en 24 horas|em 24 horas|no mesmo dia|el mismo día)/giu, (m) => norm(m[0])],
  [/\b(?:envío|envio)\s+gratis\b|\bfrete\s+gr[áa]tis\b/giu, (m) => norm(m[0])],
  [/\b(?:besok\s+(?:sampai|tiba|diterima)|dikirim\s+besok|hari\s+ini\s+(?:sampai|tiba)|sampai\s+hari\s+ini)\b/giu, (m) => norm(m[0])],
  [/\b(?:gratis|free)\s+ongkir\b|\bpengiriman\s+(?:kilat|instan|sameday|same day)\b/giu, (m) => norm(m[0])],
];

function norm(s: string): string {
  return s.toLowerCase().replace(/[\s-]+/g, ' ').trim();
}

/** "1.299,00" / "1,299.00" / "39,99" / "150.000" → number. A last group of 1–2 digits is decimals. */
export function parseAmount(raw: string, scale: string): number {
  const s = raw.replace(/\s/g, '');
  const last = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  let value: number;
  if (last >= 0 && s.length - last - 1 <= 2) {
    value = Number(s.slice(0, last).replace(/[.,]/g, '') + '.' + s.slice(last + 1));
  } else value = Number(s.replace(/[.,]/g, ''));
  const sc = scale.trim().toLowerCase();
  if (sc === 'k' || sc === 'rb' || sc === 'ribu' || sc === 'mil') value *= 1000;
  if (sc === 'jt' || sc === 'juta') value *= 1_000_000;
  return Math.round(value * 100) / 100;
}

export function extractClaims(text: string, knownCodes: readonly string[]): Claim[] {
  const claims: Claim[] = [];
  const push = (c: Claim) => {
    // Overlapping matches (a price matched both ways) keep the first, longest one.
    if (claims.some((x) => x.kind === c.kind && c.start < x.end && x.start < c.end)) return;
    claims.push(c);
  };
  for (const m of text.matchAll(PRICE_BEFORE)) {
    const amount = parseAmount(m[2] ?? '', m[3] ?? '');
    const currency = SYMBOLS[(m[1] ?? '').toLowerCase()] ?? null;
    push({ kind: 'price', text: m[0], start: m.index, end: m.index + m[0].length, key: `price:${amount}`, amount, currency });
  }
  for (const m of text.matchAll(PRICE_AFTER)) {
    const amount = parseAmount(m[1] ?? '', m[2] ?? '');
    const currency = SYMBOLS[(m[3] ?? '').toLowerCase()] ?? null;
    push({ kind: 'price', text: m[0], start: m.index, end: m.index + m[0].length, key: `price:${amount}`, amount, currency });
  }
  for (const m of text.matchAll(PERCENT)) {
    push({ kind: 'price', text: m[0], start: m.index, end: m.index + m[0].length, key: `percent:${m[1] ?? m[2]}` });
  }
  const codeAt = (word: string, start: number) =>
    push({ kind: 'code', text: word, start, end: start + word.length, key: `code:${word.toUpperCase()}` });
  for (const m of text.matchAll(CODE_WORD)) {
    const word = m[1] ?? '';
    if (CODE_TOKEN.test(word)) codeAt(word, m.index + m[0].length - word.length);
  }
  for (const m of text.matchAll(CODE_SHAPE)) codeAt(m[0], m.index);
  for (const code of knownCodes) {
    const re = new RegExp(String.raw`(?<![\p{L}\p{N}])${escapeRe(code)}(?![\p{L}\p{N}])`, 'giu');
    for (const m of text.matchAll(re)) codeAt(m[0], m.index);
  }
  for (const [re, key] of DELIVERY) {
    for (const m of text.matchAll(re)) {
      push({ kind: 'delivery', text: m[0], start: m.index, end: m.index + m[0].length, key: typeof key === 'string' ? `delivery:${key}` : `delivery:${key(m)}` });
    }
  }
  return claims.sort((a, b) => a.start - b.start);
}

export interface ApprovedClaims {
  keys: Set<string>;
  prices: { amount: number; currency: string | null }[];
}

export function approvedClaims(approvedTexts: readonly string[], knownCodes: readonly string[]): ApprovedClaims {
  const keys = new Set<string>();
  const prices: ApprovedClaims['prices'] = [];
  for (const t of approvedTexts) {
    for (const c of extractClaims(t, knownCodes)) {
      keys.add(c.key);
      if (c.amount !== undefined) prices.push({ amount: c.amount, currency: c.currency ?? null });
    }
  }
  return { keys, prices };
}

function sameCurrency(a: string | null, b: string | null): boolean {
  if (a === null || b === null || a === b) return true;
  return (a === '$' && DOLLAR_FAMILY.has(b)) || (b === '$' && DOLLAR_FAMILY.has(a));
}

export function findViolations(text: string, approved: ApprovedClaims | null, knownCodes: readonly string[], versionLabel: string): ClaimViolation[] {
  const out: ClaimViolation[] = [];
  for (const c of extractClaims(text, knownCodes)) {
    let ok: boolean;
    if (!approved) ok = false;
    else if (c.amount !== undefined) ok = approved.prices.some((p) => p.amount === c.amount && sameCurrency(p.currency, c.currency ?? null));
    else ok = approved.keys.has(c.key);
    if (ok) continue;
    const what = c.kind === 'price' ? 'price' : c.kind === 'code' ? 'offer code' : 'delivery promise';
    out.push({
      text: c.text,
      start: c.start,
      end: c.end,
      kind: c.kind,
      reason: approved ? `${what} "${c.text}" is not in the approved script (${versionLabel})` : `${what} "${c.text}": no approved script is loaded, so nothing is approved`,
    });
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
