/** Unit vectors from a xorshift generator, `rowsPerChunk` rows at a time. */
export function* syntheticRows(count: number, dimension: number, rowsPerChunk = 8192): Generator<Float32Array> {
  let state = 0x9e3779b9;
  for (let first = 0; first < count; first += rowsPerChunk) {
    const rows = Math.min(rowsPerChunk, count - first);
    const chunk = new Float32Array(rows * dimension);
    for (let row = 0; row < rows; row++) {
      let norm = 0;
      for (let i = 0; i < dimension; i++) {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        const value = (state >>> 0) / 0x100000000 - 0.5;
        chunk[row * dimension + i] = value;
        norm += value * value;
      }
      const scale = 1 / Math.sqrt(norm);
      for (let i = 0; i < dimension; i++) chunk[row * dimension + i] *= scale;
    }
    yield chunk;
  }
}

/**
 * Unit vectors with topics, like a feed: each row is one of `clusters` random centres plus as much
 * random noise again (two rows of a topic have a cosine of about 0.5, of different topics about
 * 0), normalised. The topic of a row is drawn at random, so ids are not grouped by topic.
 * Deterministic, `rowsPerChunk` rows at a time.
 */
export function* clusteredRows(count: number, dimension: number, clusters: number, rowsPerChunk = 8192): Generator<Float32Array> {
  let state = 0x2545f491;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
  const centres = Float32Array.from({ length: clusters * dimension }, () => next() - 0.5);
  for (let first = 0; first < count; first += rowsPerChunk) {
    const rows = Math.min(rowsPerChunk, count - first);
    const chunk = new Float32Array(rows * dimension);
    for (let row = 0; row < rows; row++) {
      const centre = Math.floor(next() * clusters) * dimension;
      let norm = 0;
      for (let i = 0; i < dimension; i++) {
        const value = centres[centre + i] + next() - 0.5;
        chunk[row * dimension + i] = value;
        norm += value * value;
      }
      const scale = 1 / Math.sqrt(norm);
      for (let i = 0; i < dimension; i++) chunk[row * dimension + i] *= scale;
    }
    yield chunk;
  }
}
