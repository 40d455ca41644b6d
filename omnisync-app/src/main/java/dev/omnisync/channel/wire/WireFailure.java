package dev.omnisync.channel.wire;

/** The channel could not be reached or did not answer in time (connect/read timeout, reset connection). */
public class WireFailure extends RuntimeException {

    public WireFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
