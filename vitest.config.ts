import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests beside the code, and integration tests that start real servers
// (OBS under Xvfb, nginx-rtmp, InspIRCd, Vendure). Integration files run one at a time: they
// share the machine's two cores with the servers they start.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/architecture/**/*.test.ts', 'scripts/**/*.test.ts', 'build/**/*.test.ts'],
          environment: 'node',
          testTimeout: 15_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
