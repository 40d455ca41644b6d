package dev.omnisync.channel.spi;

/**
 * A notification whose signature checked out.
 *
 * @param notificationId the channel's id of the message (to ignore redeliveries), or null when it has none
 * @param topic          the channel's event name, e.g. {@code ORDER_CONFIRMATION}, {@code PO_CREATED}, {@code order_unit_new}
 * @param channelOrderId the order it concerns, when it names one; the order module then reads that order
 */
public record ChannelNotification(String notificationId, String topic, String channelOrderId) {
}
