/**
 * The connector SPI: what every marketplace connector offers the rest of Omnisync. A connector pushes item
 * updates in the channel's largest batches and answers one {@link dev.omnisync.channel.spi.PushOutcome} per item,
 * reads asynchronous results ({@code poll}), lists existing offers for linking, reads orders since a cursor and
 * checks the signature of the channel's notifications. Connectors are stateless apart from cached access tokens.
 */
@org.springframework.modulith.NamedInterface("spi")
package dev.omnisync.channel.spi;
