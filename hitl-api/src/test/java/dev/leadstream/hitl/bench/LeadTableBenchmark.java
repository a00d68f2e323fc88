package dev.leadstream.hitl.bench;

import dev.leadstream.local.infra.Credentials;
import dev.leadstream.local.infra.LocalPostgres;
import dev.leadstream.local.testing.KafkaTestResource;
import dev.leadstream.local.testing.PostgresTestResource;
import dev.leadstream.local.testing.SharedInfra;
import dev.leadstream.topics.Topics;
import dev.leadstream.topics.event.Provenance;
import dev.leadstream.topics.event.ScoredLead;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lead table under load: {@code bench.leads} leads (default 1,000,000) in the real
 * PostgreSQL, then {@code bench.threads} clients on loopback run reviewers' queries (filter + sort
 * + page, follow the cursor, facets) through the HTTP API for {@code bench.seconds}; then the
 * projection's ingest rate for {@code bench.ingest} scored leads from Kafka. Not a test: run with
 * {@code ./mvnw -B -Pbenchmark -pl hitl-api verify}; results go to stdout and
 * target/lead-table-benchmark.md (copied into docs/benchmarks.md).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class LeadTableBenchmark {

    private static final int LEADS = Integer.getInteger("bench.leads", 1_000_000);
    private static final int THREADS = Integer.getInteger("bench.threads", 16);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmupSeconds", 15);
    private static final int INGEST = Integer.getInteger("bench.ingest", 100_000);
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("admin:admin-test-password".getBytes(StandardCharsets.UTF_8));
    private static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");

    /** The reviewers' queries, each a filter, a sort and a page of 50. */
    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("best first", "/api/leads?limit=50");
        QUERIES.put("tier A in GB", "/api/leads?tier=A&country=GB&limit=50");
        QUERIES.put("sector + min score", "/api/leads?sector=bakery&minScore=60&limit=50");
        QUERIES.put("full-text search", "/api/leads?q=sourdough&limit=50");
        QUERIES.put("city + email, by name", "/api/leads?city=Leeds&hasEmail=true&sort=name&dir=asc&limit=50");
        QUERIES.put("new, newest first", "/api/leads?status=new&sort=updated&limit=50");
        QUERIES.put("by tier, pages 1-5", "/api/leads?sort=tier&limit=50");
        QUERIES.put("facets of a sector", "/api/leads/facets?sector=cafe");
    }

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(THREADS)).build();

    @Test
    void leadTableQueriesAndProjectionIngest() throws Exception {
        long loadStart = System.nanoTime();
        load(LEADS);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        run(WARMUP_SECONDS, new ConcurrentHashMap<>());
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        QUERIES.keySet().forEach(name -> latencies.put(name, Collections.synchronizedList(new ArrayList<>())));
        long requests = run(SECONDS, latencies);

        double ingestRate = ingest(INGEST);

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Lead table: %,d leads (loaded in %.0f s), %d clients on loopback, %d s after %d s warm-up%n%n",
                LEADS, loadSeconds, THREADS, SECONDS, WARMUP_SECONDS));
        report.append("| query | requests | p50 ms | p95 ms | p99 ms |\n|---|---:|---:|---:|---:|\n");
        List<Long> all = new ArrayList<>();
        latencies.forEach((name, values) -> all.addAll(values));
        for (String name : QUERIES.keySet()) {
            report.append(row(name, latencies.get(name)));
        }
        report.append(row("**all**", all));
        report.append(String.format(Locale.ROOT, "%nThroughput: %.0f requests/s (%,d in %d s)%n", requests / (double) SECONDS, requests, SECONDS));
        report.append(String.format(Locale.ROOT, "Projection ingest: %.0f scored leads/s (%,d records from scored-leads into the table)%n",
                ingestRate, INGEST));
        System.out.println(report);
        Files.writeString(Path.of("target", "lead-table-benchmark.md"), report);
        assertThat(all).as("requests answered").isNotEmpty();
    }

    /** Runs the query mix from every client for {@code seconds}; returns the requests answered. */
    private long run(int seconds, Map<String, List<Long>> latencies) throws InterruptedException {
        AtomicLong answered = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> names = List.copyOf(QUERIES.keySet());
        ExecutorService clients = Executors.newFixedThreadPool(THREADS);
        for (int c = 0; c < THREADS; c++) {
            clients.execute(() -> {
                while (System.nanoTime() < end) {
                    String name = names.get(ThreadLocalRandom.current().nextInt(names.size()));
                    String path = QUERIES.get(name);
                    int pages = name.startsWith("by tier") ? 5 : 1;
                    for (int page = 0; page < pages && path != null; page++) {
                        long start = System.nanoTime();
                        String body = get(path);
                        long micros = (System.nanoTime() - start) / 1_000;
                        answered.incrementAndGet();
                        List<Long> bucket = latencies.get(name);
                        if (bucket != null) {
                            bucket.add(micros);
                        }
                        Matcher next = NEXT.matcher(body);
                        path = next.find() ? QUERIES.get(name) + "&after=" + next.group(1) : null;
                    }
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return answered.get();
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base.toString() + path.substring(1)))
                    .header("Authorization", AUTH).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Scored leads written to the topic as fast as one producer can, until all are in the table. */
    private double ingest(int count) throws Exception {
        long start = System.nanoTime();
        Map<String, Object> settings = SharedInfra.kafka().adminClient();
        settings.putAll(Map.of(ProducerConfig.LINGER_MS_CONFIG, "5", ProducerConfig.ACKS_CONFIG, "all"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                String leadId = "ingest-" + i + ".test";
                producer.send(new ProducerRecord<>(Topics.SCORED_LEADS.name(), leadId,
                        Topics.SCORED_LEADS.valueSerde().serializer().serialize(Topics.SCORED_LEADS.name(), lead(leadId, i))));
            }
        }
        while (count("select count(*) from leads where lead_id like 'ingest-%'") < count) {
            Thread.sleep(200);
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static ScoredLead lead(String leadId, int i) {
        int score = i % 101;
        return new ScoredLead(leadId, "Ingest Business " + i, "https://" + leadId + "/", List.of("info@" + leadId), List.of(),
                null, "Sourdough bakery", List.of(), List.of("bakery"), List.of("https://" + leadId + "/"), "default", score,
                ScoredLead.tierOf(score), List.of(new ScoredLead.FeatureContribution("has_email", 1, 30, 30, "found")),
                "prior-v1", Provenance.of("bench", "1", null), "bakery",
                new ScoredLead.Location(null, null, "Leeds", null, "GB"), null, null, null, null, null, null, null, null, null, null);
    }

    /** Generates the leads inside PostgreSQL, 100,000 to a statement: realistic spread, no network. */
    private static void load(int leads) throws Exception {
        if (count("select count(*) from leads where lead_id like 'bench-%'") >= leads) {
            return;
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("delete from leads where lead_id like 'bench-%'");
            for (int from = 1; from <= leads; from += 100_000) {
                int to = Math.min(leads, from + 99_999);
                s.execute("""
                        with g as (
                          select i, (hashtext('s' || i) & 2147483647) % 101 as score,
                                 (array['bakery','cafe','brewery','florist','butcher','dentist','plumber','electrician','gym','salon',
                                        'bookshop','optician','vet','garage','hotel','restaurant','pharmacy','tailor','printer','joiner'])[1 + i % 20] as sector,
                                 (array['GB','IE','FR','DE','NL'])[1 + (i / 7) % 5] as country,
                                 (array['Leeds','York','Bath','Bristol','Leith','Cork','Lyon','Bonn','Delft','Derby'])[1 + (i / 3) % 10] as city,
                                 (array['sourdough','espresso','craft','organic','family','modern','local','artisan','vintage','express'])[1 + (i / 11) % 10] as word
                          from generate_series(FIRST, LAST) i),
                        t as (
                          select g.*, case when score >= 75 then 'A' when score >= 50 then 'B' when score >= 25 then 'C' else 'D' end as tier
                          from g)
                        insert into leads (lead_id, name, website, score, tier, segment, status, model_version, lead, updated_at,
                                           sector, country, city, has_email, has_phone)
                        select 'bench-' || i || '.test', initcap(word) || ' ' || sector || ' ' || i, 'https://bench-' || i || '.test/',
                               score, tier,
                               'default', (array['new','new','new','selected','rejected'])[1 + i % 5], 'prior-v1',
                               jsonb_build_object('leadId', 'bench-' || i || '.test', 'name', initcap(word) || ' ' || sector || ' ' || i,
                                   'website', 'https://bench-' || i || '.test/', 'emails', jsonb_build_array('info@bench-' || i || '.test'),
                                   'description', 'A ' || word || ' ' || sector || ' in ' || city, 'address', i || ' High Street, ' || city,
                                   'segment', 'default', 'score', score,
                                   'tier', tier,
                                   'sector', sector, 'location', jsonb_build_object('city', city, 'country', country),
                                   'explanation', jsonb_build_array(jsonb_build_object('feature', 'has_email', 'value', 1, 'weight', 30,
                                       'points', 30, 'reason', 'found'))),
                               now() - make_interval(secs => i), sector, country, city, i % 4 <> 0, i % 3 = 0
                        from t""".replace("FIRST", Integer.toString(from)).replace("LAST", Integer.toString(to)));
            }
            s.execute("analyze leads");
        }
    }

    private static String row(String name, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f |%n", name, sorted.size(),
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99));
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }

    private static long count(String sql) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect() throws Exception {
        LocalPostgres pg = SharedInfra.postgres();
        return pg.connectAs(Credentials.DB_HITL_API);
    }
}
