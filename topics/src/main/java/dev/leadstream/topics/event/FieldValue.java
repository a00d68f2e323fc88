package dev.leadstream.topics.event;

/**
 * One extracted value with the evidence for it: the page it came from, how it was found
 * (json-ld, microdata, heuristic, ...) and how sure the extractor is (0..1).
 */
public record FieldValue(String value, String sourceUrl, String method, double confidence) {

    public static FieldValue of(String value, String sourceUrl, String method, double confidence) {
        return new FieldValue(value, sourceUrl, method, confidence);
    }
}
