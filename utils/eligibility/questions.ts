/**
 * 「能不能在网上报销？」 as data: a few plain questions leading to the three reimbursable cases of the
 * Songjiang announcement (PROCEDURE.md) and to 职保 vs 居保. Each option either asks the next question,
 * sets a fact, or ends with an honest 「这种情况不能在网上报销」 and what to do instead.
 * Texts are i18n keys (locales/guidance.json); the logic is `decide()` in ./decide.ts.
 */
import type { ItemKind } from '@/utils/detect/items';

export type QuestionId = 'songjiang' | 'where' | 'visitAway' | 'visitTransferred' | 'shanghaiReason' | 'insurance';

/** The three cases of the announcement (the second has two reasons). */
export type CaseId = 'away-emergency' | 'shanghai-ambulance' | 'shanghai-card-lost' | 'transferred';

export type Visit = 'outpatient' | 'emergency' | 'observation' | 'inpatient' | 'ambulance';

/** Why a situation cannot be filed online; each has its advice key. */
export type NotOnlineReason = 'outside-songjiang' | 'away-not-emergency' | 'shanghai-ordinary';

export interface OptionDef {
  value: string;
  /** i18n key of the option text */
  label: string;
  /** i18n key of a plain explanation under the option */
  hint?: string;
  next?: QuestionId;
  /** Facts this answer establishes. */
  sets?: { case?: CaseId; visit?: Visit; item?: ItemKind | 'unsure' };
  /** Ends the check: cannot be filed online. */
  stop?: NotOnlineReason;
}

export interface QuestionDef {
  id: QuestionId;
  /** i18n key of the question */
  text: string;
  hint?: string;
  options: OptionDef[];
}

export const FIRST_QUESTION: QuestionId = 'songjiang';

export const QUESTIONS: Record<QuestionId, QuestionDef> = {
  songjiang: {
    id: 'songjiang',
    text: 'eligQSongjiang',
    hint: 'eligQSongjiangHint',
    options: [
      { value: 'yes', label: 'eligAYes', next: 'where' },
      { value: 'no', label: 'eligANo', stop: 'outside-songjiang' },
    ],
  },
  where: {
    id: 'where',
    text: 'eligQWhere',
    options: [
      { value: 'away', label: 'eligAWhereAway', hint: 'eligAWhereAwayHint', next: 'visitAway' },
      { value: 'transferred', label: 'eligAWhereTransferred', hint: 'eligAWhereTransferredHint', next: 'visitTransferred' },
      { value: 'shanghai', label: 'eligAWhereShanghai', next: 'shanghaiReason' },
    ],
  },
  visitAway: {
    id: 'visitAway',
    text: 'eligQVisit',
    options: [
      { value: 'emergency', label: 'eligAVisitEmergency', next: 'insurance', sets: { case: 'away-emergency', visit: 'emergency' } },
      { value: 'outpatient', label: 'eligAVisitOutpatient', stop: 'away-not-emergency' },
      { value: 'inpatient', label: 'eligAVisitInpatient', stop: 'away-not-emergency' },
    ],
  },
  visitTransferred: {
    id: 'visitTransferred',
    text: 'eligQVisit',
    options: [
      { value: 'outpatient', label: 'eligAVisitOutpatient', next: 'insurance', sets: { case: 'transferred', visit: 'outpatient' } },
      { value: 'emergency', label: 'eligAVisitEmergency', next: 'insurance', sets: { case: 'transferred', visit: 'emergency' } },
      { value: 'observation', label: 'eligAVisitObservation', next: 'insurance', sets: { case: 'transferred', visit: 'observation' } },
      { value: 'inpatient', label: 'eligAVisitInpatient', next: 'insurance', sets: { case: 'transferred', visit: 'inpatient' } },
    ],
  },
  shanghaiReason: {
    id: 'shanghaiReason',
    text: 'eligQShanghaiReason',
    options: [
      { value: 'ambulance', label: 'eligAReasonAmbulance', next: 'insurance', sets: { case: 'shanghai-ambulance', visit: 'ambulance' } },
      { value: 'card-lost', label: 'eligAReasonCardLost', hint: 'eligAReasonCardLostHint', next: 'insurance', sets: { case: 'shanghai-card-lost', visit: 'outpatient' } },
      { value: 'other', label: 'eligAReasonOther', stop: 'shanghai-ordinary' },
    ],
  },
  insurance: {
    id: 'insurance',
    text: 'eligQInsurance',
    hint: 'eligQInsuranceHint',
    options: [
      { value: 'employee', label: 'eligAInsEmployee', hint: 'eligAInsEmployeeHint', sets: { item: 'employee' } },
      { value: 'resident', label: 'eligAInsResident', hint: 'eligAInsResidentHint', sets: { item: 'resident' } },
      { value: 'unsure', label: 'eligAInsUnsure', sets: { item: 'unsure' } },
    ],
  },
};

/** i18n keys naming each case and each reason for 「不能在网上报销」 with its advice. */
export const CASE_TEXT: Record<CaseId, string> = {
  'away-emergency': 'eligCaseAwayEmergency',
  'shanghai-ambulance': 'eligCaseShanghaiAmbulance',
  'shanghai-card-lost': 'eligCaseShanghaiCardLost',
  transferred: 'eligCaseTransferred',
};

export const NOT_ONLINE_TEXT: Record<NotOnlineReason, { why: string; instead: string }> = {
  'outside-songjiang': { why: 'eligNoOutsideSongjiang', instead: 'eligInsteadOutsideSongjiang' },
  'away-not-emergency': { why: 'eligNoAwayNotEmergency', instead: 'eligInsteadAwayNotEmergency' },
  'shanghai-ordinary': { why: 'eligNoShanghaiOrdinary', instead: 'eligInsteadShanghaiOrdinary' },
};
