import type { TopicIntent } from '../understand/intents.js';
import type { FactField } from './persona-facts.js';

// Where in a persona file each interview topic is answered, best field first, and words that mark a
// fact from any field as being about the topic (a tool named in the background, a price in the
// buying notes). The evaluation in bench/ checks replies against the same table.

export const INTENT_FIELDS: Record<TopicIntent, readonly FactField[]> = {
  introduction: ['occupation', 'background', 'location', 'familyStatus', 'industry'],
  work: ['occupation', 'background', 'challenges', 'painPoints', 'industry', 'lifestyle'],
  'daily-routine': ['lifestyle', 'occupation'],
  weekend: ['lifestyle', 'interests', 'familyStatus'],
  tools: ['background', 'painPoints', 'buyingBehavior', 'preferredChannels', 'lifestyle'],
  frustrations: ['painPoints', 'challenges'],
  price: ['buyingBehavior', 'objections', 'income', 'notes'],
  spending: ['buyingBehavior', 'income', 'lifestyle', 'motivations'],
  'money-at-home': ['income', 'familyStatus', 'buyingBehavior', 'challenges'],
  switching: ['objections', 'buyingBehavior', 'painPoints', 'background'],
  'decision-makers': ['notes', 'buyingBehavior', 'familyStatus'],
  'information-sources': ['preferredChannels', 'attitudes', 'buyingBehavior'],
  trust: ['attitudes', 'preferredChannels', 'values', 'objections'],
  'ai-and-data': ['attitudes', 'values', 'objections'],
  family: ['familyStatus', 'lifestyle', 'motivations'],
  goals: ['goals', 'motivations'],
  wishes: ['goals', 'motivations', 'interests', 'painPoints'],
  worries: ['challenges', 'painPoints', 'objections', 'attitudes'],
  values: ['values', 'attitudes'],
  hobbies: ['interests', 'lifestyle'],
  'buy-triggers': ['motivations', 'buyingBehavior', 'attitudes'],
  'walk-away-triggers': ['objections', 'attitudes', 'communicationPreferences'],
  'contact-preferences': ['communicationPreferences', 'preferredChannels'],
  'loved-purchase': ['buyingBehavior', 'interests', 'lifestyle'],
  'regretted-purchase': ['background', 'objections', 'attitudes'],
  'learning-tools': ['attitudes', 'preferredChannels', 'communicationPreferences', 'painPoints'],
  'free-trials': ['buyingBehavior', 'objections', 'attitudes'],
  competitors: ['buyingBehavior', 'background', 'objections', 'preferredChannels'],
  'non-negotiables': ['values', 'objections', 'buyingBehavior'],
  'anything-else': ['quote', 'values', 'goals', 'attitudes'],
};

/** Words in a fact that tie it to a topic whatever field it sits in. */
export const INTENT_MARKERS: Partial<Record<TopicIntent, string>> = {
  tools:
    'app apps software tool tools excel spreadsheet workbook phone smartphone laptop tablet computer erp system platform whatsapp sms email slack crm website online m-pesa radio ring light camera notion canva google',
  price: 'price pricing cost costs pay paid budget fee fees subscription discount cheap expensive quote per month a month year',
  spending: 'buy buys bought spend spends spent shop shops groceries purchase purchases pay pays',
  'money-at-home': 'budget savings save saves school fees rent mortgage debt loan loans bills',
  switching: 'switch switched replace replaced move moved change changed upgrade migration implementation',
  'decision-makers': 'decides decide sign signs approve approves veto together with ceo husband wife partner board committee',
  trust: 'trust trusts trusted references reference peers neighbours recommend proof proven',
  'ai-and-data': 'ai data privacy automation algorithm algorithms chatgpt machine',
  family: 'husband wife son sons daughter daughters children child kids grandson granddaughter grandchild mother father family',
  worries: 'risk fear worry worries afraid lose losing late debt',
  'free-trials': 'trial trials demo demonstration pilot try tried free',
  competitors: 'vendor vendors competitor competitors alternative alternatives brand brands exporters brokers other',
  'regretted-purchase': 'abandoned regret wasted lost failed burned mistake',
  'loved-purchase': 'love loves bought paid off favourite favorite',
  'learning-tools': 'learns learn learning video videos tutorial training demonstration',
  'contact-preferences': 'email call calls message messages whatsapp linkedin sms meeting meetings phone',
};
