package dev.leadstream.local.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Runs the scraper's extractor on one page, from the scraper-agent build, and prints the profile. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Print the business profile the scraper extracts from one page (URL or saved HTML file) as JSON.")
public class ExtractCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "URL|FILE")
    String target;

    @Option(names = "--region", description = "ISO country for phone numbers written without a country code, e.g. GB.")
    String region;

    @Option(names = "--allow", description = "CIDR the SSRF guard lets through, e.g. 127.0.0.1/32 for a local page.")
    String allow;

    @Override
    public Integer call() throws Exception {
        Workspace workspace = Workspace.fromSystemProperty();
        Path app = workspace.home().resolve("scraper-agent/target/quarkus-app");
        if (!Files.isDirectory(app)) {
            System.err.println("scraper-agent is not built; run ./mvnw -B -q package -DskipTests -pl scraper-agent -am");
            return 1;
        }
        String classPath = String.join(java.io.File.pathSeparator, app.resolve("app/*").toString(),
                app.resolve("lib/main/*").toString(), app.resolve("lib/boot/*").toString());
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-cp", classPath));
        if (allow != null) {
            command.add("-Dscraper.allowed-addresses=" + allow);
        }
        // a file is named relative to where ./leadstream was run, not to the project
        String page = target.startsWith("http://") || target.startsWith("https://") ? target
                : Path.of(System.getProperty("leadstream.caller-dir", ".")).resolve(target).toString();
        command.addAll(List.of("dev.leadstream.scraper.ExtractMain", page));
        if (region != null) {
            command.addAll(List.of("--region", region));
        }
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
