import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Vite worker builds ignore top-level plugins, so the worker gets its own list.
export default defineConfig({
  plugins: [svelte()],
  worker: { format: 'es', plugins: () => [svelte()] },
  build: { target: 'es2022' },
  test: {
    include: ['src/**/*.test.ts', 'lessons/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
