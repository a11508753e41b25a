import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

/** The API the dev server forwards to; the built client is served by the API itself. */
const apiTarget = process.env.ECOHUB_API_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    // vue-i18n: Composition API only, no devtools hooks in production bundles.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: apiTarget, ws: true },
      '/healthz': { target: apiTarget },
      '/readyz': { target: apiTarget },
      '/attachments': { target: apiTarget },
      // Report files (the page /reports itself is the web app's).
      '/reports/program-years': { target: apiTarget },
      '/reports/participations': { target: apiTarget },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      output: {
        // Excel export is rarely used: keep it out of the first load.
        manualChunks(id) {
          if (id.includes('node_modules/write-excel-file')) return 'xlsx';
          return undefined;
        },
      },
    },
  },
});
