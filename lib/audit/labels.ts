// How audit actions read to people; the stored action names stay stable for filters and the API.
const ACTION_LABELS: Record<string, string> = {
  sign_in: "Sign-in",
  sign_out: "Sign-out",
  lockout: "Lockout",
  create: "Create",
  modify: "Modify",
  delete: "Delete",
  view: "View",
  use: "Use",
  manage_rights: "Manage rights",
  change_password: "Password change",
  reset_password: "Password reset",
  second_factor_enrol: "Second factor set-up",
  second_factor_disable: "Second factor turned off",
  reset_second_factor: "Second factor reset",
  recovery_codes_replace: "New recovery codes",
  recovery_code_use: "Recovery code used",
  inbound: "Inbound delivery",
  identity: "Identity check",
  test_connection: "Connection test",
  reseal: "Secrets sealed again",
  revoke: "Revoke",
  restore: "Restore",
  export: "Export",
  export_secrets: "Export with secrets",
  import: "Import",
  mark_restarted: "Driver marked restarted",
  upload_keystore: "PKCS#12 file uploaded",
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action.replaceAll("_", " ");
}
