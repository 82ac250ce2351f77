/** Express's `trust proxy` setting: off, all, a number of proxies in front, or their addresses. */
export type TrustProxy = boolean | number | string;

/**
 * Reads YC_TRUST_PROXY. Off unless set, so a client cannot pick its own address (and rate
 * limit) by sending X-Forwarded-For. Set it behind a reverse proxy: a number of proxies in
 * front (`1`), or their addresses and subnets (`loopback`, `10.0.0.0/8, 192.168.1.5`);
 * `true` trusts every hop. Pure.
 */
export function trustProxyFrom(value: string | undefined): TrustProxy {
  const text = value?.trim().toLowerCase() ?? '';
  if (['', 'off', 'false', 'no', '0'].includes(text)) return false;
  if (['on', 'true', 'yes'].includes(text)) return true;
  return /^\d+$/.test(text) ? Number(text) : text;
}
