/**
 * DebugConfigurationProvider for the `asl` debug type: initial launch.json configurations, and F5 on an
 * ASL file without launch.json (fills `program` from the active editor); refuses to launch in an untrusted
 * workspace (./trustGate). Uses the shared launch types from server/src/protocol; no adapter logic here.
 */
import * as vscode from 'vscode';
import {
  ASL_DEBUG_TYPE,
  type AslLaunchArguments,
  defaultLaunchConfiguration,
} from '../../../server/src/protocol/launchConfiguration';
import { allowWorkflowStart } from './trustGate';

/** Whether a document is an ASL workflow the debugger can run. */
export function isAslDocument(document: vscode.TextDocument): boolean {
  return (
    document.languageId === 'asl' ||
    document.languageId === 'asl-yaml' ||
    /\.asl\.(json|ya?ml)$/i.test(document.fileName)
  );
}

export class AslConfigurationProvider implements vscode.DebugConfigurationProvider {
  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    return [{ ...defaultLaunchConfiguration('${file}'), name: 'Debug current ASL workflow' }];
  }

  resolveDebugConfiguration(
    _folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): vscode.DebugConfiguration | undefined {
    // Restricted Mode: nothing runs (a launch can load handler modules). undefined aborts the launch.
    if (!allowWorkflowStart(config.noDebug === true ? 'run' : 'debug', config)) return undefined;
    if (!config.type && !config.request && !config.name) {
      const editor = vscode.window.activeTextEditor;
      if (editor && isAslDocument(editor.document)) {
        return { ...defaultLaunchConfiguration(editor.document.uri.fsPath) };
      }
    }
    const launch = config as vscode.DebugConfiguration & Partial<AslLaunchArguments>;
    if (!launch.program) {
      const editor = vscode.window.activeTextEditor;
      if (editor && isAslDocument(editor.document)) {
        launch.program = editor.document.uri.fsPath;
      } else {
        void vscode.window.showErrorMessage(
          'ASL debug: set "program" in launch.json, or open an .asl.json / .asl.yaml file and press F5.',
        );
        return undefined;
      }
    }
    launch.type ??= ASL_DEBUG_TYPE;
    launch.request ??= 'launch';
    launch.name ??= 'Debug ASL workflow';
    return launch;
  }
}
