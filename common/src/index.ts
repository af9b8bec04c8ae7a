export { z } from './zod';
export * from './validators';
export * from './masking';
export * from './money';
export * from './time';
export * from './calendar';
export * from './roles';
export * from './errors';
export * from './contracts';
