package dev.omnisync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnisync.workspace.WorkspaceCommand;
import dev.omnisync.workspace.Workspaces;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With {@code spring.datasource.url} set the service uses that server and starts no embedded one; the
 * operator's {@code workspace create} subcommand works against it and prints a token that opens the API.
 */
class ExternalDatabaseIT {

    @Test
    void anExternalServerIsUsedAndNoEmbeddedOneStarts() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "external-");
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            String url = server.getJdbcUrl("postgres", "postgres");
            String[] args = {"--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                    "--spring.datasource.password=postgres", "--omnisync.data-dir=" + dataDir, "--logging.file.name="};

            PrintStream original = System.out;
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            int exit;
            try {
                System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
                String[] command = concat(new String[] {"workspace", "create", "--name", "Acme GmbH"}, args);
                exit = WorkspaceCommand.run(OmnisyncApplication.class, command);
            } finally {
                System.setOut(original);
            }
            assertThat(exit).isZero();
            String output = printed.toString(StandardCharsets.UTF_8);
            assertThat(output).contains("'Acme GmbH' token: osk_");
            String token = output.substring(output.indexOf("token: ") + 7).lines().findFirst().orElseThrow().strip();

            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OmnisyncApplication.class)
                    .run(concat(args, new String[] {"--server.port=0", "--omnisync.api-token=external-db-token-0123456789"}))) {
                assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
                assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
                Workspaces workspaces = app.getBean(Workspaces.class);
                assertThat(workspaces.authenticate(token)).isEqualTo(workspaces.findByName("Acme GmbH")).isPresent();
            }
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
