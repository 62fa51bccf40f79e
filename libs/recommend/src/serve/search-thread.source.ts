import { findNearest, rowOf, serveSearch } from './similarity-search';

/**
 * The whole program of a search thread, as JavaScript text for `new Worker(source, { eval: true })`:
 * the search functions as the running process compiled them (from `dist/` in production, from
 * ts-jest or ts-node in development), then a loop answering the pool's messages. Nothing is read
 * from disk or compiled at run time, so the API never loads a TypeScript compiler and the built
 * output needs no extra file beside it.
 */
export const SEARCH_THREAD_SOURCE = [
  ...[rowOf, findNearest, serveSearch].map(String),
  "const { parentPort } = require('node:worker_threads');",
  "parentPort.on('message', (request) => parentPort.postMessage(serveSearch(request)));",
].join('\n');
