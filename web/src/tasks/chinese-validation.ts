/**
 * form-js checks each field and says the problem in English ("Field is required."), and has no
 * hook to translate those messages (bpmn-io/form-js#443). This form-js module (a didi module,
 * given to the viewer in `additionalModules`) puts each message into Chinese as it leaves the
 * viewer's validator, so every form the platform draws speaks to the clerk in Chinese.
 */

type Say = (found: RegExpExecArray) => string;

/** form-js 1.23's messages (form-js-viewer's Validator), each with its Chinese. */
const MESSAGES: ReadonlyArray<[RegExp, Say]> = [
  [/^Field is required\.$/, () => '此项必须填写'],
  [/^Field must match pattern .*\.$/s, () => '填写的格式不正确'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}`],
  [/^Field must have minimum length of (\d+)\.$/, (m) => `至少填写 ${m[1]} 个字`],
  [/^Field must have maximum length of (\d+)\.$/, (m) => `最多填写 ${m[1]} 个字`],
  [/^Field must be a valid +international phone number/, () => '请填写正确的电话号码'],
  [/^Field must be a valid email\.$/, () => '请填写正确的电子邮箱地址'],
  [/^Value is not a number\.$/, () => '请填写数字'],
  [/^Value is expected to be an integer\.$/, () => '请填写整数'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `最多保留 ${m[1]} 位小数`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/, (m) => `请填写有效的数值，最接近的是 ${m[1]} 和 ${m[2]}`],
  [/^M(in|ax) validation value is not a valid number\.$/, () => '表单的取值范围设置有误，请联系系统管理员'],
];

/**
 * A validation message in Chinese. One form-js does not know passes as it is: a form's own
 * message (its author writes it in Chinese). Pure.
 */
export function inChinese(message: string): string {
  for (const [pattern, say] of MESSAGES) {
    const found = pattern.exec(message);
    if (found) return say(found);
  }
  return message;
}

/** The part of form-js's validator this module wraps (both ways the viewer asks it). */
interface Validator {
  validateField(...args: unknown[]): string[];
  validateFieldInstance(...args: unknown[]): string[];
}

/** Wraps the viewer's validator so that its messages come out in Chinese. Not pure: changes that service. */
class ChineseValidation {
  static $inject = ['validator'];

  constructor(validator: Validator) {
    for (const method of ['validateField', 'validateFieldInstance'] as const) {
      const ask = validator[method].bind(validator);
      validator[method] = (...args: unknown[]) => ask(...args).map(inChinese);
    }
  }
}

/** For the viewer's `additionalModules`. */
export const chineseValidationModule = { __init__: ['chineseValidation'], chineseValidation: ['type', ChineseValidation] };
