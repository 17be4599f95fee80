/**
 * Validation problems of asset and other files, by code; the field path or line number is shown beside the
 * sentence, never translated.
 */
export const errors = {
  invalidJson: 'The file is not valid JSON: {{detail}}',
  unknownUnit: 'Unknown unit "{{unit}}"',
  unitMismatch: '"{{unit}}" cannot be converted to the tag\'s unit "{{tagUnit}}"',
  schemaVersion: 'Unsupported schema version: {{detail}}',
  required: 'This field is required',
  invalidType: 'Expected {{expected}}',
  type: {
    number: 'a number',
    string: 'text',
    boolean: 'true or false',
    array: 'a list',
    object: 'an object',
  },
  tooSmall: 'Too small: at least {{minimum}}',
  tooBig: 'Too big: at most {{maximum}}',
  invalidFormat: 'Wrong format',
  invalidValue: 'Not an allowed value; allowed: {{values}}',
  unrecognizedKeys: 'Unknown field(s): {{keys}}',
  unknownId: {
    tag: 'Unknown tag "{{id}}"',
    component: 'Unknown component "{{id}}"',
    control: 'Unknown control "{{id}}"',
    fault: 'Unknown fault "{{id}}"',
  },
  duplicateId: { tag: 'Duplicate tag id "{{id}}"', component: 'Duplicate component id "{{id}}"' },
  invalid: 'Invalid value: {{detail}}',
};
