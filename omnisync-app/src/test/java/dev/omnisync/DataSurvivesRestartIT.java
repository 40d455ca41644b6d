package dev.omnisync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.workspace.Workspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded PostgreSQL keeps its data under the data directory, so a restart finds it again. */
class DataSurvivesRestartIT {

    @Test
    void aWorkspaceCreatedBeforeARestartIsThereAfterIt() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "restart-");
        String token;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            token = first.getBean(Workspaces.class).create("survivor").token();
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            Workspaces workspaces = second.getBean(Workspaces.class);
            assertThat(workspaces.findByName("survivor")).isPresent();
            assertThat(workspaces.authenticate(token)).isEqualTo(workspaces.findByName("survivor"));
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // As arguments: default properties (SpringApplicationBuilder.properties) lose to application.yml, which
        // would put every run's database in ./data and make the second run of this test fail.
        return new SpringApplicationBuilder(OmnisyncApplication.class)
                .run("--omnisync.data-dir=" + dataDir, "--server.port=0", "--logging.file.name=",
                        "--omnisync.api-token=restart-test-token-0123456789");
    }
}
