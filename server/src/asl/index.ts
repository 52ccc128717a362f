/**
 * The ASL model's public surface. Depends on: jsonc-parser only.
 */
export * from './stateMachine';
export * from './syntaxTree';
export * from './lineIndex';
export * from './parseJson';
export * from './parseStateMachine';
export * from './statePath';
export * from './locations';
export * from './jsonPath';
export * from './intrinsics';
export * from './jsonata';
