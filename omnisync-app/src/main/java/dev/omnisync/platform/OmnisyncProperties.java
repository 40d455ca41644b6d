package dev.omnisync.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service-wide settings.
 *
 * @param dataDir where the embedded database, the generated secret key and logs live
 *                ({@code omnisync.data-dir} / {@code OMNISYNC_DATA_DIR})
 * @param embeddedDatabasePort the embedded PostgreSQL's port; 0 picks a free one at each start
 */
@ConfigurationProperties("omnisync")
public record OmnisyncProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("0") int embeddedDatabasePort) {
}
