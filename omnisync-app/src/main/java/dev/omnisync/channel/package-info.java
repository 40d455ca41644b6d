/**
 * The eight sales channels (their field toggles, labels and limits), the merchant's channel accounts with
 * their encrypted credentials, and — in {@code spi} — the connector contract each marketplace implements.
 */
package dev.omnisync.channel;
