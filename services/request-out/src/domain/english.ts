/**
 * The translation service answers with each conviction rendered in English (EnglishConviction: every
 * free text keeps its originals and gains an English representation). The agency gets the ECRIS shape
 * it was promised, so the English texts are put back into the conviction as received.
 */
import type { Conviction, EnglishConviction, TextRepresentation } from '@ecris/contracts';

export class TranslationMismatchError extends Error {
  constructor(readonly path: string) {
    super(`the translation does not match the answer at ${path}`);
    this.name = 'TranslationMismatchError';
  }
}

function sameIds(path: string, ours: readonly string[], theirs: readonly string[]): void {
  if (ours.length !== theirs.length || ours.some((id, index) => id !== theirs[index])) throw new TranslationMismatchError(path);
}

/** English texts where the rendering has them; where it has none (an empty array), the original stays. */
const texts = (original: TextRepresentation[], rendered: TextRepresentation[]): TextRepresentation[] =>
  rendered.length > 0 ? rendered : original;

export function withEnglish(original: Conviction, english: EnglishConviction, path: string): Conviction {
  if (original.convictionId !== english.convictionId) throw new TranslationMismatchError(`${path}.convictionId`);
  sameIds(`${path}.decisions`, original.decisions.map((d) => d.decisionId), english.decisions.map((d) => d.decisionId));
  sameIds(`${path}.offences`, original.offences.map((o) => o.offenceId), english.offences.map((o) => o.offenceId));
  sameIds(`${path}.sanctions`, original.sanctions.map((s) => s.sanctionId), english.sanctions.map((s) => s.sanctionId));
  return {
    ...original,
    decidingAuthority: { ...original.decidingAuthority, name: texts(original.decidingAuthority.name, english.decidingAuthority.name) },
    remarks: texts(original.remarks, english.remarks),
    decisions: original.decisions.map((decision, i) => {
      const rendered = english.decisions[i]!;
      return {
        ...decision,
        decidingAuthority:
          decision.decidingAuthority && rendered.decidingAuthority
            ? { ...decision.decidingAuthority, name: texts(decision.decidingAuthority.name, rendered.decidingAuthority.name) }
            : decision.decidingAuthority,
        remarks: texts(decision.remarks, rendered.remarks),
      };
    }),
    // applicableLegalProvisions is a plain string in ECRIS: it stays as received.
    offences: original.offences.map((offence, i) => {
      const rendered = english.offences[i]!;
      return { ...offence, nationalTitle: texts(offence.nationalTitle, rendered.nationalTitle), remarks: texts(offence.remarks, rendered.remarks) };
    }),
    sanctions: original.sanctions.map((sanction, i) => {
      const rendered = english.sanctions[i]!;
      return {
        ...sanction,
        nationalTitle: texts(sanction.nationalTitle, rendered.nationalTitle),
        remarks: texts(sanction.remarks, rendered.remarks),
        suspension: rendered.suspension ?? sanction.suspension,
        interruptions: rendered.interruptions.length === sanction.interruptions.length ? rendered.interruptions : sanction.interruptions,
      };
    }),
  };
}

export function convictionsWithEnglish(originals: readonly Conviction[], english: readonly EnglishConviction[]): Conviction[] {
  if (originals.length !== english.length) throw new TranslationMismatchError('convictions');
  return originals.map((conviction, i) => withEnglish(conviction, english[i]!, `convictions[${i}]`));
}
