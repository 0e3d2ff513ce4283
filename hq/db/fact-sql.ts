// SQL that reads station-supplied values out of a fact's JSON without ever failing the statement:
// facts are hostile input, and rows stored before HQ checked them (or by an older HQ) can hold text
// where a number goes, numbers beyond any cast, objects where text goes. A cast inside CASE only
// runs on a JSON number, so no row can make a page's query throw; an unreadable row is left out.

/** Latest instant JavaScript's Date (and so every page) can show: 8.64e15 ms. */
export const MAX_TIME_MS = 8_640_000_000_000_000;
/** Highest count one commerce fact may carry (the station's own limit is far lower). */
export const MAX_FACT_COUNT = 1_000_000_000;
/** Highest amount one commerce fact may carry, in major units. */
export const MAX_FACT_AMOUNT = 10_000_000_000;

/** `obj->key` as numeric when it is a JSON number, else NULL (text, object, missing). */
export const jsonNum = (obj: string, key: string) => `(CASE WHEN jsonb_typeof(${obj}->'${key}') = 'number' THEN (${obj}->>'${key}')::numeric END)`;

const absentOrNull = (obj: string, key: string) => `COALESCE(jsonb_typeof(${obj}->'${key}'), 'null') = 'null'`;
const shortText = (obj: string, key: string, max: number) => `(${absentOrNull(obj, key)} OR (jsonb_typeof(${obj}->'${key}') = 'string' AND length(${obj}->>'${key}') <= ${max}))`;

/**
 * True when a commerce fact's body holds what the attribution reads, within range: a whole
 * non-negative count, a time a calendar can show, an amount that is a number (or none), a currency
 * that is three capital letters (or none). Never NULL, never an error.
 */
export function commerceReadable(body: string): string {
  const count = jsonNum(body, 'count');
  return `COALESCE((
      ${count} BETWEEN 0 AND ${MAX_FACT_COUNT} AND ${count} = trunc(${count})
      AND ${jsonNum(body, 'at')} BETWEEN 0 AND ${MAX_TIME_MS}
      AND (${absentOrNull(body, 'amount')} OR ${jsonNum(body, 'amount')} BETWEEN 0 AND ${MAX_FACT_AMOUNT})
      AND (${absentOrNull(body, 'currency')} OR (jsonb_typeof(${body}->'currency') = 'string' AND ${body}->>'currency' ~ '^[A-Z]{3}$'))
      AND (${absentOrNull(body, 'eventSeq')} OR ${jsonNum(body, 'eventSeq')} BETWEEN 0 AND ${Number.MAX_SAFE_INTEGER})
      AND jsonb_typeof(${body}->'type') = 'string' AND length(${body}->>'type') <= 32
      AND ${shortText(body, 'offerId', 200)} AND ${shortText(body, 'source', 64)}
    ), false)`;
}
