// What makes two comments one work item: the same queue, intent and language, and the same topic —
// for an order the product (every order needing a reply gets "how to buy"), for a complaint what is
// broken, for a question its words (case, accents, emoji, punctuation, word order and filler aside).
import { createHash } from 'node:crypto';
import type { Intent, SubIntent } from '../../shared/contract/index';
import type { QueueName } from '../../shared/show/show.schema';

/** Words that change nothing about what is asked, in the show's four languages. */
const FILLER = new Set([
  'a', 'an', 'the', 'is', 'are', 'it', 'pls', 'plz', 'please', 'plss', 'plsss', 'hi', 'hey', 'hello', 'ty', 'thanks', 'lol', 'omg', 'so', 'ok', 'okay', 'guys',
  'o', 'os', 'as', 'amiga', 'amigas', 'gente', 'oi', 'ola', 'ai', 'kk', 'kkk', 'por', 'favor',
  'el', 'la', 'los', 'las', 'plis', 'porfa', 'porfavor', 'hola', 'chicas',
  'kak', 'ka', 'kakak', 'min', 'sis', 'dong', 'deh', 'ya', 'yah', 'gan', 'halo',
]);

/** Normalised words of a text: folded case and accents, repeated letters squeezed ("vermelhoooo"), filler dropped, sorted. */
export function topicWords(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .split(' ')
    .filter((w) => w !== '' && !FILLER.has(w));
  return [...new Set(words)].sort().join(' ');
}

export interface KeyInput {
  queue: QueueName;
  intent: Intent;
  lang: string;
  sku: string | null;
  sub?: SubIntent | null | undefined;
  text: string;
}

/** The work-item key; the cluster id is its short hash. */
export function clusterKeyOf(c: KeyInput): string {
  const lang = c.lang || 'und';
  const head = `${c.queue}|${c.intent}|${lang}`;
  if (c.intent === 'order') return `${head}|sku:${c.sku ?? '-'}`;
  if (c.intent === 'complaint' && c.sub) return `${head}|sub:${c.sub}`;
  const words = topicWords(c.text);
  // Nothing left to compare (only emoji or filler): the text itself, so unrelated comments stay apart.
  return `${head}|w:${words || c.text.slice(0, 200)}`;
}

export function clusterIdOf(key: string): string {
  return createHash('sha1').update(key).digest('hex').slice(0, 12);
}
