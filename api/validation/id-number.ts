/**
 * 居民身份证号码 (GB 11643-1999): 17 digits, then a check character from ISO 7064 MOD 11-2.
 * Says what is wrong, so a clerk can correct a typo at the window. Pure.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idNumberProblem(value: string): string | undefined {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码应为 18 位，前 17 位为数字，末位为数字或 X';
  const birth = id.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replace(/-/g, '') !== birth) return `出生日期 ${birth} 无效`;
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(id[i]), 0);
  if (CHECK[sum % 11] !== id[17]) return '校验位不符，请核对号码';
  return undefined;
}
