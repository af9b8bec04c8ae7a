// The code-assignment service (赋码) as other modules use it.
export { issueCode, cancelCode, type IssuedCode } from './service';
export { initCodeModels } from './models';
export { codeRoutes } from './routes';
