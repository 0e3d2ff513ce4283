// The Companion connection: config (station address, device token), the link, and the glue that
// re-checks feedbacks and variables whenever the station's map or the link's phase changes.
import { InstanceBase, InstanceStatus, runEntrypoint, type SomeCompanionConfigField } from '@companion-module/base';
import { createStationLink, type LinkTarget, type StationLink } from './station-link';
import { actionDefinitions } from './actions';
import { feedbackDefinitions } from './feedbacks';
import { variableDefinitions, variableValues } from './variables';
import { presetDefinitions } from './presets';

interface Config {
  host: string;
  port: number;
}
interface Secrets {
  token: string;
}

export function targetOf(config: Partial<Config> | undefined, secrets: Partial<Secrets> | undefined): LinkTarget | null {
  const host = typeof config?.host === 'string' ? config.host.trim() : '';
  const port = Number(config?.port);
  const token = typeof secrets?.token === 'string' ? secrets.token.trim() : '';
  if (!host || !Number.isInteger(port) || port < 1 || port > 65535 || !token) return null;
  return { host, port, token };
}

class BatonInstance extends InstanceBase<Config, Secrets> {
  private link: StationLink | null = null;
  private offersSeen = '';

  async init(config: Config, _isFirstInit: boolean, secrets: Secrets): Promise<void> {
    const link = createStationLink(targetOf(config, secrets));
    this.link = link;
    this.setActionDefinitions(actionDefinitions(link));
    this.setFeedbackDefinitions(feedbackDefinitions(link));
    this.setPresetDefinitions(presetDefinitions());
    this.refreshVariables(true);
    this.report();
    link.onChange(() => {
      this.report();
      this.refreshVariables(false);
      this.checkFeedbacks();
    });
  }

  async configUpdated(config: Config, secrets: Secrets): Promise<void> {
    this.link?.retarget(targetOf(config, secrets));
  }

  async destroy(): Promise<void> {
    this.link?.close();
    this.link = null;
  }

  getConfigFields(): SomeCompanionConfigField[] {
    return [
      { type: 'textinput', id: 'host', label: 'Station address (this machine: the link is plain ws://)', width: 8, default: '127.0.0.1' },
      { type: 'number', id: 'port', label: 'Port', width: 4, default: 4820, min: 1, max: 65535 },
      { type: 'secret-text', id: 'token', label: 'Device token (GET /api/device-tokens)', width: 12 },
    ];
  }

  private report(): void {
    const link = this.link;
    if (!link) return;
    switch (link.phase()) {
      case 'up':
        this.updateStatus(InstanceStatus.Ok);
        break;
      case 'connecting':
        this.updateStatus(InstanceStatus.Connecting);
        break;
      case 'refused':
        this.updateStatus(InstanceStatus.AuthenticationFailure, link.problem());
        break;
      case 'unconfigured':
        this.updateStatus(InstanceStatus.BadConfig, 'Set the station address and a device token.');
        break;
      default:
        this.updateStatus(InstanceStatus.ConnectionFailure, 'station lost');
    }
  }

  private refreshVariables(force: boolean): void {
    const link = this.link;
    if (!link) return;
    const values = link.values();
    const offers = typeof values['offers'] === 'string' ? values['offers'] : '';
    if (force || offers !== this.offersSeen) {
      this.offersSeen = offers;
      this.setVariableDefinitions(variableDefinitions(values));
    }
    this.setVariableValues(variableValues(values, link.phase()));
  }
}

runEntrypoint(BatonInstance, []);
