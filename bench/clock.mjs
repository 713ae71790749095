// The one clock every process of the bench stamps events with: CLOCK_MONOTONIC in milliseconds.
// process.hrtime reads CLOCK_MONOTONIC (libuv uv_hrtime), which on Linux is one system-wide clock
// counted from boot, so stamps taken in the bench, the endpoint server and the GitHub proxy are
// directly comparable, unaffected by NTP steps, with sub-microsecond resolution.
// (performance.timeOrigin + performance.now() is not: each process samples the wall clock once at
// start-up, so two processes can disagree by that sampling error.) run.mjs checks the claim at
// start: a server stamp must fall between the bench's stamps around the request.
export const nowMs = () => Number(process.hrtime.bigint()) / 1e6
