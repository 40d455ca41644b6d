/**
 * Infrastructure shared by every module: the data directory, the embedded PostgreSQL, JSON settings and
 * the one place where errors become RFC 9457 problem details.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.omnisync.platform;
