import { RULES, SEVERITY_RANK, type Finding, type Rule } from './rules';
import type { ApplicationState } from './state';

/** Run the rule table on a state: findings, most serious first (table order within a severity). */
export function evaluate(state: ApplicationState, rules: readonly Rule[] = RULES): Finding[] {
  const out: Array<Finding & { order: number }> = [];
  rules.forEach((rule, order) => {
    if (!rule.pages.includes(state.page)) return;
    let hit;
    try {
      hit = rule.when(state);
    } catch (err) {
      console.warn(`[guard] rule ${rule.code} failed`, err); // one broken rule must not hide the others
      return;
    }
    if (!hit) return;
    out.push({
      code: rule.code,
      severity: rule.severity,
      message: { key: hit.key ?? rule.message, params: (hit.params ?? []).map(String) },
      order,
    });
  });
  out.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.order - b.order);
  return out.map(({ order: _order, ...f }) => f);
}
