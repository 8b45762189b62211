export * from './build';
export * from './materials';
export * from './situation';
