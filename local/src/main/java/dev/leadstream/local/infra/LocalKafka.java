package dev.leadstream.local.infra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one node), from Kafka's
 * own artifacts, listening on 127.0.0.1 only. The data directory survives restarts.
 */
public final class LocalKafka implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    public LocalKafka(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = FreePorts.any();
    }

    public LocalKafka start() {
        Properties props = serverProperties();
        Path config = dataDir.resolve("server.properties");
        try {
            Files.createDirectories(dataDir);
            try (Writer out = Files.newBufferedWriter(config)) {
                props.store(out, "written by LeadStream's local broker");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        format(config);
        server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        return this;
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
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
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
