package dev.leadstream.local.launcher;

import dev.leadstream.local.infra.Credentials;
import dev.leadstream.local.infra.KafkaAuth;
import dev.leadstream.local.infra.LocalPostgres;
import dev.leadstream.local.sample.SampleWeb;
import dev.leadstream.topics.EventJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The whole system on one machine as separate processes: the infrastructure (Kafka, PostgreSQL,
 * GreenMail, sample sites), the outbox relay and every agent, each its own JVM.
 */
public final class Stack {

    public static final String INFRA = "infra";

    private final Workspace workspace;
    private final StackPorts ports;
    private final int sampleSites;
    private volatile List<AppSpec> apps;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** read or made once: every API call of the launcher signs in with it */
    private String adminPassword;
    /** Kafka users and database roles, made once per workspace; each process gets only its own */
    private final Credentials credentials;

    public Stack(Workspace workspace, StackPorts ports, int sampleSites) {
        this.workspace = workspace;
        this.ports = ports;
        this.sampleSites = sampleSites;
        this.apps = appSpecs();
        this.credentials = Credentials.readOrMake(workspace.credentialsFile());
        KafkaAuth.registerAdmin(bootstrapServers(), kafkaClientAs(Credentials.KAFKA_ADMIN));
    }

    public List<AppSpec> apps() {
        return apps;
    }

    public StackPorts ports() {
        return ports;
    }

    public Workspace workspace() {
        return workspace;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + ports.kafka();
    }

    /** Client settings that sign in to this stack's broker as {@code user} (an agent, the tap, the admin). */
    public Map<String, Object> kafkaClientAs(String user) {
        return KafkaAuth.client(bootstrapServers(), user, credentials.kafkaPassword(user));
    }

