/**
 * Walk the eligibility questions (./questions.ts) with the answers given so far. Pure: the popup, the
 * guide page's panel and the guidance page render whatever this returns.
 */
import { ITEMS, type ItemKind } from '@/utils/detect/items';
import { FIRST_QUESTION, QUESTIONS, type CaseId, type NotOnlineReason, type OptionDef, type QuestionDef, type QuestionId, type Visit } from './questions';

export type Answers = Partial<Record<QuestionId, string>>;

export type Outcome =
  | { kind: 'pending'; question: QuestionId }
  | { kind: 'eligible'; case: CaseId; visit: Visit; /** null: the user is not sure which insurance */ item: ItemKind | null }
  | { kind: 'not-online'; reason: NotOnlineReason };

export interface Walk {
  /** The questions on the path, in order, each with the option chosen (if any). */
  path: Array<{ question: QuestionId; option: OptionDef | null }>;
  outcome: Outcome;
}

/** Where the 办事指南 of an item lives (the announcement's links). */
export function guideUrl(item: ItemKind): string {
  const info = ITEMS.find((i) => i.kind === item)!;
  return `https://zwdt.sh.gov.cn/govPortals/bsfw/item/${info.id}`;
}

export function decide(answers: Answers): Walk {
  const path: Walk['path'] = [];
  let caseId: CaseId | undefined;
  let visit: Visit | undefined;
  let item: ItemKind | 'unsure' | undefined;
  let current: QuestionId | undefined = FIRST_QUESTION;
  while (current) {
    const id: QuestionId = current;
    const q: QuestionDef = QUESTIONS[id];
    const option: OptionDef | null = q.options.find((o) => o.value === answers[id]) ?? null;
    path.push({ question: id, option });
    if (!option) return { path, outcome: { kind: 'pending', question: id } };
    if (option.stop) return { path, outcome: { kind: 'not-online', reason: option.stop } };
    caseId = option.sets?.case ?? caseId;
    visit = option.sets?.visit ?? visit;
    item = option.sets?.item ?? item;
    current = option.next;
  }
  if (!caseId || !visit || !item) throw new Error('eligibility questions end without a case'); // a data error, caught by the unit tests
  return { path, outcome: { kind: 'eligible', case: caseId, visit, item: item === 'unsure' ? null : item } };
}

/** Answering a question drops the answers of questions that came after it (they may no longer be asked). */
export function answer(answers: Answers, question: QuestionId, value: string): Answers {
  const { path } = decide(answers);
  const keep: Answers = {};
  for (const step of path) {
    if (step.question === question) break;
    if (answers[step.question] !== undefined) keep[step.question] = answers[step.question];
  }
  return { ...keep, [question]: value };
}
