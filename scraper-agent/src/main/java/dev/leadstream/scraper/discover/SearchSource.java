package dev.leadstream.scraper.discover;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadstream.scraper.crawl.CrawlSession;
import dev.leadstream.scraper.crawl.FetchOutcome;
import dev.leadstream.scraper.extract.Contacts;
import dev.leadstream.topics.EventJson;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A web search for "sector keywords geography"; each result's site is a candidate. The engine is
 * pluggable ({@link SearchEngine}); the one shipped speaks SearxNG's JSON API, configured by URL.
 */
public final class SearchSource implements DiscoverySource {

    /** Turns a query into result URLs, fetching through the session. */
    public interface SearchEngine {
        List<String> search(CrawlSession session, String query) throws DiscoveryException;
    }

    /** SearxNG: {@code GET <base>/search?q=...&format=json}, results in {@code results[].url}. */
    public record Searxng(String baseUrl) implements SearchEngine {
        @Override
        public List<String> search(CrawlSession session, String query) throws DiscoveryException {
            String url = baseUrl.replaceAll("/+$", "") + "/search?format=json&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
            Optional<FetchOutcome.Fetched> response = session.fetchApi(url);
            if (response.isEmpty()) {
                throw new DiscoveryException("the search endpoint " + baseUrl + " did not answer");
            }
            try {
                List<String> urls = new ArrayList<>();
                EventJson.MAPPER.readTree(response.get().body()).path("results")
                        .forEach(r -> urls.add(r.path("url").asText("")));
                return urls;
            } catch (IOException e) {
                throw new DiscoveryException("the search endpoint answered with something other than JSON");
            }
        }
    }

    private final Optional<SearchEngine> engine;

    public SearchSource(Optional<SearchEngine> engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "search";
    }

    @Override
    public void discover(CrawlSession session, Predicate<Candidate> sink) throws DiscoveryException {
        SearchEngine searchEngine = engine.orElseThrow(() -> new DiscoveryException(
                "the search source is not configured on this scraper (set scraper.search-searxng-url)"));
        List<String> words = new ArrayList<>();
        if (session.request().sector() != null) {
            words.add(session.request().sector());
        }
        words.addAll(session.request().keywords());
        if (session.request().geography() != null) {
            words.add(session.request().geography());
        }
        for (String result : searchEngine.search(session, String.join(" ", words))) {
            if (result.startsWith("http") && Contacts.socialProfile(result).isEmpty()) {
                URI uri = URI.create(result);
                if (!sink.test(Candidate.site(uri.getScheme() + "://" + uri.getRawAuthority() + "/", name()))) {
                    return;
                }
            }
        }
    }
}
