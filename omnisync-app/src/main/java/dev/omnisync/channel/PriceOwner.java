package dev.omnisync.channel;

/** Who sets a listing's price on the channel: the store (through Omnisync) or a repricer. */
public enum PriceOwner {
    STORE, REPRICER
}
