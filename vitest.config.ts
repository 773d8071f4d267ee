import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        // Hooks start emulators, stand-in servers and cores: a busy 2-core machine can stretch that past the 10 s default.
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          // A render and its waits take well under a second; a busy 2-core CI can stretch that several times.
          testTimeout: 20_000,
          setupFiles: ['tests/renderer/setup.ts'],
        },
      },
    ],
  },
});
