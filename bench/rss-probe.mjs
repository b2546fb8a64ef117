// Loaded with `node --import` into a benchmarked CLI process: reports its peak memory on exit.
process.on('exit', () => process.stderr.write(`\nbench-maxrss-kb ${process.resourceUsage().maxRSS}\n`));
