import { describe, expect, test } from "vitest";
import { hashPassword, MAX_PASSWORD_LENGTH, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  test("hashes with argon2id and a fresh salt, and verifies", async () => {
    const a = await hashPassword("hearth-demo");
    const b = await hashPassword("hearth-demo");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "hearth-demo")).toBe(true);
    expect(await verifyPassword(b, "hearth-demo")).toBe(true);
  });

  test.each([
    ["a wrong password", "hearth-dem0"],
    ["a different case", "Hearth-demo"],
    ["an empty password", ""],
    ["an overlong password", "x".repeat(MAX_PASSWORD_LENGTH + 1)],
  ])("refuses %s", async (_label, attempt) => {
    const hash = await hashPassword("hearth-demo");
    expect(await verifyPassword(hash, attempt)).toBe(false);
  });

  test.each([
    ["no hash", null],
    ["an empty hash", ""],
    ["a malformed hash", "$argon2id$garbage"],
  ])("returns false, not an error, for %s", async (_label, hash) => {
    expect(await verifyPassword(hash, "hearth-demo")).toBe(false);
  });

  test("refuses to hash an empty or overlong password", async () => {
    await expect(hashPassword("")).rejects.toThrow();
    await expect(hashPassword("x".repeat(MAX_PASSWORD_LENGTH + 1))).rejects.toThrow();
  });
});
