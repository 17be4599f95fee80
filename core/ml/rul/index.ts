export * from './features';
export * from './model';
export * from './train';
export * from './evaluate';
export * from './split-units';
export * from './card-spec';
export * from './ensemble';
