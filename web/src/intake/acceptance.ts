/** The three outcomes of the acceptance step, as the window decides them. */
export type AcceptanceOutcome =
  | { kind: 'accept' }
  /** 一次性告知: every missing material at once, and whatever else must be corrected. */
  | { kind: 'correct'; missing: string[]; extra: string[] }
  | { kind: 'refuse'; reason: string; legalBasis: string };

/** The acceptance form's variables (api/cases/forms.ts `acceptance`) for an outcome. Pure. */
export function acceptanceVariables(outcome: AcceptanceOutcome): Record<string, unknown> {
  switch (outcome.kind) {
    case 'accept':
      return { accepted: true, missingMaterials: [] };
    case 'correct':
      return { accepted: true, missingMaterials: [...outcome.missing, ...outcome.extra.map((e) => e.trim()).filter(Boolean)] };
    case 'refuse':
      return { accepted: false, missingMaterials: [], refusalReason: outcome.reason.trim(), legalBasis: outcome.legalBasis.trim() };
  }
}

/** The notice each outcome prints. */
export const noticeKindOf: Record<AcceptanceOutcome['kind'], string> = { accept: 'acceptance', correct: 'one-time', refuse: 'refusal-to-accept' };
