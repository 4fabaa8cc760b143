import { PhonebenchError } from '../../../shared/api/result';
import type { PlanChoice } from '../../../shared/cisco/planner/plan-types';
import { msg } from '../../../shared/i18n/message';

/** The plan waits for the technician to choose a load for one stop: a refusal that carries the choice. */
export class PlanChoiceError extends PhonebenchError {
  constructor(readonly choice: PlanChoice) {
    super('plan-refused', choice.reason, msg('planner.fix.chooseLoad'));
  }
}
