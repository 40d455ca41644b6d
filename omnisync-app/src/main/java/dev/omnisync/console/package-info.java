/**
 * The console: server-rendered pages (Thymeleaf, htmx from a webjar, no front-end build) through which a
 * merchant signs in with the workspace's API token and manages products, listings, policies and channel
 * accounts. It only uses the other modules' public APIs, and nothing depends on it.
 */
package dev.omnisync.console;
