/**
 * The session's token, kept in this browser so a reload or a second tab stays signed in;
 * never the password. Whether it still holds is the server's to say (its clock, not the
 * browser's): a token that ended is answered with 401 and forgotten then.
 */
const KEY = 'yichuang.session';

/** The kept token, if any. Reads localStorage. */
export function loadToken(): string | undefined {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as { token?: unknown } | null;
    return typeof saved?.token === 'string' ? saved.token : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the token for the next visit (until the person signs out or the server ends it). */
export function saveToken(token: string): void {
  localStorage.setItem(KEY, JSON.stringify({ token }));
}

export function forgetToken(): void {
  localStorage.removeItem(KEY);
}
