/**
 * What every rule module gets: the model, the settings, and `report(code, node, args, data)`, which turns
 * a catalog code and a syntax node (or offset range) into an LSP Diagnostic with source "asl".
 * Depends on: asl/, service/types, ./messages only.
 */
import type { StateMachineModel, SyntaxNode } from '../../asl';
import {
  type AslServiceSettings,
  type Diagnostic,
  DiagnosticSeverity,
  type DiagnosticTag,
  Range,
} from '../types';
import { messageFor, severityOf, type DiagnosticCode, type Severity } from './messages';

export const DIAGNOSTIC_SOURCE = 'asl';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export type ReportTarget = SyntaxNode | { offset: number; length: number };

export interface ReportOptions {
  data?: unknown;
  severity?: Severity;
  tags?: DiagnosticTag[];
}

export class ValidationContext {
  readonly diagnostics: Diagnostic[] = [];
  /** The text span each diagnostic was reported on (same index), for incremental validation. */
  readonly spans: { offset: number; length: number }[] = [];

  constructor(
    readonly model: StateMachineModel,
    readonly settings: AslServiceSettings,
  ) {}

  rangeOf(offset: number, length: number): Range {
    const start = this.model.lines.positionAt(offset);
    const end = this.model.lines.positionAt(offset + length);
    return Range.create(start.line, start.character, end.line, end.character);
  }

  /**
   * The text range of `length` characters at `offset` inside a string node's value, when the value is
   * written verbatim (no escapes); otherwise the whole node.
   */
  inString(node: SyntaxNode, offset: number, length: number): ReportTarget {
    const value = node.value;
    if (typeof value !== 'string') return node;
    const text = this.model.text;
    if (text.startsWith(value, node.offset + 1) && node.length === value.length + 2) {
      return { offset: node.offset + 1 + offset, length };
    }
    if (text.startsWith(value, node.offset) && node.length === value.length) {
      return { offset: node.offset + offset, length };
    }
    return node;
  }

  report(
    code: DiagnosticCode,
    target: ReportTarget,
    args: Record<string, string | number | undefined> = {},
    options: ReportOptions = {},
  ): void {
    const diagnostic: Diagnostic = {
      range: this.rangeOf(target.offset, target.length),
      severity: SEVERITIES[options.severity ?? severityOf(code)],
      source: DIAGNOSTIC_SOURCE,
      code,
      message: messageFor(code, args),
    };
    if (options.data !== undefined) diagnostic.data = options.data;
    if (options.tags) diagnostic.tags = options.tags;
    this.push(diagnostic, target.offset, target.length);
  }

  /** Adds a finished diagnostic reported on `length` characters at `offset`. */
  push(diagnostic: Diagnostic, offset: number, length: number): void {
    this.diagnostics.push(diagnostic);
    this.spans.push({ offset, length });
  }
}
