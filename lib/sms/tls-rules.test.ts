import { describe, expect, it } from "vitest";
import { ZSmsChannelFields } from "./schemas";
import { OFF_NO_EFFECT, type TlsState, tlsProblems, tlsStateOf, tlsWarnings } from "./tls-rules";

const state = (over: Partial<TlsState>): TlsState => ({
  mode: "off",
  version: "",
  path: "",
  filePasswordSet: false,
  certificatePasswordSet: false,
  keystoreHasKey: null,
  ...over,
});

const fieldsOf = (over: Partial<TlsState>) => tlsProblems(state(over)).map((p) => p.field);

describe("TLS rules", () => {
  it("off: nothing is required, and whatever else is set has no effect", () => {
    expect(tlsProblems(state({ path: "/x.p12", filePasswordSet: true }))).toEqual([]);
    expect(tlsWarnings(state({ path: "/x.p12" }))).toEqual([OFF_NO_EFFECT]);
    expect(tlsWarnings(state({}))).toEqual([]);
    expect(tlsWarnings(state({ mode: "", version: "1.1" }))).toEqual([OFF_NO_EFFECT]);
  });

  it("single with the default Java key store: mode and version only", () => {
    expect(tlsProblems(state({ mode: "single", version: "1.2" }))).toEqual([]);
    expect(fieldsOf({ mode: "single", filePasswordSet: true, certificatePasswordSet: true })).toEqual([
      "secrets.x-smpp-tls-certificate-file-password",
      "secrets.x-smpp-tls-certificate-password",
    ]);
  });

  it("single with a private key store: path and file password; certificate password when the store holds a key", () => {
    expect(fieldsOf({ mode: "single", path: "/x.p12" })).toEqual(["secrets.x-smpp-tls-certificate-file-password"]);
    expect(fieldsOf({ mode: "single", path: "/x.p12", filePasswordSet: true })).toEqual([]);
    expect(fieldsOf({ mode: "single", path: "/x.p12", filePasswordSet: true, keystoreHasKey: false })).toEqual([]);
    expect(fieldsOf({ mode: "single", path: "/x.p12", filePasswordSet: true, keystoreHasKey: true })).toEqual([
      "secrets.x-smpp-tls-certificate-password",
    ]);
  });

  it("mutual: path, file password and certificate password are all required", () => {
    expect(fieldsOf({ mode: "mutual" })).toEqual([
      "options.x-smpp-tls-path-to-certificate",
      "secrets.x-smpp-tls-certificate-file-password",
      "secrets.x-smpp-tls-certificate-password",
    ]);
    const complete = { mode: "mutual", path: "/x.p12", filePasswordSet: true, certificatePasswordSet: true };
    expect(fieldsOf(complete)).toEqual([]);
    expect(fieldsOf({ ...complete, keystoreHasKey: true })).toEqual([]);
    const noKey = tlsProblems(state({ ...complete, keystoreHasKey: false }));
    expect(noKey).toHaveLength(1);
    expect(noKey[0]?.message).toContain("holds no private key");
  });

  it("refuses nothing on a secret it cannot know (a form keeping a stored one)", () => {
    const unknown = { filePasswordSet: null, certificatePasswordSet: null };
    expect(fieldsOf({ mode: "single", ...unknown })).toEqual([]);
    expect(fieldsOf({ mode: "single", path: "/x.p12", keystoreHasKey: true, ...unknown })).toEqual([]);
    expect(fieldsOf({ mode: "mutual", ...unknown })).toEqual(["options.x-smpp-tls-path-to-certificate"]);
  });

  it("warns that TLS 1.1 is deprecated but accepts it", () => {
    expect(tlsWarnings(state({ mode: "single", version: "1.1" }))[0]).toContain("deprecated");
    expect(tlsProblems(state({ mode: "single", version: "1.1" }))).toEqual([]);
    expect(tlsWarnings(state({ mode: "single", version: "1.2" }))).toEqual([]);
  });

  it("takes kept secrets as stored, or as unknown when the form cannot know", () => {
    const form = {
      options: { "x-smpp-tls-mode": "mutual", "x-smpp-tls-path-to-certificate": "/x.p12" },
      secrets: {
        "x-smpp-tls-certificate-file-password": { action: "keep" as const },
        "x-smpp-tls-certificate-password": { action: "clear" as const },
      },
    };
    expect(tlsStateOf(form)).toMatchObject({ filePasswordSet: null, certificatePasswordSet: false });
    expect(tlsStateOf(form, {})).toMatchObject({ filePasswordSet: false });
    expect(tlsStateOf(form, { "x-smpp-tls-certificate-file-password": true })).toMatchObject({
      filePasswordSet: true,
    });
  });

  it("refuses mutual without passwords in the schema, with the driver's words", () => {
    const result = ZSmsChannelFields.safeParse({
      name: "opensmpp",
      options: { "x-smpp-tls-mode": "mutual" },
      secrets: {
        "x-smpp-tls-certificate-file-password": { action: "clear" },
        "x-smpp-tls-certificate-password": { action: "clear" },
      },
    });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toEqual([
      "options.x-smpp-tls-path-to-certificate: Mutual mode needs the location of the PKCS#12 file that contains the SMSC's host certificate with related certificate chains and private key of the driver's certificate.",
      "secrets.x-smpp-tls-certificate-file-password: Mutual mode needs the password to access the PKCS#12 file.",
      "secrets.x-smpp-tls-certificate-password: Mutual mode needs the password of the certificate in the PKCS#12 file.",
    ]);
  });
});
