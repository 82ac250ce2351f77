/**
 * The security settings of the case server, each from an environment variable with a default
 * fit for a county (README, "The case server"). Tests build their own with `securitySettings({...})`
 * rather than setting the environment, so each test says the limits it relies on.
 */
export interface SecuritySettings {
  /** Failed sign-ins of one account within `loginAccountWindowS` before it is locked. */
  loginAccountFailures: number;
  loginAccountWindowS: number;
  /** How long a locked account stays locked. */
  loginAccountLockS: number;
  /** Failed sign-ins from one address (IPv6: its /64) before it is locked: a whole centre often shares one. */
  loginAddressFailures: number;
  loginAddressWindowS: number;
  loginAddressLockS: number;
  /** Public tracking: looks per address (IPv6: its /64) within `trackAddressWindowS`. */
  trackAddressLooks: number;
  trackAddressWindowS: number;
  /** Public tracking: wrong codes per case number within `trackCaseWindowS` before that case answers no more looks for a while. */
  trackCaseFailures: number;
  trackCaseWindowS: number;
  /** A session ends after this long without a request. */
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in whatever happens. */
  sessionHours: number;
  /** Sessions one person may hold at once; signing in once more ends the oldest. */
  sessionsPerPerson: number;
  /** Bytes of material scans one case may hold, old versions included. */
  caseQuotaBytes: number;
}

export const DEFAULT_SECURITY: SecuritySettings = {
  loginAccountFailures: 10, loginAccountWindowS: 15 * 60, loginAccountLockS: 15 * 60,
  loginAddressFailures: 300, loginAddressWindowS: 15 * 60, loginAddressLockS: 15 * 60,
  trackAddressLooks: 30, trackAddressWindowS: 60, trackCaseFailures: 10, trackCaseWindowS: 60 * 60,
  sessionIdleMinutes: 30, sessionHours: 10, sessionsPerPerson: 5,
  caseQuotaBytes: 200 * 1024 * 1024,
};

/** Which environment variable sets which setting (README lists them). */
const ENV: Record<keyof SecuritySettings, string> = {
  loginAccountFailures: 'YC_LOGIN_ACCOUNT_FAILURES', loginAccountWindowS: 'YC_LOGIN_ACCOUNT_WINDOW_S', loginAccountLockS: 'YC_LOGIN_ACCOUNT_LOCK_S',
  loginAddressFailures: 'YC_LOGIN_ADDRESS_FAILURES', loginAddressWindowS: 'YC_LOGIN_ADDRESS_WINDOW_S', loginAddressLockS: 'YC_LOGIN_ADDRESS_LOCK_S',
  trackAddressLooks: 'YC_TRACK_ADDRESS_LOOKS', trackAddressWindowS: 'YC_TRACK_ADDRESS_WINDOW_S', trackCaseFailures: 'YC_TRACK_CASE_FAILURES', trackCaseWindowS: 'YC_TRACK_CASE_WINDOW_S',
  sessionIdleMinutes: 'YC_SESSION_IDLE_MINUTES', sessionHours: 'YC_SESSION_HOURS', sessionsPerPerson: 'YC_SESSIONS_PER_PERSON',
  caseQuotaBytes: 'YC_CASE_QUOTA_MB',
};

/** The settings from `env`, each a positive number or its default; a bad value stops the start with its name. Pure. */
export function securityFromEnv(env: Record<string, string | undefined>): SecuritySettings {
  const out = { ...DEFAULT_SECURITY };
  for (const key of Object.keys(ENV) as Array<keyof SecuritySettings>) {
    const raw = env[ENV[key]];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${ENV[key]} must be a positive number, not ${JSON.stringify(raw)}`);
    out[key] = key === 'caseQuotaBytes' ? Math.round(value * 1024 * 1024) : value;
  }
  return out;
}

/** The defaults with some settings changed (tests). Pure. */
export function securitySettings(changes: Partial<SecuritySettings> = {}): SecuritySettings {
  return { ...DEFAULT_SECURITY, ...changes };
}
