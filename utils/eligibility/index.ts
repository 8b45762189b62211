export * from './questions';
export * from './decide';
