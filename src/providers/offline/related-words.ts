import { stem } from './text.js';

// A question rarely uses the persona file's own words: "How do you track expenses?" is answered by
// "month-end close takes nine days" and "a 40-tab Excel workbook". Words in one group count as
// related to each other, at a discount to an exact match (retrieval.ts). Groups are small and
// concrete on purpose: a broad group ("business") would make every fact look related.

const GROUPS: readonly string[] = [
  'expense expenses spend spending spent cost costs budget budgets books bookkeeping accounting accounts ledger close closing reconciliation reconciliations invoice invoices receipts forecast cash finance financial numbers spreadsheet workbook excel quickbooks',
  'software tool tools app apps system systems platform platforms erp epicor excel spreadsheet spreadsheets workbook program programs computer laptop phone online digital record records charting portal crm saas',
  'approve approval approves approved approver sign signs signed signoff decide decides decision decisions veto ceo controller director board boss manager committee procurement legal tender stakeholder owner principal head',
  'sell sells selling sold sale sales buyer buyers customer customers market markets cooperative co-op broker brokers deliver delivers export trader traders price prices',
  'bank banks banking loan loans lender lenders credit card cards collateral covenant m-pesa mpesa transfer transfers pix',
  'charting chart charts record records notes documentation observations',
  'team teams staff colleagues employees analyst analysts controller hires hiring',
  'month months monthly month-end quarter quarterly',
  'milk dairy cows cow litres milking feed',
  'hospital unit ward shift shifts nurse nursing patients icu',
  'sleep sleeping tired rest nights',
  'customers clients shoppers guests students parents patients',
  'school class classes students teacher teaching lesson lessons homework',
  'price pricing subscription subscriptions plan plans billing pay pays paying',
  'data privacy security export hosted',
];

/** Stem -> the other stems it is related to. */
const RELATED: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  for (const group of GROUPS) {
    const stems = [...new Set(group.split(' ').map(stem))];
    for (const s of stems) {
      const set = map.get(s) ?? new Set<string>();
      for (const other of stems) if (other !== s) set.add(other);
      map.set(s, set);
    }
  }
  return map;
})();

export function relatedStems(stemmed: string): ReadonlySet<string> {
  return RELATED.get(stemmed) ?? new Set();
}

/**
 * Words that shape a question but say nothing about its subject: "How do you ... today?",
 * "What would make you ...?". Left out so they cannot match a fact by accident.
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(
  (
    'today daily currently current now nowadays usually usual normally generally typically typical normal ever each ' +
    'use uses using used handle handles deal feel think see say make makes need needs else would most really ' +
    'biggest big main best worst kind sort right moment these days look looks actually exactly immediately ' +
    'tell know help like love hate ask want wants people person someone something anything everything part week ' +
    // "Explain how you decide", "describe your day": the request, not its subject.
    'explain describe share elaborate expand walk through ' +
    // "What frustrates you about your work?" is about the persona's own job, which every fact is about.
    'work job role career'
  )
    .split(' ')
    .map(stem),
);
