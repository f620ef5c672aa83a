/** The live summary's text: one block per interval, the same block once more at the end. */
import type { ExchangeCounts } from './exchange-counts';

function elapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

const line = (label: string, parts: string[]) => `  ${label.padEnd(15)} ${parts.join(' · ')}`;

export function formatSummary(counts: ExchangeCounts, elapsedMs: number, heading = 'exchanges'): string {
  const { court, notificationsOut: out, notificationsIn: inn, requestsIn: reqIn, requestsOut: reqOut, deadLettered } = counts;
  const dead = Object.entries(deadLettered.byCode)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, count]) => `${code} ${count}`);
  return [
    `[${elapsed(elapsedMs)}] ${heading}`,
    line('court feed', [`${court.recorded} recorded`, `${court.amended} amended`, `${court.removed} removed`, `${counts.ukConvictionsOnRegister} on the register`]),
    line('NOTs out', [
      `${out.sent} sent`,
      `${out.acknowledged} acknowledged`,
      `${out.rejected} rejected (FEM)`,
      `${out.additionalInfoAsked} asked for more (RAI), ${out.additionalInfoGiven} answered (RAR)`,
    ]),
    line('NOTs in', [
      `${inn.received} received`,
      `${inn.acknowledged} acknowledged (NRS)`,
      `${inn.rejected} rejected (FEM)`,
      `${inn.onRegister} on the register, ${inn.changedOnRegister} changes`,
    ]),
    line('requests in', [
      `${reqIn.received} received`,
      `${reqIn.deadlinesGiven} deadlines (RDL)`,
      `${reqIn.answered} answered (RRS)`,
      `${reqIn.additionalInfoAsked} RAI`,
      `${reqIn.rejected} rejected (FEM)`,
    ]),
    line('requests out', [
      `${reqOut.agencyRequests} from agencies`,
      `${reqOut.sent} REQs sent`,
      `${reqOut.deadlinesReceived} RDL`,
      `${reqOut.answersReceived} answers (RRS)`,
      `${reqOut.agencyAnswers} answers to agencies`,
      `${reqOut.refused} refused`,
    ]),
    line('dead-lettered', [`${deadLettered.total}`, ...dead]),
  ].join('\n');
}
