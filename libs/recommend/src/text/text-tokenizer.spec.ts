import { tokenize } from './text-tokenizer';

const words = (text: string) =>
  tokenize(text)
    .filter((term) => term.kind === 'w')
    .map((term) => term.value);
const bigrams = (text: string) =>
  tokenize(text)
    .filter((term) => term.kind === 'b')
    .map((term) => term.value);

describe('tokenize', () => {
  it('lower-cases Latin text and splits it on anything but letters and digits', () => {
    expect(words('Morning RUN, 5km by the Han-river!')).toEqual(['morning', 'run', '5km', 'by', 'the', 'han', 'river']);
  });

  it('keeps accented and other-script letters inside words, and normalises full-width forms', () => {
    expect(words('Café déjà-vu ＡＢＣ１２')).toEqual(['café', 'déjà', 'vu', 'abc12']);
  });

  it('adds character bigrams for Hangul runs, so a noun matches with its particles attached', () => {
    expect(words('수영을 했다')).toEqual(['수영을', '했다']);
    expect(bigrams('수영을 했다')).toEqual(['수영', '영을', '했다']);
    const shared = bigrams('수영장에서').filter((bigram) => bigrams('수영을').includes(bigram));
    expect(shared).toEqual(['수영']);
  });

  it('separates Hangul from digits and Latin letters in one word', () => {
    expect(words('3대500 도전')).toEqual(['3', '대', '500', '도전']);
    expect(bigrams('3대500')).toEqual([]);
    expect(words('PT수업')).toEqual(['pt', '수업']);
  });

  it('gives nothing for text without letters or digits', () => {
    expect(tokenize(' -- !! ')).toEqual([]);
    expect(tokenize('')).toEqual([]);
  });
});
