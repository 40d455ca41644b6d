/** JMH benchmarks and the load harness; see docs/benchmarks.md. */
package dev.omnisync.bench;
