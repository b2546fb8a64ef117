// Node reads and parses the file NODE_EXTRA_CA_CERTS names whenever a process starts: 45 ms for
// the 144 certificates of a Debian bundle, measured. The suite starts the CLI hundreds of times
// and a worker process per test file, and no test touches the network, so the variable is dropped
// here, before vitest starts its workers, which then start everything else without it.
export default function dropCaBundle(): void {
  delete process.env.NODE_EXTRA_CA_CERTS;
}
