export {
  classifyAddress,
  districtOfAddress,
  isInsideSongjiang,
  findPlaces,
  normalizeAddress,
  ADDRESS_MESSAGE_KEYS,
  type AddressVerdict,
  type AddressCode,
  type AddressEvidence,
  type Verdict,
} from './classify';
export { SHANGHAI_DISTRICTS, SHANGHAI_STREETS } from './gazetteer.generated';
export { SONGJIANG } from './tables';
