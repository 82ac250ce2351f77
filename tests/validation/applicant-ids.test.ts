import { describe, expect, test } from '@jest/globals';
import { applicantIdProblem } from '../../api/validation/applicant.js';
import { creditCodeProblem } from '../../api/validation/credit-code.js';
import { phoneProblem } from '../../api/validation/phone.js';

describe('the applicant checks the window\'s page and the intake route share', () => {
  test('published 统一社会信用代码 pass; a wrong check character, a letter the code never uses and a short code are each named', () => {
    // Codes printed on published business licences (GB 32100-2015 check characters 6 and P).
    expect(creditCodeProblem('914403001922038216')).toBeUndefined();
    expect(creditCodeProblem('91110000710926094P')).toBeUndefined();
    expect(creditCodeProblem('91110000710926094p')).toBeUndefined();
    expect(creditCodeProblem('914403001922038217')).toBe('校验位不符，请核对代码');
    expect(creditCodeProblem('91440300192203821I')).toContain('不含 I、O、Z、S、V');
    expect(creditCodeProblem('9144030019220382')).toBe('统一社会信用代码应为 18 位');
  });

  test('a person needs a valid ID number, an organisation a valid credit code, each named by its field', () => {
    expect(applicantIdProblem({ kind: 'person', idNumber: '11010519491231002X' })).toBeUndefined();
    expect(applicantIdProblem({ kind: 'person' })).toEqual({ field: 'idNumber', problem: '请填写身份证号码' });
    expect(applicantIdProblem({ kind: 'person', idNumber: '110105194912310021' })).toEqual({ field: 'idNumber', problem: '校验位不符，请核对号码' });
    expect(applicantIdProblem({ kind: 'company', creditCode: '914403001922038216' })).toBeUndefined();
    expect(applicantIdProblem({ kind: 'company', idNumber: '11010519491231002X' })).toEqual({ field: 'creditCode', problem: '请填写统一社会信用代码' });
  });

  test('a phone is 7 to 20 digits, spaces, + or -', () => {
    expect(phoneProblem('0577-67221234')).toBeUndefined();
    expect(phoneProblem('138')).toBe('请填写有效的联系电话');
  });
});
