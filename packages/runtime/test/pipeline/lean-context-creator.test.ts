import 'reflect-metadata';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { ExternalContextCreator, NestFactory } from '@nestjs/core';
import { InterceptorsConsumer } from '@nestjs/core/internal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leanContextCreator } from '../../src/pipeline/lean-context-creator.js';
import { LeanInterceptorsConsumer } from '../../src/pipeline/lean-interceptors.consumer.js';

@Module({})
class EmptyModule {}

let app: INestApplicationContext;
let creator: ExternalContextCreator;
beforeAll(async () => {
  app = await NestFactory.createApplicationContext(EmptyModule, {
    logger: false,
  });
  creator = app.get(ExternalContextCreator);
});
afterAll(() => app.close());

const consumerOf = (c: ExternalContextCreator) =>
  (c as unknown as { interceptorsConsumer: InterceptorsConsumer })
    .interceptorsConsumer;

describe('leanContextCreator', () => {
  it("puts the lean consumer in a creator over the application's, which stays as it was", () => {
    const lean = leanContextCreator(creator);
    // The application's field: should Nest rename it, the lean consumer would silently not run.
    expect(consumerOf(creator)).toBeInstanceOf(InterceptorsConsumer);
    expect(consumerOf(creator)).not.toBeInstanceOf(LeanInterceptorsConsumer);
    expect(consumerOf(lean)).toBeInstanceOf(LeanInterceptorsConsumer);
    expect(Object.getPrototypeOf(lean)).toBe(creator);
  });
});
