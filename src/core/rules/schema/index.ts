// The schema rules: one module per violation kind, all reading the template's one validation pass.
export { schemaDependencies } from './dependencies';
export { schemaEnum } from './enum';
export { schemaPattern } from './pattern';
export { schemaRange } from './range';
export { schemaRequiredProperty } from './required-property';
export { schemaType } from './type';
export { schemaUnknownProperty } from './unknown-property';
