/**
 * The documentation catalog's public surface, used by hover and completion: every lookup returns a
 * `DocEntry` ({ summary, markdown }) or undefined. Pure; depends on asl/, schema/ and its own modules.
 */
export { type DocEntry, type FieldContext } from './docEntry';
export { fieldDoc, fieldTableOf, contextName, contextsOfField, FIELD_CONTEXTS } from './fieldDocs';
export { stateTypeDoc } from './stateTypeDocs';
export { choiceOperatorDoc, CHOICE_OPERATORS } from './choiceOperatorDocs';
export { errorNameDoc, STATES_ERROR_TEXTS, INTEGRATION_ERROR_TEXTS } from './errorNameDocs';
export { contextPathDoc, statesVariableDoc, CONTEXT_PATHS } from './contextPathDocs';
export { intrinsicFunctionDoc, intrinsicSignatureLabel, jsonataFunctionDoc } from './functionDocs';
