// Public surface of comment triage.
export { createTriage, DEFAULT_UNSURE_BELOW } from './triage.service';
export type {
  Intent,
  TriageLang,
  CatalogProduct,
  CatalogOffer,
  TriageCatalog,
  TriageInput,
  TriageResult,
  TriageOptions,
  TriageStats,
  Triage,
} from './triage.types';
export { INTENTS } from './triage.types';
