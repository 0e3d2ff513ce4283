// One build for three targets: the Electron main process (which also carries the headless
// station entry, so `node out/main/headless.js` runs it without Electron), the sandboxed preload
// (CommonJS: sandboxed preloads cannot be ES modules) and the React renderer.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          headless: resolve(__dirname, 'src/station/headless.cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Minified: the desk's first paint waits on this file (2.3 MB plain, under 1 MB minified).
      minify: true,
      rolldownOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
