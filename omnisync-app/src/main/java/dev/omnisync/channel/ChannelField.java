package dev.omnisync.channel;

/** A field toggle as a channel offers it, labelled as the channel's policy editor words it. */
public record ChannelField(FieldKey key, String label) {
}
