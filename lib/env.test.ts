import { describe, expect, test } from "vitest";
import { inngestConfigured, parseEnv } from "./env";

describe("parseEnv", () => {
  test("an empty environment gives the embedded defaults", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      HEARTH_DATA_DIR: ".data",
      ROOT_DOMAIN: "localhost:3000",
      HEARTH_SEED_DEMO: false,
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(inngestConfigured(env)).toBe(false);
  });

  test.each([
    [{ DATABASE_URL: "mysql://x@y/z" }, "DATABASE_URL"],
    [{ ROOT_DOMAIN: "https://hearth.app" }, "ROOT_DOMAIN"],
    [{ AUTH_SECRET: "short" }, "AUTH_SECRET"],
    [{ NODE_ENV: "production", DATABASE_URL: "postgres://u@h/db" }, "AUTH_SECRET: is required in production"],
    [{ HEARTH_SEED_DEMO: "yes" }, "HEARTH_SEED_DEMO"],
    [{ HEARTH_RUNNER_BACKOFF_MS: "-1" }, "HEARTH_RUNNER_BACKOFF_MS"],
  ])("%j fails naming %s", (source, named) => {
    expect(() => parseEnv(source)).toThrow(named);
  });

  test("reports every bad variable at once", () => {
    expect(() => parseEnv({ DATABASE_URL: "nope", ROOT_DOMAIN: "a b" })).toThrow(
      /DATABASE_URL[\s\S]*ROOT_DOMAIN|ROOT_DOMAIN[\s\S]*DATABASE_URL/,
    );
  });

  test.each([
    [{ INNGEST_DEV: "1" }, true],
    [{ INNGEST_EVENT_KEY: "k" }, true],
    [{}, false],
  ])("inngestConfigured(%j) is %s", (source, expected) => {
    expect(inngestConfigured(parseEnv(source))).toBe(expected);
  });
});
