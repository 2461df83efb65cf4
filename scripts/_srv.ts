import { startSimulator } from "../simulators/server.js";
const sim = await startSimulator({ port: 28731, seed: 1, profile: "fast", timeScale: 0 });
console.log(sim.url);
setTimeout(() => process.exit(0), Number(process.argv[2] ?? 30000));
