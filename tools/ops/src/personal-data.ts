/**
 * Showing personal data is an action like any other: it needs an operator with the `unmask` right and
 * a reason, and it is recorded on ops.actions.v1 (who looked at what, and why) before anything is shown.
 */
import { requireOperator, requireReason, requireRight } from './authorisation';
import type { CommonOptions } from './cli';
import type { OpsContext } from './context';
import { recordAction } from './operator-actions';
import type { Coordinates } from './positions';

export async function authoriseUnmask(
  common: CommonOptions,
  context: OpsContext,
  what: { command: string; exchangeId?: string; targets?: readonly Coordinates[] },
): Promise<boolean> {
  if (!common.unmask) return false;
  const doing = `--unmask (${what.command})`;
  const operator = requireOperator(context.operator, doing);
  const reason = requireReason(common.reason, doing);
  requireRight(context.operators, operator, 'unmask', doing);
  await recordAction(context, {
    action: 'OTHER',
    type: 'uk.ecris.ops.personal-data-viewed.v1',
    actor: operator,
    reason,
    exchangeId: what.exchangeId ?? null,
    targets: what.targets,
    details: { command: what.command, unmasked: 'true' },
    ticketReference: common.ticket ?? null,
  });
  return true;
}
