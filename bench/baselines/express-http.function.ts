import { configure } from '@codegenie/serverless-express';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import express from 'express';
import { HttpSingletonModule } from '../scenario/http-singleton.module.js';

// What most teams run today: the whole Nest HTTP app on express, fed API Gateway events by
// serverless-express. Same controller, same pipeline as the kit's HTTP singleton function.
const server = express();
const app = await NestFactory.create(
  HttpSingletonModule,
  new ExpressAdapter(server),
);
await app.init();

export const handler = configure({ app: server });
