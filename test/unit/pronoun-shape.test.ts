// The pronoun classes and sentence shapes bench/triage/sku-pronoun-counts.ts counts labels by. Invented lines only.
import { describe, expect, it } from 'vitest';
import { pronounClass, pronounIsLast, pronounShape } from '../../bench/triage/pronoun-shape';
import { normalizeText } from '../../src/core/comments/triage/text.normalize';

const cls = (t: string) => pronounClass(normalizeText(t));
const shape = (t: string) => pronounShape(normalizeText(t).tokens);
const last = (t: string) => pronounIsLast(normalizeText(t).tokens);

describe('pronounClass', () => {
  it('finds "it", Portuguese pronouns, Spanish clitics before a verb or on one, and "-nya"', () => {
    expect(cls('does it fold flat')).toBe('en it');
    expect(cls("it's heavy")).toBe('en it');
    expect(cls('ela vem com alça?')).toBe('pt ele/ela');
    expect(cls('lo tienen en gris?')).toBe('es clitic');
    expect(cls('quiero probarla')).toBe('es clitic');
    expect(cls('apartamelo porfa')).toBe('es clitic');
    expect(cls('tutupnya rapat?')).toBe('id -nya');
  });

  it('leaves articles, "lo que", words that end like a clitic and lexical -nya words alone', () => {
    expect(cls('la tienda cierra a las 8')).toBeNull();
    expect(cls('lo que sea')).toBeNull();
    expect(cls('sabor caramelo')).toBeNull();
    expect(cls('biasanya dateng besok')).toBeNull();
    expect(cls('hanya satu')).toBeNull();
  });
});

describe('pronounShape / pronounIsLast', () => {
  it('reads a past purchase first, then a question, an order, a reaction', () => {
    expect(shape('i ordered it last week, does it come with a case?')).toBe('past');
    expect(shape('does it fold flat')).toBe('question');
    expect(shape('lo tienen en gris?')).toBe('question');
    expect(shape('i want it')).toBe('order');
    expect(shape('i love it')).toBe('reaction');
    expect(shape('it rains here')).toBe('other');
  });

  it('tells a pronoun at the end (an object) from one that opens the sentence', () => {
    expect(last('can i get it?')).toBe(true);
    expect(last('quero ela pfv')).toBe(true);
    expect(last('does it fold flat')).toBe(false);
  });
});
