import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { makeUser } from "../testing/factories";
import { resealTotpSecrets } from "./reseal-totp";
import { openTotpSecret, sealTotpSecret } from "./second-factor-check";

const saved = { ...process.env };
afterEach(() => {
  process.env.SWITCHBOARD_SECRET_KEY = saved.SWITCHBOARD_SECRET_KEY;
  process.env.SWITCHBOARD_SECRET_KEY_PREVIOUS = saved.SWITCHBOARD_SECRET_KEY_PREVIOUS;
});

describe("resealTotpSecrets", () => {
  it("moves confirmed and pending TOTP secrets sealed with a previous key to the current one", async () => {
    const oldKey = randomBytes(32).toString("base64");
    process.env.SWITCHBOARD_SECRET_KEY = oldKey;
    const user = await makeUser();
    await db().user.update({
      where: { id: user.id },
      data: {
        totpSecretSealed: sealTotpSecret(user.id, "JBSWY3DPEHPK3PXP"),
        totpPendingSealed: sealTotpSecret(user.id, "KRSXG5CTMVRXEZLU"),
      },
    });

    process.env.SWITCHBOARD_SECRET_KEY = randomBytes(32).toString("base64");
    process.env.SWITCHBOARD_SECRET_KEY_PREVIOUS = oldKey;
    expect((await resealTotpSecrets()).resealed).toBe(2);
    expect((await resealTotpSecrets()).resealed).toBe(0);

    process.env.SWITCHBOARD_SECRET_KEY_PREVIOUS = "";
    const row = await db().user.findUniqueOrThrow({
      where: { id: user.id },
      omit: { totpSecretSealed: false, totpPendingSealed: false },
    });
    expect(openTotpSecret(user.id, row.totpSecretSealed ?? "")).toBe("JBSWY3DPEHPK3PXP");
    expect(openTotpSecret(user.id, row.totpPendingSealed ?? "")).toBe("KRSXG5CTMVRXEZLU");
  });
});
