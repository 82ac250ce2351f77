/** The processes' purposes and a draft's origin in words. Pure. */
export const purposeNames: Record<string, string> = {
  direct: '即办件', promised: '承诺件', joint: '联办件', coordinate: '协调件', 'report-up': '上报件',
  'one-time-notice': '一次性告知', 'rejection-filing': '否定报备', 'time-limit-watch': '时限监察',
};

export const draftOrigin = (origin: 'administrator' | 'shipped'): string => (origin === 'shipped' ? '新版本待审核' : '草稿');
