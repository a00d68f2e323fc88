package dev.leadstream.scraper.crawl;

import dev.leadstream.topics.event.DiscoveryProgress;
import dev.leadstream.topics.event.DiscoveryRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One discovery request's view of the fetcher: it counts every outcome for the progress record
 * and stops fetching when the request's page budget or time limit is spent.
 */
public final class CrawlSession {

    private final PoliteFetcher fetcher;
    private final DiscoveryRequest request;
    private final Clock clock;
    private final Instant startedAt;
    private final Instant deadline;
    private final AtomicInteger pagesStarted = new AtomicInteger();
    private final AtomicInteger fetched = new AtomicInteger();
    private final AtomicInteger disallowed = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger unchanged = new AtomicInteger();
    private final AtomicInteger sites = new AtomicInteger();
    private final AtomicInteger leads = new AtomicInteger();
    private final List<String> notes = new ArrayList<>();
    private volatile String limitReached;

    public CrawlSession(PoliteFetcher fetcher, DiscoveryRequest request, Clock clock) {
        this.fetcher = fetcher;
        this.request = request;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.deadline = startedAt.plusSeconds(request.limits().maxSeconds());
    }

    public DiscoveryRequest request() {
        return request;
    }

    public PoliteFetcher fetcher() {
        return fetcher;
    }

    /** Fetches within the request's budget; empty when there is no usable page (the reason is counted). */
    public Optional<FetchOutcome.Fetched> fetch(String url, ContentKind kind) {
        return count(budgeted(() -> fetcher.fetch(url, kind)));
    }

    public Optional<FetchOutcome.Fetched> fetchApi(String url) {
        return count(budgeted(() -> fetcher.fetchApi(url)));
    }

    private FetchOutcome budgeted(java.util.function.Supplier<FetchOutcome> fetch) {
        if (stopped()) {
            return null;
        }
        if (pagesStarted.incrementAndGet() > request.limits().maxPages()) {
            limit("maxPages (" + request.limits().maxPages() + ") reached");
            return null;
        }
        return fetch.get();
    }

    private Optional<FetchOutcome.Fetched> count(FetchOutcome outcome) {
        if (outcome == null) {
            return Optional.empty();
        }
        switch (outcome) {
            case FetchOutcome.Fetched page -> {
                fetched.incrementAndGet();
                return Optional.of(page);
            }
            case FetchOutcome.Unchanged u -> unchanged.incrementAndGet();
            case FetchOutcome.Disallowed d -> disallowed.incrementAndGet();
            case FetchOutcome.Refused r -> refused.incrementAndGet();
            case FetchOutcome.Failed f -> failed.incrementAndGet();
        }
        return Optional.empty();
    }

    /** True once a limit is reached: sources stop listing and scrapers stop fetching. */
    public boolean stopped() {
        if (limitReached == null && clock.instant().isAfter(deadline)) {
            limit("maxSeconds (" + request.limits().maxSeconds() + ") reached");
        }
        return limitReached != null;
    }

    /** Reserves a lead slot; false once maxLeads leads were found. */
    public boolean claimLead() {
        if (leads.incrementAndGet() > request.limits().maxLeads()) {
            leads.decrementAndGet();
            limit("maxLeads (" + request.limits().maxLeads() + ") reached");
            return false;
        }
        return true;
    }

    /** Gives back a slot claimed for a site that yielded no lead. */
    public void releaseLead() {
        leads.decrementAndGet();
    }

    public void siteDiscovered() {
        sites.incrementAndGet();
    }

    public synchronized void note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    private void limit(String reason) {
        if (limitReached == null) {
            limitReached = reason;
            note(reason);
        }
    }

    public synchronized DiscoveryProgress progress(boolean finished) {
        String state = !finished ? DiscoveryProgress.RUNNING
                : limitReached != null ? DiscoveryProgress.LIMITED : DiscoveryProgress.COMPLETED;
        return new DiscoveryProgress(request.requestId(), state, fetched.get(), disallowed.get(), refused.get(),
                failed.get(), unchanged.get(), sites.get(), leads.get(), List.copyOf(notes), startedAt, clock.instant());
    }

    public Instant deadline() {
        return deadline;
    }
}
