import { describe, expect, test } from "vitest";
import { loginPath, safeNextPath } from "@/lib/auth/paths";
import { clientIp } from "@/lib/auth/request-info";

describe("safeNextPath", () => {
  test.each([
    ["/platform/tenants?status=active", "/platform/tenants?status=active"],
    ["/settings/menu#top", "/settings/menu#top"],
    ["/", "/"],
    ["https://evil.example/", "/fallback"],
    ["//evil.example/x", "/fallback"],
    ["/\\evil.example", "/fallback"],
    ["/\t/evil.example", "/fallback"],
    ["javascript:alert(1)", "/fallback"],
    ["platform", "/fallback"],
    ["/t/seaside/team", "/fallback"],
    ["/api/auth/signout", "/fallback"],
    ["/login", "/fallback"],
    ["", "/fallback"],
    [undefined, "/fallback"],
    [42, "/fallback"],
  ])("%s → %s", (next, expected) => {
    expect(safeNextPath(next, "/fallback")).toBe(expected);
  });
});

describe("loginPath", () => {
  test.each([
    ["/platform/audit", "/login?next=%2Fplatform%2Faudit"],
    ["/", "/login"],
    [null, "/login"],
    ["//evil.example", "/login"],
  ])("%s → %s", (path, expected) => {
    expect(loginPath(path)).toBe(expected);
  });
});

describe("clientIp", () => {
  test.each([
    [{ "x-forwarded-for": "203.0.113.1, 10.0.0.1" }, "203.0.113.1"],
    [{ "x-real-ip": "203.0.113.2" }, "203.0.113.2"],
    [{}, null],
  ])("%o → %s", (headers, expected) => {
    expect(clientIp(new Headers(headers))).toBe(expected);
  });
});
