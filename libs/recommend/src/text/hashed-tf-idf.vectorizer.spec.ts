import { applyIdfAndNormalize, fnv1a, hashedTermFrequencies, TfIdfModel } from './hashed-tf-idf.vectorizer';

const DIM = 256;

function vectors(texts: string[], dimension = DIM): Float32Array[] {
  const model = new TfIdfModel(dimension);
  const rows = new Float32Array(texts.length * dimension);
  texts.forEach((text, i) => model.addDocument(text, rows.subarray(i * dimension, (i + 1) * dimension)));
  applyIdfAndNormalize(rows, model.inverseDocumentFrequencies());
  return texts.map((_, i) => rows.subarray(i * dimension, (i + 1) * dimension));
}

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, i) => sum + value * b[i], 0);
const norm = (a: Float32Array) => Math.sqrt(dot(a, a));

describe('hashed TF-IDF', () => {
  it('hashes with FNV-1a (known vectors)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('puts every term in a bucket below the dimension, counting repeats sub-linearly', () => {
    const once = hashedTermFrequencies('run', 64);
    const thrice = hashedTermFrequencies('run run run', 64);
    expect([...once.keys()]).toEqual([...thrice.keys()]);
    const [bucket] = [...once.keys()];
    expect(bucket).toBeGreaterThanOrEqual(0);
    expect(bucket).toBeLessThan(64);
    expect(Math.abs(thrice.get(bucket) ?? 0)).toBeCloseTo(1 + Math.log(3), 6);
  });

  it('is deterministic and L2-normalises every non-empty vector', () => {
    const [a, b, empty] = vectors(['Morning run by the river', 'Morning run by the river', '!!!']);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(norm(a)).toBeCloseTo(1, 5);
    expect(norm(empty)).toBe(0);
  });

  it('makes texts that share rare words closer than texts sharing nothing', () => {
    const [run1, run2, swim] = vectors(['Morning run by the Han river', 'Evening run along the river', 'Sunday swimmers club']);
    expect(dot(run1, run2)).toBeGreaterThan(0.2);
    expect(dot(run1, swim)).toBeLessThan(dot(run1, run2) / 2);
  });

  it('weighs a word found everywhere less than a rare one', () => {
    const model = new TfIdfModel(DIM);
    const row = new Float32Array(DIM);
    for (const text of ['gym run', 'gym swim', 'gym yoga']) model.addDocument(text, row);
    const idf = model.inverseDocumentFrequencies();
    const bucketOf = (word: string) => [...hashedTermFrequencies(word, DIM).keys()][0];
    expect(model.documentCount).toBe(3);
    expect(idf[bucketOf('gym')]).toBeCloseTo(1, 6);
    expect(idf[bucketOf('run')]).toBeCloseTo(Math.log(4 / 2) + 1, 6);
  });

  it('matches Korean posts through shared bigrams', () => {
    const [a, b, c] = vectors(['수영장에서 수영을 했다', '오늘도 수영 1km 완주', '풋살 5 vs 5 경기']);
    expect(dot(a, b)).toBeGreaterThan(0);
    expect(dot(a, b)).toBeGreaterThan(dot(a, c));
  });
});
