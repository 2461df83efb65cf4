export {
  createEventLog,
  EventLog,
  type EventLogOptions,
  LOG_LEVELS,
  LOGG_HANDELSER,
  type LogDestination,
  type LoggatUtfall,
  type LogLevel,
  parseLogLevel,
} from "./event-log.js";
export { maskeraDjupt } from "./mask.js";
