package dev.leadstream.scraper.discover;

import dev.leadstream.scraper.crawl.CrawlSession;
import dev.leadstream.scraper.crawl.PoliteFetcher;
import dev.leadstream.topics.LeadIds;
import dev.leadstream.topics.event.DiscoveryProgress;
import dev.leadstream.topics.event.DiscoveryRequest;
import dev.leadstream.topics.event.RawLead;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one discovery request: asks each named source for candidates, scrapes every new site on
 * its own virtual thread (the fetcher bounds how many requests are in flight), hands each lead to
 * {@code leads} and reports progress every few seconds and at the end. Returns once every started
 * site is done, so the request's offset is committed only after all its leads were sent.
 */
public final class DiscoveryJob {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    private final Map<String, DiscoverySource> sources;
    private final SiteScraper scraper;
    private final PoliteFetcher fetcher;
    private final Clock clock;

    public DiscoveryJob(List<DiscoverySource> sources, SiteScraper scraper, PoliteFetcher fetcher, Clock clock) {
        this.sources = sources.stream().collect(java.util.stream.Collectors.toMap(DiscoverySource::name, s -> s));
        this.scraper = scraper;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    public DiscoveryProgress run(DiscoveryRequest request, Consumer<RawLead> leads, Consumer<DiscoveryProgress> progress) {
        CrawlSession session = new CrawlSession(fetcher, request, clock);
        progress.accept(session.progress(false));
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
        ticker.scheduleAtFixedRate(() -> progress.accept(session.progress(false)),
                PROGRESS_EVERY.toMillis(), PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        try (ExecutorService sites = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String name : request.sources()) {
                DiscoverySource source = sources.get(name);
                if (session.stopped()) {
                    break;
                }
                if (source == null) {
                    session.note(name + ": this scraper has no such source");
                    continue;
                }
                try {
                    source.discover(session, candidate -> {
                        if (session.stopped()) {
                            return false;
                        }
                        if (seen.add(keyOf(candidate))) {
                            session.siteDiscovered();
                            sites.submit(() -> scrape(candidate, session, leads));
                        }
                        return true;
                    });
                } catch (DiscoverySource.DiscoveryException e) {
                    session.note(name + ": " + e.getMessage());
                }
            }
            sites.shutdown();
            awaitUntilDeadline(sites, session);
        } finally {
            ticker.shutdownNow();
        }
        DiscoveryProgress done = session.progress(true);
        progress.accept(done);
        return done;
    }

    private void scrape(Candidate candidate, CrawlSession session, Consumer<RawLead> leads) {
        if (!session.claimLead()) {
            return;
        }
        try {
            scraper.scrape(candidate, session).ifPresentOrElse(leads, session::releaseLead);
        } catch (RuntimeException e) {
            session.releaseLead();
            session.note("a site could not be read: " + e.getClass().getSimpleName());
        }
    }

    /** Sites still running after the time limit (plus one page's worth) are interrupted. */
    private void awaitUntilDeadline(ExecutorService sites, CrawlSession session) {
        try {
            long waitMillis = Duration.between(clock.instant(), session.deadline()).toMillis() + 30_000;
            if (!sites.awaitTermination(Math.max(waitMillis, 1), TimeUnit.MILLISECONDS)) {
                sites.shutdownNow();
            }
        } catch (InterruptedException e) {
            sites.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static String keyOf(Candidate candidate) {
        if (candidate.website() != null) {
            try {
                return LeadIds.fromWebsite(candidate.website());
            } catch (IllegalArgumentException e) {
                return candidate.website();
            }
        }
        return "listed:" + (candidate.known().name() == null ? "" : candidate.known().name().value())
                + "|" + (candidate.known().address() == null ? "" : candidate.known().address().value());
    }
}
