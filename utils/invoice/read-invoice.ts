// Orchestrates reading one invoice file: sniff → PDF text → QR → OCR → parse → cross-check.
import type { InvoiceInput, InvoiceResult, ReadInvoiceDeps } from './types';

/** Reads one invoice. Never rejects: failures come back as `result.error`. */
export async function readInvoice(input: InvoiceInput, deps: ReadInvoiceDeps): Promise<InvoiceResult> {
  void input;
  void deps;
  throw new Error('not implemented yet');
}

/** Reads several files one after another (OCR is CPU-bound); a failing file does not stop the others. */
export async function readInvoices(inputs: InvoiceInput[], deps: ReadInvoiceDeps): Promise<InvoiceResult[]> {
  const out: InvoiceResult[] = [];
  for (const input of inputs) out.push(await readInvoice(input, deps));
  return out;
}
