export * from './result';
export * from './ids';
export * from './password';
