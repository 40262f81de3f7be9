// The PKCS#12 check on real files made by openssl here: right passwords, wrong file password, wrong key
// password (a file whose store and key passwords differ), no key, expired and expiring certificates.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureName, makePkcs12Fixtures } from "../testing/pkcs12-fixtures";
import { checkPkcs12 } from "./pkcs12-check";

let fixtures: ReturnType<typeof makePkcs12Fixtures>;
beforeAll(() => {
  fixtures = makePkcs12Fixtures();
});
afterAll(() => fixtures?.cleanup());

const check = (name: FixtureName, filePassword: string | null, certificatePassword: string | null, mode = "mutual") =>
  checkPkcs12({ file: fixtures.files[name], filePassword, certificatePassword, mode });

describe("the PKCS#12 check", () => {
  it("opens a good file and describes its certificate", () => {
    const report = check("good", "store-pass", "store-pass");
    expect(report).toMatchObject({ opened: true, hasPrivateKey: true });
    expect(report.findings).toEqual([
      {
        level: "ok",
        message: "The file opens with the file password and its private key with the certificate password.",
      },
    ]);
    expect(report.certificates).toHaveLength(1);
    expect(report.certificates[0]).toMatchObject({
      subject: "CN=driver.example.test, O=Switchboard Test",
      issuer: "CN=driver.example.test, O=Switchboard Test",
      status: "valid",
    });
  });

  it("says the keystore password was incorrect for a wrong file password", () => {
    const report = check("good", "wrong-pass", "store-pass");
    expect(report.opened).toBe(false);
    expect(report.findings[0]?.message).toMatch(/^keystore password was incorrect/);
    expect(report.findings[0]?.troubleshooting).toBe("keystore-password");
  });

  it("says Get Key failed for a wrong certificate password", () => {
    const report = check("good", "store-pass", "other-pass");
    expect(report.findings.map((f) => f.message)).toContain(
      "Get Key failed: Given final block not properly padded. The certificate password does not decrypt the private key in this file.",
    );
    expect(report.findings[0]?.troubleshooting).toBe("key-password");
  });

  it("opens a file whose file and key passwords differ, and checks each", () => {
    const right = check("twopass", "store-pass", "key-pass");
    expect(right).toMatchObject({ opened: true, hasPrivateKey: true });
    expect(right.findings[0]?.level).toBe("ok");
    expect(check("twopass", "key-pass", "key-pass").findings[0]?.troubleshooting).toBe("keystore-password");
    const wrongKey = check("twopass", "store-pass", "store-pass");
    expect(wrongKey.opened).toBe(true);
    expect(wrongKey.findings[0]?.message).toMatch(/^Get Key failed/);
    expect(check("twopass", "store-pass", null).findings[0]?.message).toBe(
      "The private key has its own password: set the certificate password to open it.",
    );
  });

  it("refuses a store without a private key in mutual mode, and accepts it in single mode", () => {
    const mutual = check("nokey", "store-pass", null, "mutual");
    expect(mutual.hasPrivateKey).toBe(false);
    expect(mutual.findings[0]).toMatchObject({ level: "error", troubleshooting: "smsc-closes-socket" });
    expect(mutual.findings[0]?.message).toMatch(/^This file holds no private key/);
    expect(check("nokey", "store-pass", null, "single").findings[0]?.level).toBe("ok");
  });

  it("reports expired certificates and those that expire within 30 days", () => {
    const expired = check("expired", "store-pass", "store-pass");
    expect(expired.certificates[0]?.status).toBe("expired");
    expect(expired.findings).toEqual([
      { level: "error", message: "The certificate CN=old.example.test expired on 2021-01-01." },
    ]);
    const soon = check("soon", "store-pass", "store-pass");
    expect(soon.certificates[0]?.status).toBe("expires-soon");
    expect(soon.findings[1]?.message).toMatch(
      /^The certificate CN=soon\.example\.test, O=Switchboard Test expires on .*, within 30 days\.$/,
    );
  });

  it("says a file that is not PKCS#12 is not one", () => {
    const report = checkPkcs12({
      file: Buffer.from("not a key store"),
      filePassword: "x",
      certificatePassword: null,
      mode: "single",
    });
    expect(report).toMatchObject({ opened: false, hasPrivateKey: null });
    expect(report.findings[0]?.message).toMatch(/not a PKCS#12 file/);
  });
});
