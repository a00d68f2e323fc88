package dev.leadstream.local.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to run one LeadStream process: its jar (relative to the project root), its HTTP port for
 * health, its heap, and the settings it needs from the local stack.
 */
public record AppSpec(String name, String jar, int httpPort, String heap, Map<String, String> settings,
                      List<String> extraJvmArgs) {

    public Path jarIn(Path home) {
        return home.resolve(jar);
    }

    public static String quarkusJar(String module) {
        return module + "/target/quarkus-app/quarkus-run.jar";
    }
}
