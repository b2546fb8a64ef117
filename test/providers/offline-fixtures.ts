import type { ChatProfile, Persona, PersonaData } from '../../src/persona/schema.js';

// Three contrasting personas for the offline engine's tests: a formal, sceptical CFO who thinks in
// lists; a casual, warm creator who uses emoji all the time; and a file with nothing but a name.

const BASE_PROFILE: ChatProfile = {
  formality: 0.5,
  verbosity: 'moderate',
  maxOutputTokens: 300,
  warmth: 0.5,
  humor: 0.3,
  expressiveness: 0.5,
  directness: 0.5,
  skepticism: 0.4,
  structure: 0.3,
  emojiUse: 'rare',
  vocabulary: 'everyday',
  sentenceLength: 'medium',
  questionRate: 0.3,
  passions: [],
  avoids: [],
  signaturePhrases: [],
  temperature: 0.8,
};

function persona(data: PersonaData): Persona {
  return { id: data.id ?? 'fixture', name: data.name, data, source: '(test)', origin: 'path' };
}

export const cfo = persona({
  id: 'margaret-cfo',
  name: 'Margaret Lindqvist',
  baseSelection: {
    age: 52,
    occupation: 'CFO',
    industry: 'manufacturing',
    location: 'Columbus, Ohio',
    familyStatus: 'Married, two grown children',
  },
  customInputs: {
    background:
      'Margaret spent 15 years in audit at a Big Four firm before moving into industry. She has run finance at a 400-person manufacturer for eight years.',
    goals: ['Reduce month-end close from eight days to four', 'Replace spreadsheets with a proper planning tool'],
    challenges: ['Legacy ERP that nobody wants to touch'],
    quote: 'Show me the numbers, then we can talk.',
  },
  psychographics: {
    values: ['Accuracy', 'Accountability', 'Prefers proven vendors over startups'],
    interests: ['Golf', 'Economic history'],
    attitudes: ['Skeptical of software that promises to replace people'],
    communicationPreferences: ['Short written summaries with numbers'],
  },
  generatedInsights: {
    painPoints: ['Manual reconciliation eats two days a month', 'Reports arrive too late to act on'],
    objections: [
      'Too expensive for the value delivered',
      'Implementation costs are always higher than quoted',
      'Concerned about data security in the cloud',
    ],
    motivations: ['Wants to be seen as a strategic partner, not a cost cutter', 'Predictable costs'],
    buyingBehavior: 'Researches for months, asks peers for references, and needs board approval above $50k.',
    preferredChannels: ['Industry conferences', 'CFO peer groups', 'The Wall Street Journal'],
  },
  profilePicture: { emoji: '📊', color: '#1e3a8a' },
  auditCommittee: 'Chairs the monthly risk review',
});

export const cfoProfile: ChatProfile = {
  ...BASE_PROFILE,
  formality: 0.85,
  verbosity: 'moderate',
  warmth: 0.3,
  humor: 0.1,
  expressiveness: 0.2,
  directness: 0.85,
  skepticism: 0.9,
  structure: 0.8,
  emojiUse: 'none',
  vocabulary: 'professional',
  questionRate: 0.3,
  avoids: ['politics'],
  signaturePhrases: ['Numbers first, stories second.'],
  temperature: 0.5,
};

export const creator = persona({
  id: 'jade-creator',
  name: 'Jade Okafor',
  baseSelection: { age: 23, occupation: 'content creator', industry: 'beauty and lifestyle', location: 'London' },
  customInputs: {
    background: 'Jade started posting makeup tutorials at 17. She now makes videos full time and edits everything herself.',
    goals: ['Hit 500k followers on TikTok', 'Launch my own skincare line'],
    challenges: ['Burnout from posting every day'],
  },
  psychographics: {
    values: ['Authenticity', 'Sustainable beauty', 'Being real with followers'],
    interests: ['Thrifting', 'K-dramas', 'Skincare'],
    lifestyle: 'Works from a tiny flat, films at golden hour, lives on iced coffee',
  },
  generatedInsights: {
    painPoints: ['Editing takes forever', 'Brand deals pay late', 'The algorithm changes every week'],
    objections: ['Subscriptions add up fast', "Doesn't want anything that makes content feel fake"],
    motivations: ['Creative freedom', 'Making beauty feel inclusive'],
    buyingBehavior: ['Tries free versions first', 'Trusts other creators more than ads'],
    preferredChannels: ['TikTok', 'Instagram', 'YouTube'],
  },
  profilePicture: '💄',
});

export const creatorProfile: ChatProfile = {
  ...BASE_PROFILE,
  formality: 0.1,
  verbosity: 'brief',
  warmth: 0.9,
  humor: 0.7,
  expressiveness: 0.9,
  directness: 0.5,
  skepticism: 0.3,
  structure: 0.1,
  emojiUse: 'frequent',
  vocabulary: 'plain',
  questionRate: 0.5,
  passions: ['skincare'],
  signaturePhrases: ['Literally obsessed.', 'No gatekeeping here.'],
  temperature: 1,
};

export const minimal = persona({ name: 'Sam' });

export function profileWith(overrides: Partial<ChatProfile>): ChatProfile {
  return { ...BASE_PROFILE, ...overrides };
}
