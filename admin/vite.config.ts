import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API in development; API_URL points elsewhere (another port, a shared test server).
const API = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  server: {
    proxy: { '/api': API, '/sim': API },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd is one vendor chunk (~300 kB gzipped) that browsers cache across releases.
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      // common/ is plain declarations; letting unused modules drop keeps its zod contracts
      // (needed by the API, not by this client) out of the bundle.
      treeshake: {
        moduleSideEffects: (id) => (/[\\/]common[\\/]src[\\/]/.test(id) ? false : undefined),
      },
      output: {
        // antd and React change far less often than our pages: separate chunks stay cached.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/, priority: 20 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|dayjs|@babel[\\/]runtime)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
