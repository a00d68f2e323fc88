package dev.leadstream.local.launcher;

import dev.leadstream.local.infra.ContractTopics;
import dev.leadstream.local.infra.Credentials;
import dev.leadstream.local.infra.LocalKafka;
import dev.leadstream.local.infra.LocalMail;
import dev.leadstream.local.infra.LocalPostgres;
import dev.leadstream.local.sample.SampleBusiness;
import dev.leadstream.local.sample.SampleBusinesses;
import dev.leadstream.local.sample.SampleInboxes;
import dev.leadstream.local.sample.SampleWeb;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The infrastructure process: a real Kafka broker, PostgreSQL, GreenMail and the sample sites,
 * until SIGTERM. Writes {@code run/infra.ready} once every part accepts connections.
 */
@Command(name = "infra", hidden = true, description = "Run Kafka, PostgreSQL, GreenMail and the sample sites in this process.")
public class InfraCommand implements Callable<Integer> {

    @Option(names = "--kafka-port", defaultValue = "19092") int kafkaPort;
    @Option(names = "--postgres-port", defaultValue = "15432") int postgresPort;
    @Option(names = "--smtp-port", defaultValue = "3025") int smtpPort;
    @Option(names = "--imap-port", defaultValue = "3143") int imapPort;
    @Option(names = "--web-port", defaultValue = "18080") int webPort;
    @Option(names = "--sites", defaultValue = "12") int sites;

    @Override
    public Integer call() throws Exception {
        Workspace workspace = Workspace.fromSystemProperty();
        Credentials credentials = Credentials.readOrMake(workspace.credentialsFile());
        LocalKafka kafka = new LocalKafka(workspace.data().resolve("kafka"), kafkaPort, credentials);
        LocalPostgres postgres = new LocalPostgres(workspace.data().resolve("postgres"), postgresPort, credentials);
        LocalMail mail = new LocalMail(smtpPort, imapPort);
        List<SampleBusiness> businesses = SampleBusinesses.generate(sites, 42);
        SampleWeb web = new SampleWeb(businesses, webPort);
        SampleInboxes inboxes = new SampleInboxes(mail, businesses);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.close();
            inboxes.close();
            mail.close();
            kafka.close();
            postgres.close();
            stopped.countDown();
        }, "infra-stop"));

        postgres.start();
        log("PostgreSQL ready on 127.0.0.1:" + postgresPort + " (wal_level=logical, a password per role)");
        kafka.start();
        log("Kafka ready on " + kafka.bootstrapServers() + "; created topics " + ContractTopics.create(kafka.adminClient())
                + "; users sign in with SASL PLAIN, ACLs from the contract");
        mail.start();
        inboxes.start();
        log("GreenMail SMTP on 127.0.0.1:" + smtpPort + ", IMAP on 127.0.0.1:" + imapPort
                + "; each sample business answers the mail sent to it");
        web.start();
        Files.writeString(workspace.hostsFile(), web.hostsFile());
        log("sample sites on 127.0.0.1:" + webPort + ": " + web.directoryUrl());
        Files.writeString(workspace.infraReady(), Long.toString(ProcessHandle.current().pid()));
        stopped.await();
        return 0;
    }

    private static void log(String message) {
        System.out.println("[infra] " + message);
    }
}
