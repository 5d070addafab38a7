import { App } from 'aws-cdk-lib';
import { addServiceStack, UnknownStageError } from './service.app.js';

const app = new App();
try {
  addServiceStack(app);
} catch (error) {
  if (!(error instanceof UnknownStageError)) throw error;
  // One line that names the fix, rather than a stack trace.
  console.error(`Error: ${error.message}`);
  process.exit(1);
}
