/**
 * The page model: the ONE reader of the portal page (see README.md). Autofill, the guard, the panel and the
 * structure report read the page through it.
 *
 *   const model = readPageModel(document, { page });   // live: fields with elements, slots, tables …
 *   const summary = summarise(model);                   // plain data, no elements, no values
 *   const status = pageStatus(model, codes);            // what the popup shows
 */
export * from './types';
export * from './meanings';
export { readPageModel, readFields, readRowRequirements, addressParts, modeOf, type PageModel, type ReadPageOptions, type ReadFieldsOptions, type ApplyMode } from './model';
export { summarise, pageStatus, fieldId, type PageSummary, type FieldSummary, type UploadSummary, type PageStatus } from './summary';
export { collectFields, sectionOf } from './fields';
export { matchFields, analyseLabel, rolesIn, trapIn, sectionRole, THRESHOLD, type LabelAnalysis, type MatchOptions } from './meaning';
export { readUploads, slotMeaning, documentKind, documentsIn, type UploadSlot, type SlotMeaning } from './uploads';
export { readInvoiceTables, columnMeaning, rowRequirements, ROW_MEANINGS, type InvoiceTable, type InvoiceTableRow, type InvoiceColumn, type RowRequirements } from './invoices';
export { composeAddresses, addressValue, type AddressGroup, type AddressPart, type ComposedAddress } from './address';
export { readField, readValue, radioOptionText, selectedOptionText } from './value';
export { isStarred, starRule } from './starred';
export { widgetOf, type WidgetInfo } from './widgets';
export { normalizeLabel, splitRemarks, normalizeOption, chooseOption } from './text';
export type { DocumentKind, Concept, Role } from './vocabulary';
