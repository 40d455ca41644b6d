package dev.omnisync.channel.mirakl;

import dev.omnisync.channel.wire.TransportSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Mirakl connector settings ({@code omnisync.channels.mirakl.*}); every value has the documented default. How often
 * an import may be sent is the channel limit {@code min-interval-between-batches} (one a minute), which the
 * dispatcher keeps; the connector sends one OF01 file per push.
 *
 * @param connectTimeout  connection timeout
 * @param readTimeout     read timeout
 * @param maxAttempts     tries per call on 5xx/timeouts (an OF01 is only re-sent after OF04 shows it did not arrive)
 * @param initialBackoff  first retry wait (doubles)
 * @param maxBackoff      longest retry wait
 * @param ordersPageSize  orders per OR11 page (≤100)
 * @param offersPageSize  offers per OF21 page (≤100)
 * @param throttleBackoff wait after a 429 without {@code Retry-After} (OF01/OF02/OR11 allow one call a minute)
 * @param importPollAfter when to read an import's status (OF02) first, and again while it runs
 * @param clockSkew       how far Mirakl's {@code date_created} may be behind our clock when OF04 is searched for a
 *                        file whose answer was lost
 * @param lostAnswerGrace how long to give Mirakl to finish taking a file whose answer timed out before OF04 is asked
 *                        whether it arrived (a file is sent again only when OF04 does not show it)
 */
@ConfigurationProperties("omnisync.channels.mirakl")
public record MiraklSettings(Duration connectTimeout, Duration readTimeout, Integer maxAttempts, Duration initialBackoff,
        Duration maxBackoff, Integer ordersPageSize, Integer offersPageSize, Duration throttleBackoff, Duration importPollAfter,
        Duration clockSkew, Duration lostAnswerGrace) {

    public MiraklSettings {
        ordersPageSize = ordersPageSize == null ? 100 : Math.max(1, Math.min(100, ordersPageSize));
        offersPageSize = offersPageSize == null ? 100 : Math.max(1, Math.min(100, offersPageSize));
        throttleBackoff = throttleBackoff == null ? Duration.ofSeconds(60) : throttleBackoff;
        importPollAfter = importPollAfter == null ? Duration.ofMinutes(1) : importPollAfter;
        clockSkew = clockSkew == null ? Duration.ofSeconds(2) : clockSkew;
        lostAnswerGrace = lostAnswerGrace == null ? Duration.ofSeconds(10) : lostAnswerGrace;
    }

    /** The documented defaults. */
    public static MiraklSettings defaults() {
        return new MiraklSettings(null, null, null, null, null, null, null, null, null, null, null);
    }

    public TransportSettings transport() {
        return new TransportSettings(connectTimeout, readTimeout, maxAttempts == null ? 0 : maxAttempts, initialBackoff, maxBackoff);
    }
}
