export * from './common';
export * from './auth';
export * from './audit';
export * from './files';
