/**
 * The simulators together: the ECRIS gateway answering what we send, and the player publishing the
 * court day, the member states' own NOTs and REQs, and the agencies' requests.
 */
import type { Logger } from '@ecris/logging';
import { AvroCodec, KafkajsRecordSender, type KafkaSettings } from '@ecris/messaging';
import { startGatewaySimulator, type GatewaySimulator } from './gateway/gateway-simulator';
import { playerTargets, type AgencyApi } from './player-targets';
import { buildScenario, type Scenario } from './scenario';
import { ScenarioPlayer } from './scenario-player';
import type { SimulatorSettings } from './simulator-settings';

export interface StartSimulatorsOptions {
  readonly settings: SimulatorSettings;
  readonly kafka: KafkaSettings;
  /** Prefixed to every topic and group (tests); empty otherwise. */
  readonly namespace: string;
  readonly codec: AvroCodec;
  readonly logger: Logger;
  readonly version: string;
  /** Where agencies submit; without it no agency requests are made. */
  readonly agencyApi?: AgencyApi;
}

export interface RunningSimulators {
  readonly scenario: Scenario;
  readonly player: ScenarioPlayer;
  readonly gateway: GatewaySimulator;
  /** Stops the traffic, then the gateway; a second call waits for the first. */
  stop(): Promise<void>;
}

export async function startSimulators(options: StartSimulatorsOptions): Promise<RunningSimulators> {
  const { settings, kafka, namespace, codec, logger } = options;
  const sender = await KafkajsRecordSender.connect({ ...kafka, clientId: `${kafka.clientId}.simulators` }, logger);
  let gateway: GatewaySimulator | undefined;
  try {
    gateway = await startGatewaySimulator({ settings: kafka, namespace, codec, sender, logger, policy: settings.replies, version: options.version });
  } catch (error) {
    await sender.disconnect();
    throw error;
  }
  const scenario = buildScenario(options.agencyApi ? settings.scenario : { ...settings.scenario, agencyRequests: 0 });
  const player = new ScenarioPlayer(scenario, playerTargets(codec, sender, namespace, options.agencyApi), logger);
  player.start();
  const running = gateway;
  let stopping: Promise<void> | undefined;
  return {
    scenario,
    player,
    gateway: running,
    stop() {
      stopping ??= (async () => {
        await player.stop();
        await running.stop();
        await sender.disconnect();
      })();
      return stopping;
    },
  };
}
