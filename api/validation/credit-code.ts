/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from the code's alphabet (digits and capital
 * letters without I, O, Z, S, V), the 6-digit division code in places 3–8, and a check
 * character from the weighted sum of the first 17 (mod 31). Says what is wrong, so a clerk can
 * correct a typo at the window. Pure.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function creditCodeProblem(value: string): string | undefined {
  const code = value.trim().toUpperCase();
  if (code.length !== 18) return '统一社会信用代码应为 18 位';
  if (!SHAPE.test(code)) return '统一社会信用代码只含数字和大写字母（不含 I、O、Z、S、V），第 3 至 8 位为行政区划代码';
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * ALPHABET.indexOf(code[i]!), 0);
  if (ALPHABET[(31 - (sum % 31)) % 31] !== code[17]) return '校验位不符，请核对代码';
  return undefined;
}
