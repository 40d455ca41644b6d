/** The eight marketplace simulators. Filled in by the sandbox issue. */
package dev.omnisync.sandbox;
