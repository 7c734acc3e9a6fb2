import { ConfigValidationError, loadConfig, type ServiceConfig } from '@globac/config';
import { JsonLogger } from '@globac/observability';
import { createServiceApp } from './create-service-app';
import { startServiceApp } from './service-transport';

/**
 * The `main` of every service: validates the environment (stopping with a message naming each bad
 * variable), starts the app and its consumers, and on SIGTERM/SIGINT finishes in-flight requests and
 * messages, drains NATS and closes the database pool before exiting (or exits anyway after SHUTDOWN_TIMEOUT_MS).
 */
export async function runService<C extends ServiceConfig>(service: string, configClass: new () => C, createModule: (config: C) => unknown) {
  let config: C;
  try {
    config = loadConfig(configClass);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(`${service}: ${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  const logger = new JsonLogger(service, config.LOG_LEVEL);
  const fail = (error: unknown) => {
    logger.fatal(error instanceof Error ? error : String(error), 'Startup');
    logger.flush();
    process.exit(1);
  };
  try {
    const app = await createServiceApp(createModule(config), { service, config, logger });
    let stopping = false;
    const stop = async (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      logger.log(`${signal} received: stopping`, 'Shutdown');
      setTimeout(() => {
        logger.error(`still stopping after ${config.SHUTDOWN_TIMEOUT_MS} ms: exiting anyway`, 'Shutdown');
        logger.flush();
        process.exit(1);
      }, config.SHUTDOWN_TIMEOUT_MS).unref();
      await app.close();
      logger.log('stopped', 'Shutdown');
      logger.flush();
      process.exit(0);
    };
    process.once('SIGTERM', (s) => void stop(s));
    process.once('SIGINT', (s) => void stop(s));
    await startServiceApp(app, { port: config.PORT, host: config.HOST });
    logger.log(`listening on http://${config.HOST}:${config.PORT}`, 'Startup');
  } catch (error) {
    fail(error);
  }
}
