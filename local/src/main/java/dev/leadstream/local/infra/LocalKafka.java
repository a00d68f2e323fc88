package dev.leadstream.local.infra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one node), from Kafka's
 * own artifacts, listening on 127.0.0.1 only. The data directory survives restarts. Every
 * listener, the controller's too, wants SASL PLAIN; the StandardAuthorizer allows only what the
 * contract's ACLs ({@link ContractAcls}) grant, and the admin is the one super user.
 */
public final class LocalKafka implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Credentials credentials;
    private KafkaRaftServer server;

    /** A broker with fresh random credentials, for a benchmark or a test of its own. */
    public LocalKafka(Path dataDir, int port) {
        this(dataDir, port, Credentials.random());
    }

    public LocalKafka(Path dataDir, int port, Credentials credentials) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = FreePorts.any();
        this.credentials = credentials;
    }

    public LocalKafka start() {
        Properties props = serverProperties();
        Path config = dataDir.resolve("server.properties");
        try {
            Files.createDirectories(dataDir);
            // the file is for formatting the storage only: the users' passwords stay in memory
            Files.deleteIfExists(config);
            Files.createFile(config, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(config)) {
                props.store(out, "written by LeadStream's local broker");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        format(config);
        props.putAll(saslUsers());
        server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        KafkaAuth.registerAdmin(bootstrapServers(), adminClient());
        try (Admin admin = Admin.create(adminClient())) {
            ContractAcls.apply(admin);
        }
        return this;
    }

    /** Client settings that sign in as the broker's super user: for set-up, probes and status. */
    public Map<String, Object> adminClient() {
        return clientAs(Credentials.KAFKA_ADMIN);
    }

    /** Client settings that sign in as one of the stack's users (an agent, the tap). */
    public Map<String, Object> clientAs(String user) {
        return KafkaAuth.client(bootstrapServers(), user, credentials.kafkaPassword(user));
    }

    public Credentials credentials() {
        return credentials;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    private Properties serverProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "CLIENTS://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "CLIENTS://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "CLIENTS:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", "CLIENTS");
        p.put("sasl.enabled.mechanisms", KafkaAuth.MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", KafkaAuth.MECHANISM);
        p.put("sasl.mechanism.controller.protocol", KafkaAuth.MECHANISM);
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // the broker signs in to itself and its controller as the admin
        p.put("super.users", "User:" + Credentials.KAFKA_ADMIN);
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("log.dirs", dataDir.resolve("logs").toString());
        // one node: internal topics (consumer offsets, transactions for exactly-once) cannot have replicas
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "6");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "false");
        // the default 128 MB cleaner buffer dominates a small broker's heap; compaction here is tiny
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024));
        p.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        return p;
    }

    /** The users PLAIN accepts on each listener, and the admin the broker signs in as. */
    private Properties saslUsers() {
        String admin = Credentials.KAFKA_ADMIN;
        StringBuilder clients = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required username=\"")
                .append(admin).append("\" password=\"").append(credentials.kafkaPassword(admin)).append('"');
        StringBuilder controller = new StringBuilder(clients);
        for (String user : Credentials.kafkaUsers()) {
            clients.append(" user_").append(user).append("=\"").append(credentials.kafkaPassword(user)).append('"');
        }
        controller.append(" user_").append(admin).append("=\"").append(credentials.kafkaPassword(admin)).append('"');
        Properties p = new Properties();
        p.put("listener.name.clients.plain.sasl.jaas.config", clients.append(';').toString());
        p.put("listener.name.controller.plain.sasl.jaas.config", controller.append(';').toString());
        return p;
    }

    private void format(Path config) {
        String clusterId = clusterId();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config.toString(),
                "--ignore-formatted"}, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("could not format Kafka storage: " + buffer.toString(StandardCharsets.UTF_8));
        }
    }

    /** A cluster id is formatted once per data directory and reused after, so restarts keep the data. */
    private String clusterId() {
        Path file = dataDir.resolve("cluster.id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            String id = org.apache.kafka.common.Uuid.randomUuid().toString();
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
