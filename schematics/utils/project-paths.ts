/** The stack of a generated service, relative to its root: every function is added to it. */
export const STACK_FILE = 'infra/service.stack.ts';
