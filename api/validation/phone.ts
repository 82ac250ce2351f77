/** A phone number as the window writes it down: digits, spaces, + and -, 7 to 20 of them. */
export const PHONE_PATTERN = /^[0-9+\-\s]{7,20}$/;

/** What is wrong with a contact phone, in words for the clerk, or nothing. Pure. */
export function phoneProblem(value: string): string | undefined {
  return PHONE_PATTERN.test(value) ? undefined : '请填写有效的联系电话';
}
