import { describe, expect, it } from "vitest";
import { clientAddressFrom } from "./client-address";

describe("clientAddressFrom", () => {
  it("takes the first hop of X-Forwarded-For, else X-Real-IP, else nothing", () => {
    expect(clientAddressFrom("203.0.113.7, 10.0.0.1")).toBe("203.0.113.7");
    expect(clientAddressFrom(" 2001:db8::1 ")).toBe("2001:db8::1");
    expect(clientAddressFrom(null, " 198.51.100.2 ")).toBe("198.51.100.2");
    expect(clientAddressFrom("", "")).toBeNull();
    expect(clientAddressFrom(undefined)).toBeNull();
  });

  it("keeps at most 100 characters", () => {
    expect(clientAddressFrom("x".repeat(300))).toHaveLength(100);
  });
});
