package dev.leadstream.local.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The passwords of one stack: a Kafka user per agent (the principals the contract names), the
 * broker's own {@value #KAFKA_ADMIN}, a read-only {@value #KAFKA_TAP}, and a PostgreSQL role each for
 * the superuser, hitl-api and the relay. Random, made once and kept in a file only its owner can
 * read; each process is given only its own.
 */
public final class Credentials {

    /** The broker itself and the launcher's set-up (topics, ACLs, status): a super user. */
    public static final String KAFKA_ADMIN = "admin";
    /** Reads every contract topic and dead-letter topic, writes nothing: {@code ./leadstream tail}, a data engineer. */
    public static final String KAFKA_TAP = "tap";
    public static final String DB_SUPERUSER = "postgres";
    /** Owns hitl-api's schema; not a superuser. */
    public static final String DB_HITL_API = "hitl_api";
    /** Streams the outbox over logical replication; owns nothing. */
    public static final String DB_RELAY = "outbox_relay";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> passwords;

    private Credentials(Map<String, String> passwords) {
        this.passwords = Map.copyOf(passwords);
    }

    /** Fresh random passwords, kept in memory only: for tests. */
    public static Credentials random() {
        Map<String, String> passwords = new TreeMap<>();
        names().forEach(name -> passwords.put(name, newPassword()));
        return new Credentials(passwords);
    }

    /** The passwords kept in {@code file}, adding any that are missing (a new agent, say). */
    public static synchronized Credentials readOrMake(Path file) {
        try {
            Properties kept = new Properties();
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    kept.load(in);
                }
            }
            Map<String, String> passwords = new TreeMap<>();
            kept.stringPropertyNames().forEach(name -> passwords.put(name, kept.getProperty(name)));
            boolean added = false;
            for (String name : names()) {
                if (passwords.putIfAbsent(name, newPassword()) == null) {
                    added = true;
                }
            }
            if (added) {
                write(file, passwords);
            }
            return new Credentials(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the stack's credentials in " + file, e);
        }
    }

    /** Every Kafka user: the admin, the tap and one per agent of the contract. */
    public static Set<String> kafkaUsers() {
        Set<String> users = new LinkedHashSet<>();
        users.add(KAFKA_ADMIN);
        users.add(KAFKA_TAP);
        users.addAll(ContractAcls.principals());
        return users;
    }

    public String kafkaPassword(String user) {
        return required("kafka." + user);
    }

    public String databasePassword(String role) {
        return required("db." + role);
    }

    private String required(String name) {
        String password = passwords.get(name);
        if (password == null) {
            throw new IllegalArgumentException("no credentials for " + name);
        }
        return password;
    }

    private static Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        kafkaUsers().forEach(user -> names.add("kafka." + user));
        for (String role : new String[] {DB_SUPERUSER, DB_HITL_API, DB_RELAY}) {
            names.add("db." + role);
        }
        return names;
    }

    /** URL-safe base64, so a password needs no quoting in JAAS, SQL or a properties file. */
    private static String newPassword() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void write(Path file, Map<String, String> passwords) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Properties out = new Properties();
        out.putAll(passwords);
        try (Writer writer = Files.newBufferedWriter(temp)) {
            out.store(writer, "LeadStream stack credentials: kafka.<user> and db.<role>; keep private");
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
