import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  accountPolicy,
  checkLoginThrottle,
  decide,
  ipPolicy,
  lockedMessage,
  recordLoginAttempt,
} from "@/lib/auth/throttle";
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/helpers/db";
import { fakeTime } from "./fixtures";

const MINUTE = 60_000;

describe("decide (pure)", () => {
  const now = new Date("2030-01-01T12:00:00Z");
  const ago = (...minutes: number[]) => minutes.map((m) => ({ at: new Date(now.getTime() - m * MINUTE) }));

  test.each([
    ["no failures", [], 0],
    ["two failures", ago(1, 2), 0],
    ["three failures", ago(1, 2, 3), 1_000],
    ["four failures", ago(1, 2, 3, 4), 2_000],
    ["five failures", ago(1, 2, 3, 4, 5), 4_000],
    ["seven failures: capped", ago(1, 2, 3, 4, 5, 6, 7), 8_000],
    ["three failures, one outside the window", ago(1, 2, 16), 0],
  ])("%s → wait %i ms", (_label, failures, delayMs) => {
    expect(decide(failures, now, accountPolicy)).toEqual({ kind: "allow", delayMs });
  });

  test("ten failures within the window lock for 15 minutes from the last one", () => {
    const failures = ago(1, 1, 1, 2, 2, 2, 3, 3, 3, 4);
    expect(decide(failures, now, accountPolicy)).toEqual({
      kind: "locked",
      retryAfterMs: 14 * MINUTE,
      scope: "account",
    });
  });

  test("ten failures spread over more than the window do not lock", () => {
    const failures = ago(1, 2, 3, 4, 5, 6, 7, 8, 9, 17);
    expect(decide(failures, now, accountPolicy).kind).toBe("allow");
  });

  test.each([
    [60_000, "Too many failed attempts. Try again in 1 minute."],
    [14 * MINUTE + 1, "Too many failed attempts. Try again in 15 minutes."],
    [1, "Too many failed attempts. Try again in 1 minute."],
  ])("message for %i ms", (ms, message) => {
    expect(lockedMessage(ms)).toBe(message);
  });
});

describe.each(testDatabaseKinds)("login throttle on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.drop());

  async function fail(email: string, ip: string, at: Date) {
    await recordLoginAttempt(database.db, { email, ip, succeeded: false }, at);
  }

  test("an account is slowed, then locked, then free again after the lock", async () => {
    const clock = fakeTime();
    const email = "Guest@Example.com";
    const delays: number[] = [];
    for (let i = 0; i < accountPolicy.lockAfter; i++) {
      // Each failure from a different IP: only the account limit is in play.
      const decision = await checkLoginThrottle(database.db, { email, ip: `198.51.100.${i}` }, clock.now());
      if (decision.kind !== "allow") throw new Error(`locked too early, at attempt ${i + 1}`);
      delays.push(decision.delayMs);
      await fail(email, `198.51.100.${i}`, clock.now());
      clock.advance(30_000);
    }
    expect(delays).toEqual([0, 0, 0, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000, 8_000]);

    // Any IP, any spelling of the email: locked.
    const locked = await checkLoginThrottle(
      database.db,
      { email: " guest@example.COM ", ip: "192.0.2.1" },
      clock.now(),
    );
    expect(locked).toMatchObject({ kind: "locked", scope: "account" });
    if (locked.kind === "locked")
      expect(lockedMessage(locked.retryAfterMs)).toBe("Too many failed attempts. Try again in 15 minutes.");

    clock.advance(14 * MINUTE);
    expect((await checkLoginThrottle(database.db, { email, ip: "192.0.2.1" }, clock.now())).kind).toBe(
      "locked",
    );
    clock.advance(1 * MINUTE);
    expect(await checkLoginThrottle(database.db, { email, ip: "192.0.2.1" }, clock.now())).toEqual({
      kind: "allow",
      delayMs: 0,
    });
  });

  test("an IP is slowed, then locked, across many accounts; other IPs are not affected", async () => {
    const clock = fakeTime(new Date("2030-02-01T09:00:00Z"));
    const ip = "203.0.113.50";
    const delays: number[] = [];
    for (let i = 0; i < ipPolicy.lockAfter; i++) {
      const decision = await checkLoginThrottle(
        database.db,
        { email: `victim${i}@example.com`, ip },
        clock.now(),
      );
      if (decision.kind !== "allow") throw new Error(`locked too early, at attempt ${i + 1}`);
      delays.push(decision.delayMs);
      await fail(`victim${i}@example.com`, ip, clock.now());
      clock.advance(10_000);
    }
    expect(delays.slice(0, 8)).toEqual([0, 0, 0, 0, 0, 1_000, 2_000, 4_000]);
    expect(
      await checkLoginThrottle(database.db, { email: "someone-new@example.com", ip }, clock.now()),
    ).toMatchObject({
      kind: "locked",
      scope: "ip",
    });
    expect(
      await checkLoginThrottle(
        database.db,
        { email: "someone-new@example.com", ip: "203.0.113.51" },
        clock.now(),
      ),
    ).toEqual({
      kind: "allow",
      delayMs: 0,
    });
    clock.advance(ipPolicy.lockMs);
    expect(
      (await checkLoginThrottle(database.db, { email: "someone-new@example.com", ip }, clock.now())).kind,
    ).toBe("allow");
  });

  test("a success clears the account's count but not the IP's", async () => {
    const clock = fakeTime(new Date("2030-03-01T09:00:00Z"));
    const ip = "203.0.113.77";
    for (let i = 0; i < 5; i++) await fail("clerk@example.com", ip, clock.now());
    clock.advance(1_000);
    expect(
      await checkLoginThrottle(database.db, { email: "clerk@example.com", ip: "192.0.2.200" }, clock.now()),
    ).toEqual({
      kind: "allow",
      delayMs: 4_000,
    });
    await recordLoginAttempt(database.db, { email: "clerk@example.com", ip, succeeded: true }, clock.now());
    clock.advance(1_000);
    expect(
      await checkLoginThrottle(database.db, { email: "clerk@example.com", ip: "192.0.2.200" }, clock.now()),
    ).toEqual({
      kind: "allow",
      delayMs: 0,
    });
    // The IP still has its five failures: slowed at its own threshold.
    expect(await checkLoginThrottle(database.db, { email: "other@example.com", ip }, clock.now())).toEqual({
      kind: "allow",
      delayMs: 1_000,
    });
  });

  test("attempts without a known IP are limited per account only", async () => {
    const clock = fakeTime(new Date("2030-04-01T09:00:00Z"));
    for (let i = 0; i < 30; i++) await fail(`n${i}@example.com`, "unknown", clock.now());
    expect(
      await checkLoginThrottle(database.db, { email: "fresh@example.com", ip: null }, clock.now()),
    ).toEqual({
      kind: "allow",
      delayMs: 0,
    });
  });
});
