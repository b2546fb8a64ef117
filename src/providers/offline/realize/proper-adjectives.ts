// Words that keep their capital in the middle of a sentence although the tagger reads them as
// adjectives or common nouns: nationalities, languages, regions and religions. A list item such as
// "American history books" or "Korean dramas" starts with one; lowering it ("I love american
// history books") would be a spelling mistake the person would never make.

const WORDS = `
afghan african albanian algerian american andalusian anglican arab arabic argentine argentinian armenian asian
australian austrian bangladeshi basque bavarian belgian bengali bolivian bosnian brazilian breton british
buddhist bulgarian burmese californian cambodian cameroonian canadian cantonese caribbean carnatic castilian catalan
catholic celtic chilean chinese christian colombian congolese cornish croatian cuban cypriot czech danish
dominican dutch ecuadorian egyptian english eritrean estonian ethiopian european filipino finnish flemish
french gaelic georgian german ghanaian greek guatemalan haitian hawaiian hebrew hindi hindu hindustani hispanic honduran
hungarian icelandic indian indonesian iranian iraqi irish islamic israeli italian ivorian jamaican japanese
javanese jewish jordanian kazakh kenyan korean kurdish kuwaiti lao latin latvian lebanese libyan lithuanian
lutheran macedonian malagasy malay malaysian maltese mandarin maori mediterranean mexican moldovan mongolian
moroccan mormon muslim namibian neapolitan nepali nigerian nordic norwegian pakistani palestinian
panamanian paraguayan persian peruvian polish portuguese protestant punjabi quebecois romanian russian
rwandan samoan saudi scandinavian scottish senegalese serbian sicilian sikh singaporean slovak slovenian
somali spanish sudanese swahili swedish swiss syrian taiwanese tamil tanzanian texan thai tibetan tunisian
turkish ugandan ukrainian uruguayan uzbek venezuelan victorian vietnamese welsh yiddish yoruba zambian
zimbabwean zulu afrikaans amharic cree farsi hausa igbo kikuyu luo navajo quechua tagalog twi urdu xhosa
`;

/**
 * "Kikuyu-language radio", "Tigrinya-speaking neighbours": a capitalised word before -language or
 * -speaking names a language, whether or not the list knows it. (Not "-based" or "-made": "Plant-based
 * cooking" and "Home-made bread" are no names.)
 */
const NAMED_COMPOUND = /^[A-Z][\p{L}']+[-‐–](?:language|speaking)\b/u;

const PROPER = new Set(WORDS.split(/\s+/).filter(Boolean));

/** True for "American", "Korean", "Spanish-language": a word written with its capital anywhere. */
export function isProperAdjective(word: string): boolean {
  if (NAMED_COMPOUND.test(word)) return true;
  const head = word.split(/[-‐–]/)[0]!;
  return /^[A-Z]/.test(head) && PROPER.has(head.toLowerCase().replace(/[^a-z]/g, ''));
}
