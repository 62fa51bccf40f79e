/** Letters and digits of any script; everything else separates words. */
const NON_WORD = /[^\p{L}\p{N}]+/u;
/** Hangul runs and the runs of anything else inside one word ("3대" is "3" and "대"). */
const SCRIPT_RUNS = /\p{Script=Hangul}+|[^\p{Script=Hangul}]+/gu;
const HANGUL = /^\p{Script=Hangul}/u;

/** One feature of a text: a whole word (`w`) or a Hangul character bigram (`b`). */
export interface Term {
  kind: 'w' | 'b';
  value: string;
}

/**
 * Splits text into terms for the bag of words: NFKC-normalised, lower-cased, cut on anything that
 * is not a letter or a digit (Unicode classes, so Hangul, Latin and others alike). Korean glues
 * particles and endings to its nouns ("수영을", "수영장에서"), so besides each Hangul run as a word,
 * its character bigrams are terms too: "수영을" and "수영장" share "수영".
 */
export function tokenize(text: string): Term[] {
  const terms: Term[] = [];
  for (const word of text.normalize('NFKC').toLowerCase().split(NON_WORD)) {
    if (word === '') continue;
    for (const run of word.match(SCRIPT_RUNS) ?? []) {
      terms.push({ kind: 'w', value: run });
      if (HANGUL.test(run)) {
        const chars = Array.from(run);
        for (let i = 0; i + 1 < chars.length; i++) terms.push({ kind: 'b', value: chars[i] + chars[i + 1] });
      }
    }
  }
  return terms;
}
