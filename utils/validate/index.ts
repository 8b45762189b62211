export { type Issue, type FieldResult, messageKey } from './issue';
export { validateIdNumber, idCheckDigit, isLeapYear, ageOn, type IdNumberResult } from './id-number';
export { ID_PROVINCES, SHANGHAI_REGIONS } from './regions';
export { validatePhone, type PhoneResult, type PhoneKind } from './phone';
export { validateBankAccount, luhnValid, type BankAccountResult } from './bank-account';
export { validateName } from './name';
export { validatePostcode, type PostcodeResult } from './postcode';
export { validateAddressField, type AddressFieldResult } from './address-field';
