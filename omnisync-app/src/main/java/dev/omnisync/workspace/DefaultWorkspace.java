package dev.omnisync.workspace;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The default run's single workspace. Its token is {@code OMNISYNC_API_TOKEN} when set; otherwise one is
 * generated on first start, stored hashed and printed once in the log. Publishes
 * {@link DefaultWorkspaceReady} so that sandbox accounts and the demo catalog can be seeded into it.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "omnisync.default-workspace.enabled", matchIfMissing = true)
class DefaultWorkspace {

    static final String NAME = "default";
    private static final Logger log = LoggerFactory.getLogger(DefaultWorkspace.class);

    private final Workspaces workspaces;
    private final ApplicationEventPublisher events;
    private final String configuredToken;

    DefaultWorkspace(Workspaces workspaces, ApplicationEventPublisher events,
            @Value("${omnisync.api-token:}") String configuredToken) {
        this.workspaces = workspaces;
        this.events = events;
        this.configuredToken = configuredToken;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void ensureExists() {
        Optional<WorkspaceId> existing = workspaces.findByName(NAME);
        WorkspaceId id;
        boolean created = existing.isEmpty();
        if (existing.isPresent()) {
            id = existing.get();
            if (!configuredToken.isBlank() && !workspaces.accepts(id, configuredToken)) {
                workspaces.issueToken(id, "configured", configuredToken);
                log.info("OMNISYNC_API_TOKEN was added as a token of the default workspace");
            }
        } else if (!configuredToken.isBlank()) {
            id = workspaces.createWithToken(NAME, configuredToken);
            log.info("Created the default workspace with the token from OMNISYNC_API_TOKEN");
        } else {
            IssuedToken issued = workspaces.create(NAME);
            id = issued.workspace();
            // Printed once, on purpose: this is the only time the plain token exists.
            log.warn("Created the default workspace. Its API token (shown only now, keep it): {}", issued.token());
        }
        events.publishEvent(new DefaultWorkspaceReady(id, created));
    }
}
