import { creditCodeProblem } from './credit-code.js';
import { idNumberProblem } from './id-number.js';

/** The applicant fields both the window's page and the intake route check. */
export interface ApplicantIds {
  kind: 'person' | 'company';
  idNumber?: string;
  creditCode?: string;
}

/**
 * The first problem of an applicant's identity number, with the field it is in: a person's
 * 居民身份证号码, an organisation's 统一社会信用代码. The one check the page runs as the clerk
 * types and the server runs on intake. Pure.
 */
export function applicantIdProblem(applicant: ApplicantIds): { field: 'idNumber' | 'creditCode'; problem: string } | undefined {
  if (applicant.kind === 'person') {
    const problem = applicant.idNumber ? idNumberProblem(applicant.idNumber) : '请填写身份证号码';
    return problem ? { field: 'idNumber', problem } : undefined;
  }
  const problem = applicant.creditCode ? creditCodeProblem(applicant.creditCode) : '请填写统一社会信用代码';
  return problem ? { field: 'creditCode', problem } : undefined;
}
