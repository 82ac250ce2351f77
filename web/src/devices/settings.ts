/**
 * Where this computer's device service answers (devices/README.md). Kept in this browser, not
 * on the server: it is a fact of the window's computer, the same for whoever signs in there.
 */
const KEY = 'yichuang.devices';
export const DEFAULT_DEVICE_URL = 'http://127.0.0.1:17890';

/** Only the loopback address: the page's security policy allows nothing else, and the service must not be on the network. Pure. */
export function deviceUrlProblem(url: string): string | undefined {
  return /^http:\/\/(127\.0\.0\.1|localhost):\d{1,5}$/.test(url) ? undefined : '地址应为本机地址，例如 http://127.0.0.1:17890';
}

/** The kept address, or the protocol's default. Reads localStorage. */
export function loadDeviceUrl(): string {
  const saved = localStorage.getItem(KEY) ?? '';
  return deviceUrlProblem(saved) ? DEFAULT_DEVICE_URL : saved;
}

/** Keeps the address for this computer. Writes localStorage. */
export function saveDeviceUrl(url: string): void {
  localStorage.setItem(KEY, url);
}
