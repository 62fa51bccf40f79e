import { Injectable, Logger } from '@nestjs/common';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppConfig } from '@app/core';
import { FeedTextReader } from '@app/feed';
import { temporaryPathBeside } from '../index-file/index-file.writer';
import { applyIdfAndNormalize, TfIdfModel } from '../text/hashed-tf-idf.vectorizer';
import { writeIndexFiles } from './index-files.writer';
import { ScratchMatrixFile } from './scratch-matrix.file';

/** Items read (and rows written back) per batch. */
const BATCH = 1000;

export interface IndexBuildSummary {
  path: string;
  items: number;
  dimension: number;
  bytes: number;
  /** The HNSW file beside the index, null when the corpus is small enough to be searched exactly. */
  annPath: string | null;
  annBytes: number;
  /** ISO instant written into the file's header. */
  builtAt: string;
  durationMs: number;
}

/**
 * Rebuilds the recommendation index: every feed item's text becomes a hashed TF-IDF vector,
 * L2-normalised, written to one binary file that the API swaps to. The CLI command and the
 * worker's scheduled job both call `rebuild()`.
 *
 * One pass over the table in keyset batches: each item's raw term frequencies go to a scratch
 * file while the document frequencies add up; then the rows are read back in chunks, weighted by
 * the IDF, normalised and written (see `writeIndexFiles`): into an HNSW graph when the corpus is
 * large enough, then to the index file (atomically). Without the graph memory holds one batch and
 * the ids, never the corpus; the graph is built in memory (the vectors at the chosen quantization
 * plus about 200 bytes of links per item).
 */
@Injectable()
export class FeedIndexBuilder {
  private readonly logger = new Logger('FeedIndexBuilder');

  constructor(
    private readonly texts: FeedTextReader,
    private readonly config: AppConfig,
  ) {}

  async rebuild(): Promise<IndexBuildSummary> {
    const started = performance.now();
    const { indexPath: path, dimension, exactBelow, annQuantization } = this.config.recommend;
    await mkdir(dirname(path), { recursive: true });
    const scratch = await ScratchMatrixFile.create(temporaryPathBeside(path, 'rows'));
    try {
      const model = new TfIdfModel(dimension);
      const ids: number[] = [];
      for await (const batch of this.texts.batches(BATCH)) {
        const rows = new Float32Array(batch.length * dimension);
        batch.forEach((item, i) => {
          model.addDocument(item.text, rows.subarray(i * dimension, (i + 1) * dimension));
          ids.push(item.id);
        });
        await scratch.append(rows);
      }
      const idf = model.inverseDocumentFrequencies();
      const builtAt = Date.now();
      const { layout, annPath, annBytes } = await writeIndexFiles(path, {
        dimension,
        builtAt,
        ids: Uint32Array.from(ids),
        rows: () => scratch.chunks(BATCH * dimension, (chunk) => applyIdfAndNormalize(chunk, idf)),
        exactBelow,
        quantization: annQuantization,
      });
      const summary = {
        path,
        items: layout.count,
        dimension,
        bytes: layout.byteLength,
        annPath,
        annBytes,
        builtAt: new Date(builtAt).toISOString(),
        durationMs: Math.round(performance.now() - started),
      };
      this.logger.log(
        `Index rebuilt: ${summary.items} items × ${dimension} dims, ${summary.bytes} bytes` +
          (annPath ? ` + HNSW ${annBytes} bytes (${annQuantization})` : ' (searched exactly, no HNSW)') +
          ` in ${summary.durationMs} ms → ${path}`,
      );
      return summary;
    } finally {
      await scratch.dispose();
    }
  }
}
