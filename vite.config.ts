import { defineConfig } from 'vite';

// The browser app. No React plugin: esbuild compiles JSX with the automatic runtime.
// The server serves dist/web/assets/* and answers every other non-API path with
// dist/web/index.html, so Vite's default asset layout must be kept.
export default defineConfig({
  root: 'src/web',
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    rollupOptions: {
      onwarn(warning, warn) {
        // react-router marks its entry "use client" for React Server Components, which a browser bundle ignores.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  esbuild: { jsx: 'automatic' },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
