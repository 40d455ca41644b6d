package dev.omnisync.workspace;

import java.util.Arrays;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The operator's subcommand of the service jar:
 * <pre>
 * java -jar omnisync-app.jar workspace create --name "Acme GmbH"   # prints the new workspace's API token
 * java -jar omnisync-app.jar workspace token --name "Acme GmbH"    # issues one more token for it
 * </pre>
 * It runs against the same database settings as the service, without starting the web server.
 */
public final class WorkspaceCommand {

    private WorkspaceCommand() {
    }

    public static boolean isInvoked(String[] args) {
        return args.length > 0 && args[0].equals("workspace");
    }

    public static int run(Class<?> application, String[] args) {
        if (args.length < 4 || !args[2].equals("--name") || !(args[1].equals("create") || args[1].equals("token"))) {
            System.err.println("usage: workspace create --name NAME | workspace token --name NAME");
            return 2;
        }
        String name = args[3];
        String[] springArgs = Arrays.copyOfRange(args, 4, args.length);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties("omnisync.sandbox.enabled=false", "spring.main.banner-mode=off",
                        "omnisync.sync.enabled=false", "omnisync.default-workspace.enabled=false")
                .run(springArgs)) {
            Workspaces workspaces = context.getBean(Workspaces.class);
            IssuedToken issued;
            if (args[1].equals("create")) {
                if (workspaces.findByName(name).isPresent()) {
                    System.err.println("A workspace named '" + name + "' exists already; use 'workspace token'.");
                    return 1;
                }
                issued = workspaces.create(name);
            } else {
                var workspace = workspaces.findByName(name);
                if (workspace.isEmpty()) {
                    System.err.println("No workspace named '" + name + "'.");
                    return 1;
                }
                issued = workspaces.issueToken(workspace.get(), "operator");
            }
            System.out.println("workspace " + issued.workspace() + " '" + name + "' token: " + issued.token());
            return 0;
        }
    }
}
