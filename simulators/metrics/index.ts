export { BoundedCounter, OVRIGT } from "./bounded-counter.js";
export { BUCKET_BOUNDS_MS, DurationHistogram, type DurationStats } from "./histogram.js";
export {
  type BastjanstMatning,
  iKontraktsordning,
  type MetricsSnapshot,
  type RecorderStorlek,
  SlaRecorder,
  type SlaRecorderOptions,
} from "./recorder.js";
export { RingBuffer } from "./ring-buffer.js";
export { SERVICENIVAER, type Servicenivaer } from "./service-levels.js";
export { formatSummary } from "./summary.js";
