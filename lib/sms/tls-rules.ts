// The TLS rules across a channel's options, in the words of the driver's Security and Privacy page:
// which combinations of mode, certificate path and passwords the driver can start with. Refusals are
// checked when a channel is saved; warnings are shown but do not stop a save.
import type { SmsSecretName } from "./options";
import type { TSmsPlainOptions, TSmsSecretChanges } from "./schemas";

/** What the rules need to know of a channel: plain values as set ("" not set), secrets only whether set. */
export interface TlsState {
  mode: string;
  version: string;
  path: string;
  /** Null: not known here (the browser's form keeps a stored secret it never sees); the server knows. */
  filePasswordSet: boolean | null;
  certificatePasswordSet: boolean | null;
  /** Whether the uploaded PKCS#12 file holds a private key; null: no file uploaded, so unknown. */
  keystoreHasKey: boolean | null;
}

/**
 * The TLS state a submitted form describes. `storedSet` says which secrets are stored now; without it
 * (the form in the browser) a kept secret is unknown, and the server checks again with the truth.
 */
export function tlsStateOf(
  fields: { options: Partial<TSmsPlainOptions>; secrets: Partial<TSmsSecretChanges> },
  storedSet?: Partial<Record<SmsSecretName, boolean>>,
  keystoreHasKey: boolean | null = null,
): TlsState {
  const isSet = (name: SmsSecretName) => {
    const action = fields.secrets[name]?.action ?? "keep";
    if (action !== "keep") return action === "replace";
    return storedSet ? !!storedSet[name] : null;
  };
  return {
    mode: fields.options["x-smpp-tls-mode"] ?? "",
    version: fields.options["x-smpp-tls-version"] ?? "",
    path: fields.options["x-smpp-tls-path-to-certificate"] ?? "",
    filePasswordSet: isSet("x-smpp-tls-certificate-file-password"),
    certificatePasswordSet: isSet("x-smpp-tls-certificate-password"),
    keystoreHasKey,
  };
}

export interface TlsProblem {
  /** The field the message belongs to, as the form names it. */
  field: string;
  message: string;
}

export const TLS_FIELDS = {
  mode: "options.x-smpp-tls-mode",
  version: "options.x-smpp-tls-version",
  path: "options.x-smpp-tls-path-to-certificate",
  filePassword: "secrets.x-smpp-tls-certificate-file-password",
  certificatePassword: "secrets.x-smpp-tls-certificate-password",
} as const;

export const SAME_MODE_REMINDER = "The SMSC and the driver must use the same x-smpp-tls-mode setting.";

export const OFF_NO_EFFECT =
  "TLS mode is off: the SMS driver will not use TLS to communicate with SMSC, so TLS version, path to certificate and both passwords have no effect.";

export const MUTUAL_NEEDS_KEY =
  "In mutual mode the PKCS#12 file must hold the private key of the driver's certificate besides the SMSC's host certificate and its chains.";

/** Empty or absent mode is the driver's default, off. */
const modeOf = (state: TlsState) => state.mode || "off";

export function tlsProblems(state: TlsState): TlsProblem[] {
  const mode = modeOf(state);
  const problems: TlsProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (mode === "single") {
    if (!state.path) {
      // The JRE's default trust store (<JRE_folder>\lib\security\cacerts): mode and version only.
      const message =
        "With the default Java key store (no path to certificate), leave both passwords empty: set the path to use your private key store.";
      if (state.filePasswordSet === true) add(TLS_FIELDS.filePassword, message);
      if (state.certificatePasswordSet === true) add(TLS_FIELDS.certificatePassword, message);
    } else {
      if (state.filePasswordSet === false)
        add(TLS_FIELDS.filePassword, "Your private key store needs the password to access the PKCS#12 file.");
      if (state.keystoreHasKey === true && state.certificatePasswordSet === false)
        add(
          TLS_FIELDS.certificatePassword,
          "The uploaded PKCS#12 file holds a private key: set the password of the certificate in it.",
        );
    }
  }
  if (mode === "mutual") {
    if (!state.path)
      add(
        TLS_FIELDS.path,
        "Mutual mode needs the location of the PKCS#12 file that contains the SMSC's host certificate with related certificate chains and private key of the driver's certificate.",
      );
    if (state.filePasswordSet === false)
      add(TLS_FIELDS.filePassword, "Mutual mode needs the password to access the PKCS#12 file.");
    if (state.certificatePasswordSet === false)
      add(TLS_FIELDS.certificatePassword, "Mutual mode needs the password of the certificate in the PKCS#12 file.");
    if (state.keystoreHasKey === false)
      add(TLS_FIELDS.path, `The uploaded PKCS#12 file holds no private key. ${MUTUAL_NEEDS_KEY}`);
  }
  return problems;
}

/** What deserves a word but does not stop a save. */
export function tlsWarnings(state: TlsState): string[] {
  const mode = modeOf(state);
  const warnings: string[] = [];
  if (mode === "off" && (state.version || state.path || state.filePasswordSet || state.certificatePasswordSet))
    warnings.push(OFF_NO_EFFECT);
  if (mode !== "off" && state.version === "1.1")
    warnings.push("TLS 1.1 is deprecated: the driver accepts it, but use 1.2 unless the SMSC cannot.");
  return warnings;
}
