import type { KeyPath } from './paths.js';

// Where TinyTroupe's persona fields live in ours. A route pairs a TinyTroupe path (inside
// `persona`) with a persona path; an import records the routes it took, so an export puts every
// value back where it came from. Keys TinyTroupe has and we do not keep their own name and reach
// the prompt as facts (extras), structure and all.

export interface Route {
  tt: KeyPath;
  ours: KeyPath;
}

/** TinyTroupe's Big Five texts ("High. Very imaginative.") -> a 0-1 value for the chat profile. */
export function levelOf(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  const table: Array<[RegExp, number]> = [
    [/^very high\b|^extremely high\b/, 0.9],
    [/^very low\b|^extremely low\b/, 0.1],
    [/^(high|strong)\b/, 0.75],
    [/^(low|weak)\b/, 0.25],
    [/^(medium|moderate|average|mid|balanced)\b/, 0.5],
  ];
  return table.find(([re]) => re.test(t))?.[1];
}

/** 0-1 -> the TinyTroupe way of writing a Big Five level. */
export function levelText(value: number): string {
  const v = value > 1 ? value / 100 : value;
  const word = v >= 0.85 ? 'Very high' : v >= 0.62 ? 'High' : v > 0.38 ? 'Medium' : v > 0.15 ? 'Low' : 'Very low';
  return `${word} (${Math.round(v * 100) / 100}).`;
}

/** Our fields -> TinyTroupe's, for personas that did not come from TinyTroupe. */
export const DEFAULT_ROUTES: Route[] = [
  { ours: ['name'], tt: ['name'] },
  { ours: ['baseSelection', 'age'], tt: ['age'] },
  { ours: ['baseSelection', 'gender'], tt: ['gender'] },
  { ours: ['baseSelection', 'location'], tt: ['residence'] },
  { ours: ['baseSelection', 'education'], tt: ['education'] },
  { ours: ['baseSelection', 'occupation'], tt: ['occupation', 'title'] },
  { ours: ['baseSelection', 'industry'], tt: ['occupation', 'industry'] },
  { ours: ['baseSelection', 'income'], tt: ['income'] },
  { ours: ['baseSelection', 'familyStatus'], tt: ['family_status'] },
  { ours: ['customInputs', 'background'], tt: ['background'] },
  { ours: ['customInputs', 'goals'], tt: ['long_term_goals'] },
  { ours: ['customInputs', 'challenges'], tt: ['challenges'] },
  { ours: ['customInputs', 'quote'], tt: ['quote'] },
  { ours: ['customInputs', 'notes'], tt: ['notes'] },
  { ours: ['psychographics', 'values'], tt: ['values'] },
  { ours: ['psychographics', 'interests'], tt: ['preferences', 'interests'] },
  { ours: ['psychographics', 'lifestyle'], tt: ['lifestyle'] },
  { ours: ['psychographics', 'attitudes'], tt: ['beliefs'] },
  { ours: ['psychographics', 'communicationPreferences'], tt: ['communication_preferences'] },
  { ours: ['generatedInsights', 'painPoints'], tt: ['pain_points'] },
  { ours: ['generatedInsights', 'motivations'], tt: ['motivations'] },
  { ours: ['generatedInsights', 'objections'], tt: ['objections'] },
  { ours: ['generatedInsights', 'buyingBehavior'], tt: ['buying_behavior'] },
  { ours: ['generatedInsights', 'preferredChannels'], tt: ['preferred_channels'] },
];
