/**
 * Settings: reads the `asl` section (pushed with didChangeConfiguration, or pulled with
 * workspace/configuration when the client supports it), maps `asl.validation.*` to the service settings,
 * and, when the effective settings changed, tells the caller so it can drop cached models and re-validate.
 * Translation only.
 */
import { type Connection, DidChangeConfigurationNotification } from 'vscode-languageserver';
import type { AslLanguageService } from '../../service/aslLanguageService';
import { type AslServiceSettings, defaultServiceSettings } from '../../service/types';
import { formatError } from '../runSafe';

/** The `asl.*` settings the server reads (package.json `contributes.configuration`). */
export interface AslClientSettings {
  validation?: {
    allowComments?: unknown;
    allowTrailingCommas?: unknown;
    stateMachineType?: unknown;
  };
}

/** Picks the well-typed `asl.validation.*` values; anything else (missing, wrong type) is ignored. */
export function toServiceSettings(section: unknown): Partial<AslServiceSettings> {
  const result: Partial<AslServiceSettings> = {};
  if (typeof section !== 'object' || section === null) return result;
  const validation = (section as AslClientSettings).validation;
  if (typeof validation !== 'object' || validation === null) return result;
  if (typeof validation.allowComments === 'boolean') result.allowComments = validation.allowComments;
  if (typeof validation.allowTrailingCommas === 'boolean') {
    result.allowTrailingCommas = validation.allowTrailingCommas;
  }
  if (validation.stateMachineType === 'STANDARD' || validation.stateMachineType === 'EXPRESS') {
    result.stateMachineType = validation.stateMachineType;
  }
  return result;
}

export interface ConfigurationHandler {
  /** Called from onInitialized: registers for changes and pulls the current settings. */
  initialized(): Promise<void>;
}

export function registerConfiguration(
  connection: Connection,
  service: AslLanguageService,
  clientCapabilities: () => { pull: boolean; dynamicRegistration: boolean },
  onSettingsChanged: () => void,
): ConfigurationHandler {
  // Settings missing from the section fall back to their defaults; an unchanged result is not re-applied.
  let applied = JSON.stringify(defaultServiceSettings);
  function apply(section: unknown): void {
    // Optional settings are listed as undefined so that removing them from the settings resets them.
    const effective: AslServiceSettings = {
      ...defaultServiceSettings,
      stateMachineType: undefined,
      ...toServiceSettings(section),
    };
    const serialized = JSON.stringify(effective);
    if (serialized === applied) return;
    applied = serialized;
    service.configure(effective);
    onSettingsChanged();
  }

  async function pull(): Promise<void> {
    try {
      const section: unknown = await connection.workspace.getConfiguration('asl');
      apply(section);
    } catch (error) {
      connection.console.error(formatError('Reading the asl settings failed', error));
    }
  }

  connection.onDidChangeConfiguration((params) => {
    const settings = params.settings as { asl?: unknown } | null | undefined;
    if (settings && typeof settings === 'object' && settings.asl !== undefined) {
      apply(settings.asl);
    } else if (clientCapabilities().pull) {
      void pull();
    }
  });

  return {
    async initialized() {
      const capabilities = clientCapabilities();
      if (capabilities.dynamicRegistration) {
        await connection.client
          .register(DidChangeConfigurationNotification.type, { section: 'asl' })
          .catch((error: unknown) => {
            connection.console.error(formatError('Registering for settings changes failed', error));
          });
      }
      if (capabilities.pull) await pull();
    },
  };
}
