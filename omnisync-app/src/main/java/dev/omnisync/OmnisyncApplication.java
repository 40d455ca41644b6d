package dev.omnisync;

import dev.omnisync.workspace.WorkspaceCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Omnisync service. {@code java -jar omnisync-app.jar} runs it; {@code java -jar omnisync-app.jar
 * workspace create --name "Acme"} is the operator's subcommand that creates a workspace and prints its
 * API token (see {@link WorkspaceCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OmnisyncApplication {

    public static void main(String[] args) {
        if (WorkspaceCommand.isInvoked(args)) {
            System.exit(WorkspaceCommand.run(OmnisyncApplication.class, args));
        }
        SpringApplication.run(OmnisyncApplication.class, args);
    }
}
