import { defineConfig } from 'vite';

/**
 * The staff console: built into dist/console and served by the API at /admin (no server of its
 * own). `npm run build:console` builds it; `npm run dev:console` serves it with the API on :8000
 * behind Vite's proxy.
 */
export default defineConfig({
  base: '/admin/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../../dist/console',
    emptyOutDir: true,
    // The budget is the gzipped total (docs/console.md); Vite's per-chunk warning is about raw size
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      // MUI and react-router mark modules 'use client' for React Server Components; a browser bundle has no use for it
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      // The libraries in a chunk of their own: a console release changes only the small app chunk's
      // hash, so browsers keep the (immutable, year-long cached) vendor chunk
      output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] } },
    },
  },
  server: {
    proxy: Object.fromEntries(
      [
        '/auth',
        '/gym',
        '/users',
        '/lessons',
        '/reservations',
        '/credits',
        '/price-policies',
        '/feeds',
        '/polls',
        '/cars',
        '/pallets',
        '/order-lists',
        '/release',
        '/audit',
        '/tasks',
      ].map((path) => [path, 'http://127.0.0.1:8000']),
    ),
  },
});
