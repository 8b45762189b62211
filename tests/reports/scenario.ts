/**
 * The situation a structure report describes, rebuilt with made-up people: who files (委托人办理 or not),
 * which person values were missing (the fill said "no value"), what the address classifier said, the invoices
 * (inpatient, insurance, payer, repeated, filed before), the claimant's facts (minor, deceased). The replay page
 * and the replay run both read it. Pure.
 */
import type { ClaimContext, ClaimInvoice, PersonValues } from '../../utils/schemas';
import type { GuardFacts, ReportField, StructureReport } from '../../utils/report/schema';

/** Made-up people (valid-format ID numbers, no real persons). */
export const REPLAY_CLAIMANT: PersonValues = {
  name: '陈美华',
  idNumber: '310227194803150026',
  phone: '13800001111',
  mailingAddress: '',
  bankName: '中国工商银行',
  bankAccount: '6222021001001234567',
  postcode: '201600',
};
export const REPLAY_AGENT: PersonValues = {
  name: '周建华',
  idNumber: '31011219750601001X',
  phone: '13900002222',
  mailingAddress: '',
  bankName: '中国农业银行',
  bankAccount: '6228480000000000000',
  postcode: '201600',
};
/** A payer who is not the claimant. */
export const OTHER_PAYER = '吴国强';

/** An address the classifier judges as the report says. */
export const ADDRESS_BY_VERDICT: Record<GuardFacts['address'], string> = {
  inside: '上海市松江区泗泾镇泗通路225弄3号101室',
  outside: '上海市闵行区七宝镇七莘路100弄2号',
  unknown: '上海市泗通路225弄3号',
  empty: '',
  none: '上海市松江区泗泾镇泗通路225弄3号101室',
};

export interface ReplayRow {
  number: string;
  code: string;
  visitType: string;
  insuranceType: string;
  payerName: string;
}

export interface Scenario {
  claimant: PersonValues;
  /** null: 本人办理. */
  agent: PersonValues | null;
  /** Run 自动填写 (the report had one). */
  fill: boolean;
  overwrite: boolean;
  /** What the panel tells the page (people chosen, minor, deceased, invoices read). */
  claim: ClaimContext;
  history: string[];
  /** Rows of the page's invoice tables, by table. */
  rows: ReplayRow[][];
}

const PERSON_KEYS: Record<string, keyof PersonValues> = {
  name: 'name',
  idNumber: 'idNumber',
  phone: 'phone',
  bankName: 'bankName',
  bankAccount: 'bankAccount',
  bankAccountName: 'bankAccountName',
};

const missing = (f: ReportField) => f.fill?.outcome === 'skipped' && f.fill.reason === 'no-value';

export function replayScenario(report: StructureReport): Scenario {
  const facts = report.guard.facts;
  const address = ADDRESS_BY_VERDICT[facts.address === 'none' ? facts.pickupAddress : facts.address];
  const claimant: PersonValues = { ...REPLAY_CLAIMANT, mailingAddress: address };
  const agent: PersonValues | null = report.fill?.agent || (!report.fill && facts.mode === 'delegated') ? { ...REPLAY_AGENT, mailingAddress: address } : null;

  // the person values the fill found missing stay missing
  for (const f of report.fields.filter(missing)) {
    const [who, what] = (f.meaning ?? '').split('.') as [string, string];
    if (who === 'address') {
      if (what === 'postcode') delete claimant.postcode;
      continue; // an address the district could not be read from is the address's verdict, not a missing value
    }
    const key = PERSON_KEYS[what];
    const person = who === 'agent' ? agent : claimant;
    if (key && person) (person as Record<string, unknown>)[key] = key === 'bankAccountName' ? undefined : '';
  }
  if (facts.address === 'empty') claimant.mailingAddress = '';

  // invoices: rows on the page (by table), the rest as the panel read them
  const rows: ReplayRow[][] = report.invoiceTables.map(() => []);
  const claimInvoices: ClaimInvoice[] = [];
  const history: string[] = [];
  const numbers: string[] = [];
  const table = report.invoiceTables[0];
  const has = (meaning: string) => !!table?.columns.some((c) => c.meaning === meaning);
  facts.invoices.forEach((inv, i) => {
    const number = !inv.number ? '' : inv.repeated && numbers.length ? numbers[numbers.length - 1]! : `00${String(88_000_001 + i).padStart(8, '0')}`;
    if (number) numbers.push(number);
    if (inv.filedBefore && number) history.push(number);
    const visitType = inv.inpatient ? '住院' : '门诊';
    const insuranceType = inv.insurance === 'employee' ? '职工医保' : inv.insurance === 'resident' ? '城乡居民医保' : '';
    const payerName = inv.payer === 'same' ? claimant.name || REPLAY_CLAIMANT.name : inv.payer === 'other' ? OTHER_PAYER : '';
    const row: ReplayRow = { number, code: inv.inpatient ? '31060221' : '31060121', visitType, insuranceType, payerName };
    if (inv.onPage && rows[0]) {
      rows[0].push(row);
      // what the table has no column for, the panel read from the invoice (merged by 票据号码)
      const extra: ClaimInvoice = { number };
      if (!has('invoice.visitType') && !has('invoice.code')) extra.visitType = visitType;
      if (!has('invoice.insuranceType') && insuranceType) extra.insuranceType = insuranceType;
      if (!has('invoice.payerName') && payerName) extra.payerName = payerName;
      if (Object.keys(extra).length > 1) claimInvoices.push(extra);
    } else {
      claimInvoices.push({ number: number || null, visitType, insuranceType: insuranceType || null, payerName: payerName || null });
    }
  });

  const claim: ClaimContext = {
    claimantName: facts.claimant.name ? claimant.name || REPLAY_CLAIMANT.name : undefined,
    claimantIdNumber: facts.claimant.idNumber ? claimant.idNumber || REPLAY_CLAIMANT.idNumber : undefined,
    isMinor: facts.claimant.minor,
    deceased: facts.claimant.deceased,
    delegated: facts.mode === null ? undefined : facts.mode === 'delegated',
    claimantInsurance: report.page.item === 'resident' ? 'resident' : report.page.item === 'employee' ? 'employee' : undefined,
    invoices: claimInvoices,
  };
  return { claimant, agent, fill: report.fill !== null, overwrite: report.fill?.overwrite ?? false, claim, history, rows };
}
