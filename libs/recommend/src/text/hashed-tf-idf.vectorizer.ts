import { tokenize } from './text-tokenizer';

/** 32-bit FNV-1a over the UTF-16 code units of a string. */
export function fnv1a(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The hashed term frequencies of one text: bucket → signed weight. A term lands in bucket
 * `hash % dimension` with a sign taken from another bit of the hash (the "hashing trick"), so two
 * terms colliding in a bucket cancel out on average instead of always adding up. Repeated terms
 * count sub-linearly (1 + ln n).
 */
export function hashedTermFrequencies(text: string, dimension: number): Map<number, number> {
  const counts = new Map<string, number>();
  for (const term of tokenize(text)) {
    const key = `${term.kind}:${term.value}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const buckets = new Map<number, number>();
  for (const [key, count] of counts) {
    const hash = fnv1a(key);
    const bucket = hash % dimension;
    const sign = hash & 0x80000000 ? -1 : 1;
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + sign * (1 + Math.log(count)));
  }
  return buckets;
}

/**
 * Collects document frequencies per bucket while the corpus streams by, then turns raw term
 * frequency rows into TF-IDF rows, L2-normalised (so a dot product is the cosine similarity).
 */
export class TfIdfModel {
  private readonly documentFrequency: Float64Array;
  private documents = 0;

  constructor(readonly dimension: number) {
    this.documentFrequency = new Float64Array(dimension);
  }

  /** Fills `row` (zeroed here) with the text's hashed term frequencies and counts the document. */
  addDocument(text: string, row: Float32Array): void {
    row.fill(0);
    for (const [bucket, weight] of hashedTermFrequencies(text, this.dimension)) {
      row[bucket] = weight;
      if (weight !== 0) this.documentFrequency[bucket] += 1;
    }
    this.documents += 1;
  }

  get documentCount(): number {
    return this.documents;
  }

  /** Smoothed inverse document frequency per bucket: ln((1 + N) / (1 + df)) + 1. */
  inverseDocumentFrequencies(): Float32Array {
    const idf = new Float32Array(this.dimension);
    for (let i = 0; i < this.dimension; i++) idf[i] = Math.log((1 + this.documents) / (1 + this.documentFrequency[i])) + 1;
    return idf;
  }
}

/** Weighs each row of `rows` (consecutive vectors of `idf.length`) by the idf and L2-normalises it, in place. */
export function applyIdfAndNormalize(rows: Float32Array, idf: Float32Array): void {
  const dimension = idf.length;
  for (let start = 0; start < rows.length; start += dimension) {
    let norm = 0;
    for (let i = 0; i < dimension; i++) {
      const value = rows[start + i] * idf[i];
      rows[start + i] = value;
      norm += value * value;
    }
    if (norm === 0) continue; // an item without words stays a zero vector: similar to nothing
    const scale = 1 / Math.sqrt(norm);
    for (let i = 0; i < dimension; i++) rows[start + i] *= scale;
  }
}