    /** A connection to the stack's database as hitl-api's role, for tests that look at its rows. */
    public Connection databaseAsHitlApi() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/"
                + LocalPostgres.DATABASE, Credentials.DB_HITL_API, credentials.databasePassword(Credentials.DB_HITL_API));
    }

    public String hitlApiUrl() {
        return "http://127.0.0.1:" + ports.hitlApi();
    }

    /** Adds settings to one app before it starts, e.g. for a test that needs it configured otherwise. */
    public Stack configure(String appName, Map<String, String> settings) {
        apps = apps.stream().map(app -> {
            if (!app.name().equals(appName)) {
                return app;
            }
            Map<String, String> merged = new LinkedHashMap<>(app.settings());
            merged.putAll(settings);
            return new AppSpec(app.name(), app.jar(), app.httpPort(), app.heap(), merged, app.extraJvmArgs());
        }).toList();
        return this;
    }

    /** Starts everything, waiting for each layer to be ready; stops what it started if one fails. */
    public void up(Duration timeout) {
        up(timeout, apps.stream().map(AppSpec::name).toList());
    }

    /** Starts the infrastructure and only the named apps. */
    public void up(Duration timeout, List<String> appNames) {
        Instant deadline = Instant.now().plus(timeout);
        stopLeftovers();
        try {
            startInfra(deadline);
            List<AppSpec> chosen = apps.stream().filter(app -> appNames.contains(app.name())).toList();
            for (AppSpec app : chosen) {
                startApp(app);
            }
            for (AppSpec app : chosen) {
                awaitHealthy(app, deadline);
            }
        } catch (RuntimeException e) {
            down();
            throw e;
        }
    }

    /** Stops every process this workspace started, agents first and infrastructure last. */
    public void down() {
        // first, or it would start again what is being stopped
        process(Supervisor.NAME).stop();
        List<AppSpec> reversed = new ArrayList<>(apps);
        java.util.Collections.reverse(reversed);
        reversed.parallelStream().forEach(app -> process(app.name()).stop());
        process(INFRA).stop();
        try {
            Files.deleteIfExists(workspace.infraReady());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts one app again (after a crash, say) and waits until it is ready. */
    public void restart(String appName, Duration timeout) {
        AppSpec app = apps.stream().filter(a -> a.name().equals(appName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no app " + appName));
        startApp(app);
        awaitHealthy(app, Instant.now().plus(timeout));
    }

    /** Starts one process again without waiting for its health: the supervisor's restart. */
    public void startAgain(String name) {
        if (name.equals(INFRA)) {
            startInfra(Instant.now().plus(Duration.ofMinutes(3)));
        } else {
            startApp(apps.stream().filter(a -> a.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no app " + name)));
        }
    }

    public ManagedProcess process(String name) {
        return new ManagedProcess(name, workspace);
    }

    public boolean isHealthy(AppSpec app) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + app.httpPort() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The sample sites' home pages, as served by the infrastructure process. */
    /** The sample directory, which lists every sample site and the hostile ones. */
    public String sampleDirectory() {
        return "http://" + SampleWeb.DIRECTORY_HOST + ":" + ports.sampleWeb() + "/";
    }

    /** The review API's first admin: {@code admin}, with LEADSTREAM_ADMIN_PASSWORD or a password made once per workspace. */
    public String adminUser() {
        return "admin";
    }

    public synchronized String adminPassword() {
        if (adminPassword == null) {
            adminPassword = readOrMakeAdminPassword();
        }
        return adminPassword;
    }

    private String readOrMakeAdminPassword() {
        return secret("LEADSTREAM_ADMIN_PASSWORD", "admin-password", 18);
    }

    /** The key of the review UI's session cookies, so a restarted hitl-api keeps reviewers signed in. */
    private String sessionKey() {
        return secret("LEADSTREAM_SESSION_KEY", "session-key", 32);
    }

    /** The environment's value, or one made once per workspace and kept readable by its owner only. */
    private String secret(String environmentName, String fileName, int bytes) {
        String fromEnvironment = System.getenv(environmentName);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        Path file = workspace.data().resolve(fileName);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[bytes];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
                file.toFile().setReadable(false, false);
                file.toFile().setReadable(true, true);
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep " + fileName + " in " + file, e);
        }
    }

    /** The HTTP Basic header for the first admin. */
    public String adminAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((adminUser() + ":" + adminPassword())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Asks the review API to discover businesses from these seeds with one source; returns the request id. */
    public String submitDiscovery(String source, List<String> seedUrls) {
        String body = EventJson.toJson(Map.of("sector", "local businesses", "geography", "GB",
                "seedUrls", seedUrls, "sources", List.of(source)));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(hitlApiUrl() + "/api/discovery-requests"))
                    .header("Content-Type", "application/json").header("Authorization", adminAuthorization())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("discovery request refused: " + response.statusCode() + " " + response.body());
            }
            return EventJson.MAPPER.readTree(response.body()).path("requestId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A crashed launcher can leave processes behind; the next start stops them first. */
    private void stopLeftovers() {
        down();
    }

    private void startInfra(Instant deadline) {
        try {
            Files.deleteIfExists(workspace.infraReady());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process(INFRA).start(List.of("-Xmx512m", "-XX:+UseSerialGC", "-Dleadstream.home=" + workspace.home(),
                        "-Dleadstream.workspace=" + workspace.root()),
                List.of("-cp", workspace.home().resolve("local/target/local.jar") + ":" + workspace.home().resolve("local/target/lib/*"),
                        LeadStreamCli.class.getName(), "infra",
                        "--kafka-port=" + ports.kafka(), "--postgres-port=" + ports.postgres(),
                        "--smtp-port=" + ports.smtp(), "--imap-port=" + ports.imap(),
                        "--web-port=" + ports.sampleWeb(), "--sites=" + sampleSites));
        while (!Files.exists(workspace.infraReady())) {
            if (!process(INFRA).isAlive()) {
                throw new IllegalStateException("the infrastructure process stopped; see " + workspace.display(process(INFRA).logFile()));
            }
            checkDeadline(deadline, "the infrastructure (Kafka, PostgreSQL, GreenMail)", process(INFRA));
            sleep(200);
        }
    }

    private void startApp(AppSpec app) {
        Path jar = app.jarIn(workspace.home());
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw package -DskipTests");
        }
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + app.heap(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xss512k", "-XX:MaxMetaspaceSize=160m"));
        jvm.addAll(app.extraJvmArgs());
        app.settings().forEach((key, value) -> jvm.add("-D" + key + "=" + value));
        process(app.name()).start(jvm, List.of("-jar", jar.toString()), environment(app));
    }

    /** Secrets go by environment, so they are not on a command line; each app gets only its own. */
    private Map<String, String> environment(AppSpec app) {
        Map<String, String> environment = new LinkedHashMap<>(
                KafkaAuth.environment(app.name(), credentials.kafkaPassword(app.name())));
        if (app.name().equals("hitl-api")) {
            // the review API's first admin and session key; its database role (read by %prod's DB_USER, DB_PASSWORD)
            environment.putAll(Map.of("LEADSTREAM_ADMIN_USER", adminUser(), "LEADSTREAM_ADMIN_PASSWORD", adminPassword(),
                    "LEADSTREAM_SESSION_KEY", sessionKey(), "DB_USER", Credentials.DB_HITL_API,
                    "DB_PASSWORD", credentials.databasePassword(Credentials.DB_HITL_API)));
        } else if (app.name().equals("outbox-relay")) {
            environment.put("RELAY_DATABASE_PASSWORD", credentials.databasePassword(Credentials.DB_RELAY));
        }
        return environment;
    }

    private void awaitHealthy(AppSpec app, Instant deadline) {
        while (!isHealthy(app)) {
            if (!process(app.name()).isAlive()) {
                throw new IllegalStateException(app.name() + " stopped while starting; see " + workspace.display(process(app.name()).logFile()));
            }
            checkDeadline(deadline, app.name(), process(app.name()));
            sleep(250);
        }
    }

    private List<AppSpec> appSpecs() {
        Path data = workspace.data();
        String kafka = bootstrapServers();
        List<AppSpec> specs = new ArrayList<>();
        specs.add(app("hitl-api", AppSpec.quarkusJar("hitl-api"), ports.hitlApi(), "192m", Map.of(
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + ports.postgres() + "/" + LocalPostgres.DATABASE,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + LocalPostgres.DATABASE)));
        specs.add(app("outbox-relay", "outbox-relay/target/outbox-relay.jar", ports.agents().get(0), "128m", Map.of(
                "relay.database.host", "127.0.0.1",
                "relay.database.port", Integer.toString(ports.postgres()),
                "relay.database.name", LocalPostgres.DATABASE,
                "relay.database.user", Credentials.DB_RELAY,
                "relay.offsets.file", data.resolve("outbox-relay/offsets.dat").toString(),
                "relay.http.port", Integer.toString(ports.agents().get(0)))));
        specs.add(new AppSpec("scraper-agent", AppSpec.quarkusJar("scraper-agent"), ports.agents().get(1), "128m",
                // the sample web lives on 127.0.0.1: the demo's SSRF allow-list names exactly its address and
                // port, and the stack's own ports stay refused whatever the list says
                withKafka(kafka, ports.agents().get(1), Map.of(
                        "scraper.allowed-addresses", "127.0.0.1/32:" + ports.sampleWeb(),
                        "scraper.refused-ports", ports.ownPorts().stream().map(String::valueOf).collect(Collectors.joining(",")))),
                // sample sites are virtual hosts on 127.0.0.1; only the crawler needs to resolve them
                List.of("-Djdk.net.hosts.file=" + workspace.hostsFile())));
        specs.add(app("scoring-stream", AppSpec.quarkusJar("scoring-stream"), ports.agents().get(2), "128m", Map.of(
                "kafka-streams.state.dir", data.resolve("scoring-stream").toString())));
        // the embedding model lives off the heap; the heap holds the model's tokenizer and the index's buffers
        specs.add(app("enrichment-agent", AppSpec.quarkusJar("enrichment-agent"), ports.agents().get(3), "256m", Map.of(
                "kafka-streams.state.dir", data.resolve("enrichment-agent/streams").toString(),
                "enrichment.vector-store.dir", data.resolve("enrichment-agent/lookalike-index").toString())));
        // the same embedding model as enrichment-agent, for the memory of content that worked
        specs.add(app("persona-agent", AppSpec.quarkusJar("persona-agent"), ports.agents().get(4), "256m", Map.of(
                "persona.memory.dir", data.resolve("persona-agent/content-memory").toString())));
        specs.add(app("outreach-agent", AppSpec.quarkusJar("outreach-agent"), ports.agents().get(5), "128m", Map.of(
                "outreach.smtp.host", "127.0.0.1",
                "outreach.smtp.port", Integer.toString(ports.smtp()),
                "outreach.replies.host", "127.0.0.1",
                "outreach.replies.port", Integer.toString(ports.imap()),
                "outreach.replies.poll-interval", "2s",
                "outreach.ledger.dir", data.resolve("outreach-agent").toString())));
        specs.add(app("feedback-stream", AppSpec.quarkusJar("feedback-stream"), ports.agents().get(6), "128m", Map.of(
                "kafka-streams.state.dir", data.resolve("feedback-stream").toString())));
        return List.copyOf(specs);
    }

    private AppSpec app(String name, String jar, int port, String heap, Map<String, String> settings) {
        return new AppSpec(name, jar, port, heap, withKafka(bootstrapServers(), port, settings), List.of());
    }

    private static Map<String, String> withKafka(String kafka, int port, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("kafka.bootstrap.servers", kafka);
        all.put("quarkus.kafka-streams.bootstrap-servers", kafka);
        // a crashed agent's partitions go to its restarted self after 10 s, not the clients' default 45 s
        all.put("kafka.session.timeout.ms", "10000");
        all.put("kafka-streams.session.timeout.ms", "10000");
        all.put("quarkus.http.host", "127.0.0.1");
        all.put("quarkus.http.port", Integer.toString(port));
        return all;
    }

    private void checkDeadline(Instant deadline, String what, ManagedProcess process) {
        if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException("timed out waiting for " + what + " to be ready; see " + workspace.display(process.logFile()));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
