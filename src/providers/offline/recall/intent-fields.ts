import type { TopicIntent } from '../understand/intents.js';
import type { FactField } from './persona-facts.js';

// Where in a persona file each interview topic is answered, best field first, and words that mark a
// fact from any field as being about the topic (a tool named in the background, a price in the
// buying notes). The evaluation in bench/ checks replies against the same table.

export const INTENT_FIELDS: Record<TopicIntent, readonly FactField[]> = {
  introduction: ['occupation', 'background', 'history', 'location', 'familyStatus', 'industry'],
  work: ['occupation', 'background', 'skills', 'routines', 'challenges', 'painPoints', 'industry', 'lifestyle'],
  'daily-routine': ['routines', 'lifestyle', 'occupation', 'background'],
  weekend: ['lifestyle', 'interests', 'likes', 'familyStatus', 'relationships'],
  tools: ['skills', 'background', 'routines', 'painPoints', 'buyingBehavior', 'preferredChannels', 'lifestyle'],
  frustrations: ['painPoints', 'challenges', 'dislikes'],
  price: ['buyingBehavior', 'objections', 'income', 'notes'],
  spending: ['buyingBehavior', 'income', 'lifestyle', 'motivations'],
  'money-at-home': ['income', 'familyStatus', 'buyingBehavior', 'challenges'],
  switching: ['objections', 'buyingBehavior', 'painPoints', 'background'],
  'decision-makers': ['notes', 'buyingBehavior', 'familyStatus', 'relationships'],
  'information-sources': ['preferredChannels', 'attitudes', 'buyingBehavior', 'relationships'],
  trust: ['attitudes', 'relationships', 'preferredChannels', 'values', 'objections'],
  'ai-and-data': ['attitudes', 'values', 'objections'],
  family: ['familyStatus', 'relationships', 'lifestyle', 'motivations'],
  goals: ['goals', 'motivations'],
  wishes: ['goals', 'motivations', 'interests', 'painPoints', 'dislikes'],
  worries: ['challenges', 'painPoints', 'objections', 'attitudes', 'dislikes', 'history'],
  values: ['values', 'attitudes', 'personality'],
  hobbies: ['interests', 'likes', 'lifestyle'],
  'buy-triggers': ['motivations', 'buyingBehavior', 'attitudes'],
  'walk-away-triggers': ['objections', 'dislikes', 'attitudes', 'communicationPreferences'],
  'contact-preferences': ['communicationPreferences', 'preferredChannels'],
  'loved-purchase': ['buyingBehavior', 'interests', 'lifestyle', 'likes'],
  'regretted-purchase': ['background', 'objections', 'attitudes', 'history'],
  'learning-tools': ['attitudes', 'preferredChannels', 'communicationPreferences', 'painPoints', 'skills'],
  'free-trials': ['buyingBehavior', 'objections', 'attitudes'],
  competitors: ['buyingBehavior', 'background', 'objections', 'preferredChannels'],
  'non-negotiables': ['values', 'objections', 'buyingBehavior'],
  'anything-else': ['quote', 'values', 'goals', 'attitudes', 'history'],
};

/**
 * Fields read from keys the persona format does not define (see persona-facts.ts). A file without
 * them ranks its own fields exactly as before; one with them (an imported agent) finds them first.
 */
export const EXTRA_FIELDS: ReadonlySet<FactField> = new Set([
  'routines',
  'skills',
  'likes',
  'dislikes',
  'relationships',
  'personality',
  'history',
]);

/** Words in a fact that tie it to a topic whatever field it sits in. */
export const INTENT_MARKERS: Partial<Record<TopicIntent, string>> = {
  introduction: 'grew born moved came trained studied founded started began since',
  'daily-routine':
    'morning mornings dawn evening evenings night nights daily weekday weekdays shift early wake wakes bed sleep sleeps lunch breakfast routine',
  goals: 'saving save saves plan plans planning hope hopes dream dreams open expand become someday',
  values: 'honest honesty proud pride respect fair fairness care careful',
  frustrations: 'late hate hates resent resents annoy annoys waiting crash crashes ignore ignores problem trouble slow',
  tools:
    'ledger ledgers atlas scale scales sheet reader radio battery satellite app apps software tool tools excel spreadsheet workbook phone smartphone laptop tablet computer erp system platform whatsapp sms email slack crm website online m-pesa radio ring light camera notion canva google',
  price: 'price pricing cost costs pay paid budget fee fees subscription discount cheap expensive quote per month a month year',
  spending: 'buy buys bought spend spends spent shop shops groceries purchase purchases pay pays',
  'money-at-home': 'budget savings save saves school fees rent mortgage debt loan loans bills',
  switching: 'switch switched replace replaced move moved change changed upgrade migration implementation',
  'decision-makers': 'decides decide sign signs approve approves veto together with ceo husband wife partner board committee',
  trust: 'trust trusts trusted references reference peers neighbours recommend proof proven',
  'ai-and-data': 'ai data privacy automation algorithm algorithms chatgpt machine',
  family:
    'partner sister brother parents grandfather grandmother husband wife son sons daughter daughters children child kids grandson granddaughter grandchild mother father family',
  worries: 'risk fear worry worries afraid lose losing late debt',
  'free-trials': 'trial trials demo demonstration pilot try tried free',
  competitors: 'vendor vendors competitor competitors alternative alternatives brand brands exporters brokers other',
  'regretted-purchase': 'abandoned regret wasted lost failed burned mistake',
  'loved-purchase': 'love loves bought paid off favourite favorite',
  'learning-tools': 'learns learn learning video videos tutorial training demonstration',
  'contact-preferences': 'email call calls message messages whatsapp linkedin sms meeting meetings phone',
};
