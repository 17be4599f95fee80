export * from './model-io';
export * from './model-card';
