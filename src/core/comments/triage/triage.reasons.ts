// The reasons a prediction shows the moderator, within a fixed count: why this intent, and why this product.
// The intent's are many (rule hits, the runner-up, the model's top features, its kind, corrections), the product's
// one or two; cutting the joined list at the end used to drop the product's reason on busy comments.
/**
 * At most `max` reasons: the intent's first, cut first; then the product's (at most `max` − 2, so one intent
 * reason always stays); then the tail (the "unsure" mark), which is always kept.
 */
export function fitReasons(intent: readonly string[], product: readonly string[], tail: readonly string[], max: number): string[] {
  const productKept = product.slice(0, Math.max(0, max - tail.length - 1));
  const intentKept = intent.slice(0, Math.max(0, max - tail.length - productKept.length));
  return [...intentKept, ...productKept, ...tail];
}
