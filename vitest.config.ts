import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside a React Server environment; tests are server code.
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/server-only.ts"),
    },
  },
  test: {
    environment: "node",
    pool: "forks",
    include: [
      "components/**/*.test.ts",
      "lib/**/*.test.ts",
      "db/**/*.test.ts",
      "inngest/**/*.test.ts",
      "tests/**/*.test.ts",
      "app/**/*.test.ts",
    ],
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
