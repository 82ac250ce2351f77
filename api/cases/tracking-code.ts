import { randomText } from '../auth/accounts.js';

/**
 * A case's tracking code (查询码): with the case number, the key an applicant tracks it by on the
 * public page, printed on the receipt, the notices and in the QR code. Eight characters drawn at
 * random from 31 that cannot be mistaken for each other when read off paper (no 0/O, 1/I/L):
 * 31^8 ≈ 8.5·10^11 codes, against four phone digits' 10^4 that anyone near the applicant may know.
 */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const TRACKING_CODE_LENGTH = 8;

/** A new tracking code. Not pure: random. */
export function newTrackingCode(): string {
  return randomText(TRACKING_ALPHABET, TRACKING_CODE_LENGTH);
}

/** A code as typed (lower case, spaces or a dash between its halves) in the form it is stored. Pure. */
export function normalTrackingCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}
